import type { CompareSeries } from './compare-model'
import type { DiffRow } from './input-diff'

type Props = { rows: DiffRow[]; series: CompareSeries[] }

/** The inputs that differ between the compared scenarios, and only those. */
export function InputDiffTable({ rows, series }: Props) {
  if (rows.length === 0) {
    return (
      <p className="empty" data-testid="input-diff-empty">
        These scenarios have the same inputs: measures, parameters, dates, triggers and assumptions all match.
      </p>
    )
  }
  return (
    <table className="compare-table diff-table" data-testid="input-diff">
      <caption>
        Inputs that differ ({rows.length} {rows.length === 1 ? 'row' : 'rows'})
      </caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Input</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.group}|${r.item}`}>
            <td className="hint">{r.group}</td>
            <th scope="row">{r.item}</th>
            {r.values.map((v, i) => (
              <td key={series[i].key} className={v !== r.values[0] ? 'differs' : ''}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
