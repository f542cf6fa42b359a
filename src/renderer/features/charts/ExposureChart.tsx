import { memo } from 'react'
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHANNEL_LABELS, ECONOMY_LABELS, SECTOR_LABELS, type Economy, type Sector } from '../../../core'
import { activeChannels, type ChannelRow } from './chart-series'
import { CHANNEL_COLORS } from './palette'

type Props = { sector: Sector; economy: Economy; rows: ChannelRow[]; referenceLabel: string }

/**
 * One sector's exposure over time, stacked by channel, with the reference line. Renders only: the rows
 * come from the pure mapper, and memo keeps an unchanged chart from re-rendering when another one changes.
 */
export const ExposureChart = memo(function ExposureChart({ sector, economy, rows, referenceLabel }: Props) {
  const title = `${SECTOR_LABELS[sector]} — exposure, ${ECONOMY_LABELS[economy]}`
  const channels = activeChannels(rows)
  const hasReference = rows.some((r) => r.reference !== null)
  return (
    <figure className="chart" data-testid={`chart-${sector}`} data-economy={economy}>
      <figcaption className="chart-title">{title}</figcaption>
      <div className="chart-plot" role="img" aria-label={`${title}, index 0 to 100 by quarter, stacked by channel`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis dataKey="quarter" tick={{ fill: 'var(--muted)', fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis domain={[0, 100]} tick={{ fill: 'var(--muted)', fontSize: 12 }} width={36} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(1)} / 100`} contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {channels.map((c) => (
              <Area key={c} type="monotone" dataKey={c} name={CHANNEL_LABELS[c]} stackId="channels" stroke={CHANNEL_COLORS[c]} fill={CHANNEL_COLORS[c]} fillOpacity={0.75} isAnimationActive={false} />
            ))}
            {hasReference && (
              <Line type="monotone" dataKey="reference" name={referenceLabel} stroke="var(--fg)" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden" data-testid={`table-${sector}`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Exposure (index 0–100)</th>
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
    </figure>
  )
})
