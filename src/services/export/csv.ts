import { CHANNELS, CHANNEL_LABELS, ECONOMIES, ECONOMY_LABELS, SECTORS, SECTOR_LABELS, type EvalResult } from '../../core'
import { INDEX_UNIT, quarterText, type ChartSpec } from './chart-spec'
import { neutraliseFormula } from './safe-text'

/**
 * CSV exports (RFC 4180, comma-separated, CRLF line ends, UTF-8 with a byte-order mark so Excel on Windows
 * reads "–" and "≤" in the headers as UTF-8). Values are the engine's numbers, unrounded, so a spreadsheet
 * recomputes what the app shows; every value column names its unit in the header. Text cells that a
 * spreadsheet would run as a formula (a scenario name like `=HYPERLINK(…)`; scenario files come from other
 * people) start with an apostrophe.
 */

/** The UTF-8 byte-order mark every CSV starts with. */
export const CSV_BOM = '\uFEFF'

/** A text field neutralised against formulas and quoted when it holds a comma, quote or line break; numbers as they are. */
export const csvField = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const toCsv = (rows: (string | number | null)[][]) => CSV_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'

/** The data behind one chart: one row per quarter, one column per drawn series (stack, lines, band); gaps empty. */
export function chartCsv(spec: ChartSpec): string {
  const unit = ` (${spec.unit})`
  const header: string[] = ['Quarter']
  const columns: (number | null)[][] = []
  for (const s of spec.stacked) {
    header.push(`${s.name}${unit}`)
    columns.push(s.values)
  }
  if (spec.stacked.length > 0) {
    header.push(`Total of stack${unit}`)
    columns.push(spec.categories.map((_, i) => spec.stacked.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)))
  }
  for (const s of spec.lines) {
    header.push(`${s.name}${unit}`)
    columns.push(s.values)
  }
  if (spec.band) {
    header.push(`P10${unit}`, `P90${unit}`)
    columns.push(spec.band.low, spec.band.high)
  }
  return toCsv([header, ...spec.categories.map((q, i) => [q, ...columns.map((c) => c[i])])])
}

/**
 * Every series of one or more scenarios: a row per scenario and quarter; for each economy and sector the
 * exposure, the cost pressure and the exposure of each channel.
 */
export function seriesCsv(scenarios: { name: string; result: EvalResult }[]): string {
  const header = ['Scenario', 'Quarter']
  for (const e of ECONOMIES) {
    for (const s of SECTORS) {
      const prefix = `${ECONOMY_LABELS[e]} | ${SECTOR_LABELS[s]}`
      header.push(`${prefix} | Exposure (${INDEX_UNIT})`, `${prefix} | Cost pressure (${INDEX_UNIT})`)
      for (const c of CHANNELS) header.push(`${prefix} | Exposure: ${CHANNEL_LABELS[c]} (${INDEX_UNIT})`)
    }
  }
  const rows: (string | number)[][] = [header]
  for (const { name, result } of scenarios) {
    result.quarters.forEach((q, t) => {
      const row: (string | number)[] = [name, quarterText(q)]
      for (const e of ECONOMIES) {
        for (const s of SECTORS) {
          const series = result.economies[e][s]
          row.push(series.exposure[t], series.cost[t])
          for (const c of CHANNELS) row.push(series.byChannel[c][t])
        }
      }
      rows.push(row)
    })
  }
  return toCsv(rows)
}
