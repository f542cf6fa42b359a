import { memo } from 'react'
import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts'
import { SERIES_FILL_OPACITY } from '../../../shared/palette'
import { hasPart, stackLevels } from '../../../shared/stack'
import { bandPath, linePath, type PixelScale } from './chart-geometry'
import type { ChartRow, SeriesDef } from './chart-series'

/** A line over the stack: the total, the no-measures baseline, the modified baseline. */
export type LineDef = { key: 'total' | 'baseline' | 'modified'; stroke: string; width: number; dash?: string }

type Props = { rows: readonly ChartRow[]; series: readonly SeriesDef[]; lines: readonly LineDef[]; band: boolean }

/**
 * The plotted data of one exposure chart — the stacked series, the P10–P90 band and the reference
 * lines — as one path each, inside a recharts chart that draws the axes, grid and tooltip. recharts'
 * own Area remounts its whole subtree whenever its points change (even without animation), and every
 * series takes part in the chart's store; here a toggle re-renders this one component and changes
 * only the paths' `d`.
 */
export const SeriesLayer = memo(function SeriesLayer({ rows, series, lines, band }: Props) {
  const xScale = useXAxisScale()
  const yScale = useYAxisScale()
  if (!xScale || !yScale) return null
  const xs = rows.map((r) => xScale(r.quarter, { position: 'middle' }) ?? 0)
  const y: PixelScale = (v) => yScale(v) ?? 0
  // The stack as in every export: levels[t][i] is where series i sits in quarter t, above and below zero.
  const levels = stackLevels(series.map((s) => rows.map((r) => Number(r[s.key] ?? 0))))
  const seriesPath = (i: number) =>
    (['up', 'down'] as const)
      .filter((side) => hasPart(levels, i, side))
      .map((side) => bandPath(xs, levels.map((at) => at[i][side]), y))
      .join('')
  return (
    <>
      <ZIndexLayer zIndex={DefaultZIndexes.area}>
        <g className="chart-series">
          {series.map((s, i) => (
            <path key={s.key} className={`series series-${s.key.replace(/[^\w-]/g, '_')}`} d={seriesPath(i)} fill={s.color} fillOpacity={SERIES_FILL_OPACITY} />
          ))}
        </g>
      </ZIndexLayer>
      <ZIndexLayer zIndex={DefaultZIndexes.line}>
        <g className="chart-lines">
          {band && (
            // A filled envelope without edge lines (dashes belong to the "No measures" line) and the P50 as
            // small dots: neither can be read as a baseline.
            <g className="chart-band">
              <path d={bandPath(xs, rows.map((r) => r.band), y)} fill="var(--band)" />
              {rows.map((r, i) =>
                r.p50 === null || r.p50 === undefined ? null : <circle key={r.quarter} className="band-p50" cx={xs[i]} cy={y(r.p50)} r={2.5} fill="var(--band-edge)" />
              )}
            </g>
          )}
          {lines.map((l) => (
            <path key={l.key} className={`line-${l.key}`} d={linePath(xs, rows.map((r) => r[l.key]), y)} fill="none" stroke={l.stroke} strokeWidth={l.width} strokeDasharray={l.dash} />
          ))}
        </g>
      </ZIndexLayer>
    </>
  )
})
