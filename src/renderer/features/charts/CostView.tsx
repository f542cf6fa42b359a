import { memo } from 'react'
import { CartesianGrid, ComposedChart, Label, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { MarkerLabels } from './MarkerLines'
import { ECONOMY_LABELS, SECTORS, SECTOR_LABELS, type Economy } from '../../../core'
import type { Marker } from '../timeline/timeline-model'
import type { CostRow } from './chart-series'
import { niceCeiling } from '../../../shared/axis'

const SECTOR_COLORS = { defense: '#2e86ab', autos: '#d1495b', electronics: '#66a182' } as const
const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

type Props = { economy: Economy; rows: readonly CostRow[]; markers: readonly Marker[]; showBaseline: boolean; large: boolean }

/** Cost pressure (index 0–100) of the three sectors on one chart, with the no-measures lines dashed. */
export const CostView = memo(function CostView({ economy, rows, markers, showBaseline, large }: Props) {
  const title = `Cost pressure by sector, ${ECONOMY_LABELS[economy]}`
  const font = large ? 20 : 12
  const years = rows.map((r) => r.quarter).filter((q) => q.endsWith('Q1'))
  // The same ceiling steps as the exposure charts and exports: a cost path of 2 points is readable, not a flat line on 0–100.
  const top = niceCeiling(Math.max(0, ...rows.flatMap((r) => SECTORS.flatMap((s) => [r[s] ?? 0, showBaseline ? (r[`${s}:baseline`] ?? 0) : 0]))))
  return (
    <figure className="chart cost-chart" data-testid="chart-cost" data-economy={economy}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="hint">index 0–100: 50 = input price rises eat the sector’s whole operating margin</span>
      </figcaption>
      <div className="chart-plot" role="img" aria-label={`${title}, index 0 to 100 by quarter (axis to ${top})`}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <ComposedChart data={rows as CostRow[]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />
            <XAxis dataKey="quarter" ticks={years} tickFormatter={(q: string) => q.slice(0, 4)} tick={{ fill: 'var(--muted)', fontSize: font }} stroke="var(--border)" />
            <YAxis domain={[0, top]} tick={{ fill: 'var(--muted)', fontSize: font }} width={large ? 84 : 50} stroke="var(--border)">
              <Label value="index 0–100" angle={-90} position="insideLeft" offset={2} className="axis-unit" style={{ textAnchor: 'middle', dominantBaseline: 'hanging', fill: 'var(--muted)' }} />
            </YAxis>
            <Tooltip
              formatter={(v, name) => [`${Number(v).toFixed(2)} (index 0–100)`, name]}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--fg)' }}
              isAnimationActive={false}
            />
            {SECTORS.map((s) => (
              <Line key={s} type="linear" dataKey={s} name={SECTOR_LABELS[s]} stroke={SECTOR_COLORS[s]} strokeWidth={large ? 4 : 2.5} dot={false} isAnimationActive={false} />
            ))}
            {showBaseline &&
              SECTORS.map((s) => (
                <Line
                  key={`${s}-b`}
                  type="linear"
                  dataKey={`${s}:baseline`}
                  name={`${SECTOR_LABELS[s]}, no measures`}
                  stroke={SECTOR_COLORS[s]}
                  strokeDasharray="6 4"
                  strokeWidth={1.5}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            {/* Measures in force since before the horizon have no date on the axis: named on hover, no line on the y-axis. */}
            {markers.filter((m) => !m.edge).map((m) => (
              <ReferenceLine key={`${m.quarter}|${m.side}`} x={m.quarter} stroke={SIDE_STROKE[m.side]} strokeDasharray="1 3" />
            ))}
            <MarkerLabels markers={markers} large={large} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="legend">
        {SECTORS.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: SECTOR_COLORS[s] }} aria-hidden="true" />
            {SECTOR_LABELS[s]}
          </li>
        ))}
        {showBaseline && (
          <li>
            <span className="line-key dashed" aria-hidden="true" />
            No measures (same colour, dashed)
          </li>
        )}
      </ul>
      <div className="visually-hidden">
        <table data-testid="table-cost">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              {SECTORS.map((s) => (
                <th scope="col" key={s}>
                  {SECTOR_LABELS[s]} (index 0–100)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">{r.quarter}</th>
                {SECTORS.map((s) => (
                  <td key={s}>{r[s]?.toFixed(2)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
})
