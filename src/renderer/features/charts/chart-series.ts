import { CHANNELS, CHANNEL_LABELS, type Channel, type Economy, type EvalResult, type Sector } from '../../../core'
import { measureSeries } from '../../../shared/measure-stack'
import { CHANNEL_COLORS } from './palette'

/**
 * Pure mappers from engine results to recharts rows. Components render what these return and compute
 * nothing; the values are rounded to what the tooltip shows, so a redraw happens only when a visible
 * number changes (rows are compared by value upstream).
 */

/** One plotted series of a stacked chart. `key` is the row field; colours are fixed per channel / measure. */
export type SeriesDef = { key: string; label: string; color: string; active?: boolean }

/** One quarter of a chart. Series values live under their `key`; the rest are the overlays. */
export type ChartRow = {
  quarter: string
  /** Scenario total (index 0–100). */
  total: number
  /** All measures off, default assumptions. */
  baseline: number | null
  /** All measures off, this scenario's assumption overrides (null when there are none). */
  modified: number | null
  /** The drawn band: P10–P90 of the total from the Monte Carlo, widened to the point estimate where it falls outside (null until computed or when hidden). */
  band: [number, number] | null
  /** Median of the Monte Carlo samples (null with the band). */
  p50?: number | null
  [series: string]: number | string | null | undefined | [number, number]
}

/** `min` is the lowest stacked value (negative contributions stack below zero when stacking by measure). */
export type ChartData = { rows: ChartRow[]; series: SeriesDef[]; min: number; max: number }

/** Per-quarter drawn band (low–high: P10–P90 widened to the point estimate) and P50 of one sector. */
export type Band = { low: number[]; high: number[]; p50: number[] }
/**
 * A sector's exposure split by measure (Shapley values from the core): for every quarter
 * baseline + Σ byMeasure = total. Contributions can be negative (capacity, stockpiles).
 */
export type Attribution = { baseline: number[]; byMeasure: Record<string, number[]> }

/** '2025-Q1' → '2025 Q1' (axis labels). */
export const quarterLabel = (q: string) => q.replace('-', ' ')

export const round = (v: number) => Math.round(v * 100) / 100

export type Overlays = {
  baseline?: EvalResult | null
  modified?: EvalResult | null
  band?: Band | null
}

function overlay(rows: ChartRow[], t: number, economy: Economy, sector: Sector, metric: 'exposure' | 'cost', o: Overlays) {
  const row = rows[t]
  const b = o.baseline?.economies[economy][sector][metric][t]
  const m = o.modified?.economies[economy][sector][metric][t]
  row.baseline = b === undefined ? null : round(b)
  row.modified = m === undefined ? null : round(m)
  const lo = o.band?.low[t]
  const hi = o.band?.high[t]
  const mid = o.band?.p50[t]
  row.band = lo === undefined || hi === undefined ? null : [round(lo), round(hi)]
  row.p50 = mid === undefined || row.band === null ? null : round(mid)
}

/**
 * Rows of one sector's exposure chart, stacked by channel. `channels` are the channels any measure can act
 * on for this economy (from the catalogue); channels outside it that carry exposure are added.
 */
export function channelChart(result: EvalResult, economy: Economy, sector: Sector, o: Overlays = {}, channels: readonly Channel[] = CHANNELS): ChartData {
  const s = result.economies[economy][sector]
  const rows: ChartRow[] = result.quarters.map((q, t) => {
    const row: ChartRow = { quarter: quarterLabel(q), total: round(s.exposure[t]), baseline: null, modified: null, band: null }
    for (const c of CHANNELS) row[c] = round(s.byChannel[c][t])
    return row
  })
  rows.forEach((_, t) => overlay(rows, t, economy, sector, 'exposure', o))
  // The series set does not depend on which measures are on, in a fixed order; `active` says which carry
  // exposure. So a toggle never reorders the stack or reflows the legend: inactive channels are drawn empty.
  const carries = (c: Channel) => rows.some((r) => (r[c] as number) > 0)
  const series = CHANNELS.filter((c) => channels.includes(c) || carries(c)).map((c: Channel) => ({ key: c, label: CHANNEL_LABELS[c], color: CHANNEL_COLORS[c], active: carries(c) }))
  return { rows, series, min: 0, max: rowsMax(rows) }
}

export type MeasureLabel = { id: string; label: string; color: string }

/**
 * Rows stacked by measure (the split is the shared one, so the screen and exports agree: see
 * `measureSeries`). Negative contributions (measures that lower exposure) stack below zero; the total is
 * drawn as a line.
 */
export function measureChart(
  result: EvalResult,
  economy: Economy,
  sector: Sector,
  attribution: Attribution,
  measures: readonly MeasureLabel[],
  o: Overlays = {}
): ChartData {
  const s = result.economies[economy][sector]
  const stack = measureSeries(attribution, measures)
  let min = 0
  let max = 0
  const rows: ChartRow[] = result.quarters.map((q, t) => {
    const row: ChartRow = { quarter: quarterLabel(q), total: round(s.exposure[t]), baseline: null, modified: null, band: null }
    let negative = 0
    let positive = 0
    for (const series of stack) {
      const v = series.values[t]
      row[series.key] = round(v)
      if (v < 0) negative += v
      else positive += v
    }
    min = Math.min(min, negative)
    max = Math.max(max, positive)
    return row
  })
  rows.forEach((_, t) => overlay(rows, t, economy, sector, 'exposure', o))
  const series: SeriesDef[] = stack.map(({ key, label, color }) => ({ key, label, color }))
  return { rows, series, min: round(min), max: Math.max(round(max), rowsMax(rows)) }
}

/** Cost pressure of every sector as lines, one row per quarter (the cost view). */
export type CostRow = { quarter: string } & Partial<Record<Sector | `${Sector}:baseline`, number>>

export function costRows(result: EvalResult, economy: Economy, sectors: readonly Sector[], baseline?: EvalResult | null): CostRow[] {
  return result.quarters.map((q, t) => {
    const row: CostRow = { quarter: quarterLabel(q) }
    for (const s of sectors) {
      row[s] = round(result.economies[economy][s].cost[t])
      if (baseline) row[`${s}:baseline`] = round(baseline.economies[economy][s].cost[t])
    }
    return row
  })
}


/** Largest value plotted in the rows (stack top, overlays, band top). */
export function rowsMax(rows: readonly ChartRow[]): number {
  let max = 0
  for (const r of rows) max = Math.max(max, r.total, r.baseline ?? 0, r.modified ?? 0, r.band?.[1] ?? 0)
  return max
}

/** Series of several charts merged by key, in first-seen order (the shared legend); active if active in any. */
export function mergeSeries(lists: readonly (readonly SeriesDef[])[]): SeriesDef[] {
  const seen = new Map<string, SeriesDef>()
  for (const list of lists)
    for (const s of list) {
      const prev = seen.get(s.key)
      if (!prev) seen.set(s.key, s)
      else if (prev.active === false && s.active !== false) seen.set(s.key, { ...prev, active: true })
    }
  return [...seen.values()]
}
