import type { ChartData } from './chart-series'

/** The visible data table behind a chart: every plotted series per quarter, exact values. */
export function DataTable({ caption, data }: { caption: string; data: ChartData }) {
  const { rows } = data
  const series = data.series.filter((s) => s.active !== false)
  const hasBaseline = rows.some((r) => r.baseline !== null)
  const hasModified = rows.some((r) => r.modified !== null)
  const hasBand = rows.some((r) => r.band !== null)
  return (
    <div className="data-table" tabIndex={0} role="region" aria-label={`${caption}: data`}>
      <table>
        <caption>{caption} (index 0–100)</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col">Total</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
            {hasBaseline && <th scope="col">No measures</th>}
            {hasModified && <th scope="col">No measures, your assumptions</th>}
            {hasBand && <th scope="col">Band low (P10)</th>}
            {hasBand && <th scope="col">P50</th>}
            {hasBand && <th scope="col">Band high (P90)</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.quarter}>
              <th scope="row">{r.quarter}</th>
              <td>{r.total.toFixed(2)}</td>
              {series.map((s) => (
                <td key={s.key}>{Number(r[s.key] ?? 0).toFixed(2)}</td>
              ))}
              {hasBaseline && <td>{r.baseline?.toFixed(2) ?? '–'}</td>}
              {hasModified && <td>{r.modified?.toFixed(2) ?? '–'}</td>}
              {hasBand && <td>{r.band?.[0].toFixed(2) ?? '–'}</td>}
              {hasBand && <td>{r.p50?.toFixed(2) ?? '–'}</td>}
              {hasBand && <td>{r.band?.[1].toFixed(2) ?? '–'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
