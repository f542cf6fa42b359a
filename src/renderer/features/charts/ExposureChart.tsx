import { memo } from 'react'
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ECONOMY_LABELS, SECTOR_LABELS, type Economy, type Sector } from '../../../core'
import type { Marker } from '../timeline/timeline-model'
import type { ChartData, ChartRow } from './chart-series'
import type { Headline } from './headline'
import { ChartTooltip } from './ChartTooltip'
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
  yMax: number
  yMin: number
  headline: Headline
  stacking: 'channel' | 'measure'
  options: ChartOptions
  showTable: boolean
}

export const UNIT = 'index 0–100'
const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

/** Year ticks only: 24 quarter labels do not fit, and fewer ticks draw faster. */
const yearTicks = (rows: ChartData['rows']) => rows.map((r) => r.quarter).filter((q) => q.endsWith('Q1'))
const yearOf = (q: string) => q.slice(0, 4)
/** Band edges drawn over the stacks (the band's fill sits behind them). Module-level: stable identities. */
const p10 = (r: ChartRow) => r.band?.[0] ?? null
const p90 = (r: ChartRow) => r.band?.[1] ?? null

/**
 * One sector's exposure over time: stacked areas (by channel or by measure), the no-measures baseline,
 * the modified baseline, the P10–P90 band and a marker per quarter in which a measure starts, ends or
 * pauses. Renders only; `memo` plus value-stable props keep unchanged charts from re-rendering.
 */
export const ExposureChart = memo(function ExposureChart({ sector, economy, data, markers, yMax, yMin, headline, stacking, options, showTable }: Props) {
  const title = `${SECTOR_LABELS[sector]} — exposure, ${ECONOMY_LABELS[economy]}`
  const { rows, series } = data
  const hasModified = options.showBaseline && rows.some((r) => r.modified !== null)
  const hasBand = options.showBand && rows.some((r) => r.band !== null)
  const font = options.large ? 20 : 12
  const thick = options.large ? 3 : 1.5
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
      <div className="chart-plot" role="img" aria-label={`${title}, ${UNIT} by quarter, stacked by ${stacking}`}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 160 }}>
          <ComposedChart data={rows} margin={{ top: 6, right: 12, bottom: 0, left: 0 }} stackOffset={yMin < 0 ? 'sign' : 'none'}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="quarter" ticks={yearTicks(rows)} tickFormatter={yearOf} tick={{ fill: 'var(--muted)', fontSize: font }} stroke="var(--border)" />
            <YAxis domain={[yMin, yMax]} tickCount={yMin < 0 ? 4 : 3} tick={{ fill: 'var(--muted)', fontSize: font }} width={options.large ? 48 : 32} stroke="var(--border)" />
            <Tooltip content={<ChartTooltip series={series} markers={markers} />} isAnimationActive={false} />
            {hasBand && <Area type="linear" dataKey="band" name="P10–P90" stroke="none" fill="var(--band)" fillOpacity={1} isAnimationActive={false} />}
            {series.map((s) => (
              <Area key={s.key} type="linear" dataKey={s.key} name={s.label} stackId="stack" stroke={s.color} fill={s.color} fillOpacity={0.8} strokeWidth={1} isAnimationActive={false} />
            ))}
            {hasBand && <Line type="linear" dataKey={p10} name="P10" stroke="var(--band-edge)" strokeWidth={1} strokeDasharray="4 2" dot={false} isAnimationActive={false} />}
            {hasBand && <Line type="linear" dataKey={p90} name="P90" stroke="var(--band-edge)" strokeWidth={1} strokeDasharray="4 2" dot={false} isAnimationActive={false} />}
            {stacking === 'measure' && <Line type="linear" dataKey="total" name="Total" stroke="var(--fg)" strokeWidth={thick + 0.5} dot={false} isAnimationActive={false} />}
            {options.showBaseline && (
              <Line type="linear" dataKey="baseline" name="No measures" stroke="var(--fg)" strokeWidth={thick} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            )}
            {hasModified && (
              <Line type="linear" dataKey="modified" name="No measures, your assumptions" stroke="var(--modified)" strokeWidth={thick} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            )}
            {markers.map((m) => (
              <ReferenceLine key={`${m.quarter}|${m.side}`} x={m.quarter} stroke={SIDE_STROKE[m.side]} strokeWidth={thick} strokeDasharray="1 3" ifOverflow="extendDomain" />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
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
