import { memo, useMemo } from 'react'
import { Area, CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ECONOMY_LABELS, SECTOR_LABELS, type Economy, type Sector } from '../../../core'
import type { Marker } from '../timeline/timeline-model'
import type { ChartData, SeriesDef } from './chart-series'
import { useStable } from '../../state/use-stable'
import { useKeyedElements } from '../../state/use-keyed-elements'
import { MarkerLayer, markerScope } from './MarkerLines'
import type { Headline } from './headline'
import { ChartTooltip, TooltipContext } from './ChartTooltip'
import { DataTable } from './DataTable'
import { ChartExportButton } from '../export/ChartExportButton'

export type ChartOptions = {
  showBand: boolean
  showBaseline: boolean
  /** Presentation mode: larger type and thicker lines. */
  large: boolean
}

type Props = {
  sector: Sector
  economy: Economy
  data: ChartData
  markers: readonly Marker[]
  allMarkers: readonly Marker[]
  enabledIds: string
  yMax: number
  yMin: number
  headline: Headline
  stacking: 'channel' | 'measure'
  options: ChartOptions
  showTable: boolean
}

export const UNIT = 'index 0–100'

/** Year ticks only: 24 quarter labels do not fit, and fewer ticks draw faster. */
const yearTicks = (rows: ChartData['rows']) => rows.map((r) => r.quarter).filter((q) => q.endsWith('Q1'))
const yearOf = (q: string) => q.slice(0, 4)

const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 }
/**
 * ResponsiveContainer hands the chart its size in pixels. A chart sized in percent (recharts' `responsive`)
 * makes the browser lay out every SVG element again whenever anything around it is laid out — a changed
 * headline figure then cost ≈1 ms of layout per chart on each toggle.
 */
const INITIAL_SIZE = { width: 750, height: 100 }
/** Room for the y tick labels: wider on large screens and in presentation, where the type is larger. */
const yAxisWidth = (large: boolean) => (large ? 56 : typeof window !== 'undefined' && window.innerWidth >= 2200 ? 56 : 34)

/**
 * The chart's children, memoized piece by piece. recharts 3 feeds the plotted data through its store,
 * so when only the rows change these elements keep their identity and React skips them entirely; each
 * re-rendered item would otherwise re-register itself (a store dispatch that every item re-checks).
 */
function useLayers(
  series: readonly SeriesDef[],
  markers: readonly Marker[],
  ticks: readonly string[],
  yMin: number,
  yMax: number,
  stacking: 'channel' | 'measure',
  large: boolean,
  showBand: boolean,
  showBaseline: boolean,
  hasModified: boolean
) {
  const thick = large ? 3 : 1.5
  const axes = useMemo(() => {
    const tick = { fill: 'var(--muted)', fontSize: large ? 20 : 12 }
    return [
      <CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />,
      <XAxis key="x" dataKey="quarter" ticks={ticks as string[]} tickFormatter={yearOf} tick={tick} stroke="var(--border)" />
    ]
  }, [ticks, large])
  const yAxis = useMemo(
    () => (
      <YAxis
        key="y"
        domain={[yMin, yMax]}
        ticks={yMin < 0 ? [yMin, 0, yMax] : [0, yMax / 2, yMax]}
        tickCount={4}
        tick={{ fill: 'var(--muted)', fontSize: large ? 20 : 12 }}
        width={yAxisWidth(large)}
        stroke="var(--border)"
      />
    ),
    [yMin, yMax, large]
  )
  // The tooltip reads series and markers from context, so its element (and recharts' tooltip state) stays put.
  const tooltip = useMemo(() => <Tooltip key="tip" content={<ChartTooltip />} isAnimationActive={false} />, [])
  // Area props never depend on the data (a channel without exposure is simply a zero-height band), so a
  // toggle that empties or fills a channel re-renders no series.
  const areas = useKeyedElements(
    series,
    (s) => s.key,
    (s) => `${s.label}|${s.color}`,
    (s) => <Area key={s.key} type="linear" dataKey={s.key} name={s.label} stackId="stack" stroke="none" fill={s.color} fillOpacity={0.85} isAnimationActive={false} />
  )
  // Lines are fill-less Areas: recharts' Line measures its path (getTotalLength) on every render, which
  // forces a layout in the middle of the update.
  const overlays = useMemo(() => {
    const line = (key: string, dataKey: string, name: string, stroke: string, width: number, dash?: string) => (
      <Area key={key} type="linear" dataKey={dataKey} name={name} stroke={stroke} strokeWidth={width} strokeDasharray={dash} fill="none" isAnimationActive={false} />
    )
    const out = []
    // The band on top: a light fill (so the stack shows through) with dashed P10 and P90 edges.
    if (showBand) out.push(<Area key="band" type="linear" dataKey="band" name="P10–P90" stroke="var(--band-edge)" strokeDasharray="4 2" strokeWidth={1} fill="var(--band)" fillOpacity={1} isAnimationActive={false} />)
    if (stacking === 'measure') out.push(line('total', 'total', 'Total', 'var(--fg)', thick + 0.5))
    if (showBaseline) out.push(line('baseline', 'baseline', 'No measures', 'var(--fg)', thick, '6 4'))
    if (hasModified) out.push(line('modified', 'modified', 'No measures, your assumptions', 'var(--modified)', thick, '2 3'))
    return out
  }, [showBand, stacking, showBaseline, hasModified, thick])
  const marks = useMemo(() => <MarkerLayer key="markers" markers={markers} thick={thick} />, [markers, thick])
  return [...axes, yAxis, tooltip, ...areas, ...overlays, marks]
}

/**
 * One sector's exposure over time: stacked areas (by channel or by measure), the no-measures baseline,
 * the modified baseline, the P10–P90 band and a marker per quarter in which a measure starts, ends or
 * pauses. Renders only; `memo` plus value-stable props keep unchanged charts from re-rendering.
 */
export const ExposureChart = memo(function ExposureChart({ sector, economy, data, markers, allMarkers, enabledIds, yMax, yMin, headline, stacking, options, showTable }: Props) {
  const title = `${SECTOR_LABELS[sector]} — exposure, ${ECONOMY_LABELS[economy]}`
  const { rows, series } = data
  const { large, showBand, showBaseline } = options
  const hasModified = showBaseline && rows.some((r) => r.modified !== null)
  // A no-measures line that is zero throughout would only retrace the x axis: the legend says so instead.
  const drawBaseline = showBaseline && rows.some((r) => (r.baseline ?? 0) !== 0)
  const layers = useLayers(series, allMarkers, useStable(yearTicks(rows)), yMin, yMax, stacking, large, showBand, drawBaseline, hasModified)
  // The layer set is part of the key: recharts 3 registers a series that is added later at the end of its
  // list (changing what is drawn on top and the stack order), so a different set means a fresh chart.
  // Labels and colours only (not which channel is active), so a toggle does not change the context.
  const tooltipSeries = useStable(series.map(({ key, label, color }) => ({ key, label, color })))
  const tooltipData = useMemo(() => ({ series: tooltipSeries, markers }), [tooltipSeries, markers])
  const layerKey = `${stacking === 'measure' ? series.map((s) => s.key).join('|') : 'channels'}/${showBand}/${drawBaseline}/${hasModified}`
  return (
    <figure className="chart" data-testid={`chart-${sector}`} data-economy={economy}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="headline" data-testid={`headline-${sector}`}>
          <span>
            Peak <strong>{headline.peak.toFixed(1)}</strong>
            {headline.peakQuarter ? ` in ${headline.peakQuarter}` : ''}
          </span>
          <span>
            <strong>{headline.above}</strong> {headline.above === 1 ? 'quarter' : 'quarters'} above {headline.threshold}
          </span>
        </span>
        <ChartExportButton chart={{ sector, economy, stacking, band: options.showBand, reference: options.showBaseline }} />
      </figcaption>
      {rows.every((r) => r.total === 0) && (
        <p className="chart-empty">No exposure for this sector: no measure that is on acts on it. Switch measures on in the side panels, or switch economy.</p>
      )}
      <div className={`chart-plot ${markerScope(enabledIds)}`} role="img" aria-label={`${title}, ${UNIT} by quarter, stacked by ${stacking}`}>
        <TooltipContext.Provider value={tooltipData}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={INITIAL_SIZE}>
            <ComposedChart key={layerKey} data={rows} margin={MARGIN} stackOffset={yMin < 0 ? 'sign' : 'none'}>
              {layers}
            </ComposedChart>
          </ResponsiveContainer>
        </TooltipContext.Provider>
      </div>
      {showTable && <DataTable caption={title} data={data} />}
      <div className="visually-hidden">
        <table data-testid={`table-${sector}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Exposure ({UNIT})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">{r.quarter}</th>
                <td>{r.total.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
})
