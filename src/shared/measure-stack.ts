import { measureColor, REST_COLOR, STRUCTURAL_COLOR } from './palette'

/** At most this many series in a stack by measure; past it, the smaller measures are summed into one. */
export const MAX_MEASURE_SERIES = 8
/** Values below this (index points, summed over the horizon for a measure) count as no contribution. */
const NEGLIGIBLE = 0.005

/** A sector's exposure split by measure (Shapley values): per quarter, baseline + Σ byMeasure = total. */
export type ExposureSplit = { baseline: readonly number[]; byMeasure: Readonly<Record<string, readonly number[]>> }
export type MeasureLegend = { id: string; label: string; color: string }
export type MeasureSeries = { key: string; label: string; color: string; values: number[] }

/**
 * Legend entries of a stack by measure: the catalogue's short name and the measure's own colour
 * (`measureColor`). The one assignment the workspace and every export use, so a measure is the same colour
 * in every chart, on screen and on the slide.
 */
export function measureLegend(measures: readonly { id: string; short: string }[]): MeasureLegend[] {
  return measures.map((m) => ({ id: m.id, label: m.short, color: measureColor(m.id) }))
}

/**
 * Exposure stacked by measure, the same on screen and in exports: the measures that move exposure most
 * (summed over the horizon, either way) get a series each, the others are summed into "Other measures",
 * and the exposure with every measure off is "Without any measure". Values keep their sign — a measure
 * that lowers exposure stacks below zero — so the series always add up to the total.
 */
export function measureSeries(split: ExposureSplit, measures: readonly MeasureLegend[]): MeasureSeries[] {
  const quarters = split.baseline.length
  const valuesOf = (id: string) => Array.from({ length: quarters }, (_, t) => split.byMeasure[id]?.[t] ?? 0)
  const weight = (id: string) => valuesOf(id).reduce((a, v) => a + Math.abs(v), 0)
  const ranked = measures.filter((m) => weight(m.id) > NEGLIGIBLE).sort((a, b) => weight(b.id) - weight(a.id))
  const own = ranked.length > MAX_MEASURE_SERIES ? ranked.slice(0, MAX_MEASURE_SERIES - 1) : ranked
  // Everything without a series of its own, negligible ones included, so the stack adds up.
  const others = measures.filter((m) => !own.includes(m))
  const series: MeasureSeries[] = own.map((m) => ({ key: `m:${m.id}`, label: m.label, color: m.color, values: valuesOf(m.id) }))
  const other = Array.from({ length: quarters }, (_, t) => others.reduce((a, m) => a + (split.byMeasure[m.id]?.[t] ?? 0), 0))
  const matters = (values: readonly number[]) => values.some((v) => Math.abs(v) >= NEGLIGIBLE)
  // Shown when it is visible at the screen's precision (0.01): below that, the stack is off by less.
  if (matters(other)) series.push({ key: 'other', label: 'Other measures', color: REST_COLOR, values: other })
  if (matters(split.baseline)) series.push({ key: 'structural', label: 'Without any measure', color: STRUCTURAL_COLOR, values: [...split.baseline] })
  return series
}
