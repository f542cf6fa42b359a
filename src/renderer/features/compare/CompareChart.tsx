import { memo } from 'react'
import { CartesianGrid, Label, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ECONOMY_LABELS, SECTOR_LABELS, type Economy, type Sector } from '../../../core'
import type { CompareRow, CompareSeries } from './compare-model'

type Props = { sector: Sector; economy: Economy; rows: CompareRow[]; series: CompareSeries[]; yMax: number }

const yearTicks = (rows: CompareRow[]) => rows.map((r) => r.quarter).filter((q) => q.endsWith('Q1'))

/** A sample of a series' line (colour and dash), for the legend. */
export function LineSample({ s }: { s: CompareSeries }) {
  return (
    <svg width="28" height="10" aria-hidden="true" className="line-sample">
      <line x1="1" y1="5" x2="27" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash || undefined} />
    </svg>
  )
}

/** One sector's exposure for every compared scenario, overlaid; the legend names each scenario. */
export const CompareChart = memo(function CompareChart({ sector, economy, rows, series, yMax }: Props) {
  const title = `${SECTOR_LABELS[sector]} — exposure, ${ECONOMY_LABELS[economy]}`
  return (
    <figure className="chart compare-chart" data-testid={`compare-chart-${sector}`} data-y-max={yMax}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="compare-plot" role="img" aria-label={`${title}, index 0–100 by quarter, comparing ${series.map((s) => s.label).join(', ')}`}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 380, height: 300 }}>
          <LineChart data={rows} margin={{ top: 6, right: 10, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="quarter" ticks={yearTicks(rows)} tickFormatter={(q: string) => q.slice(0, 4)} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--border)" />
            <YAxis domain={[0, yMax]} ticks={[0, yMax / 2, yMax]} tick={{ fill: 'var(--muted)', fontSize: 12 }} width={48} stroke="var(--border)" allowDataOverflow>
              <Label value="index 0–100" angle={-90} position="insideLeft" offset={2} className="axis-unit" style={{ textAnchor: 'middle', dominantBaseline: 'hanging', fill: 'var(--muted)' }} />
            </YAxis>
            <Tooltip
              isAnimationActive={false}
              formatter={(v) => (typeof v === 'number' ? v.toFixed(1) : String(v))}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            />
            {series.map((s) => (
              <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={s.color} strokeDasharray={s.dash || undefined} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="compare-legend" aria-label={`Legend: ${title}`}>
        {series.map((s) => (
          <li key={s.key}>
            <LineSample s={s} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  )
})
