import { createContext, useContext } from 'react'
import type { Marker } from '../timeline/timeline-model'
import type { ChartRow, SeriesDef } from './chart-series'

/** What the hovered chart plots; provided around the chart so the Tooltip element never changes. */
export const TooltipContext = createContext<{ rows: readonly ChartRow[]; series: readonly SeriesDef[]; markers: readonly Marker[] }>({ rows: [], series: [], markers: [] })

type Props = {
  unit?: string
  /** Filled in by recharts: whether a quarter is hovered, and which. */
  active?: boolean
  label?: string | number
}

const f = (v: number) => v.toFixed(2)

/** Exact values of the hovered quarter with units, largest contribution first, and the events of that quarter. */
export function ChartTooltip({ unit = 'index 0–100', active, label }: Props) {
  const { rows, series, markers } = useContext(TooltipContext)
  const row = rows.find((r) => r.quarter === label)
  if (!active || !row) return null
  const parts = series.map((s) => ({ s, v: Number(row[s.key] ?? 0) })).filter((p) => p.v > 0)
  parts.sort((a, b) => b.v - a.v)
  const events = markers.filter((m) => m.quarter === label).flatMap((m) => m.texts)
  return (
    <div className="chart-tooltip">
      <p className="tt-title">
        {label} — exposure {f(row.total)} <span className="unit">({unit})</span>
      </p>
      <table>
        <tbody>
          {parts.map(({ s, v }) => (
            <tr key={s.key}>
              <td>
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                {s.label}
              </td>
              <td className="num">{f(v)}</td>
            </tr>
          ))}
          {row.baseline !== null && (
            <tr className="tt-ref">
              <td>No measures (default assumptions)</td>
              <td className="num">{f(row.baseline)}</td>
            </tr>
          )}
          {row.modified !== null && (
            <tr className="tt-ref">
              <td>No measures (your assumptions)</td>
              <td className="num">{f(row.modified)}</td>
            </tr>
          )}
          {row.band && (
            <tr className="tt-ref">
              <td>Band P10–P90{row.p50 !== null && row.p50 !== undefined ? ` (P50 ${f(row.p50)})` : ''}</td>
              <td className="num">
                {f(row.band[0])}–{f(row.band[1])}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {events.length > 0 && (
        <ul className="tt-events">
          {events.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
