import { isolateBidi } from './safe-text'

/**
 * Slide titles that state what the chart shows — what peaks, when, and what drives it — generated from the
 * results, so a room reads the point from the back of the room. Pure functions of numbers and names.
 */

/** A contribution to the peak: a measure (or "baseline dependence") and its index points at the peak quarter. */
export type Driver = { name: string; value: number }

export type SeriesTakeaway = {
  /** What the series is, e.g. `Defense exposure`. */
  subject: string
  /** Category labels, e.g. `2025 Q1`, one per value. */
  quarters: readonly string[]
  values: readonly number[]
  /** Contributions at each quarter (any order); the ones at the peak name the drivers. */
  driversAt?: (quarter: number) => Driver[]
}

/** Below this (index points) a series counts as zero: nothing to call a peak. */
export const NEGLIGIBLE_PEAK = 0.5
/** A driver is named when it gives at least this share of the peak (the second one only past the same share). */
export const DRIVER_SHARE = 0.2

/** Index points as said aloud: whole numbers from 10 up, one decimal below. */
export const spoken = (v: number) => (Math.abs(v) >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10))

/**
 * The one or two drivers worth naming at a quarter: positive contributions of at least `DRIVER_SHARE` of the
 * gross additions (every + contribution summed). Measured against the net total, two drivers could each
 * claim most of a peak that relief measures pull down.
 */
export function mainDrivers(drivers: readonly Driver[], total: number): Driver[] {
  if (total <= 0) return []
  const gross = drivers.reduce((a, d) => a + Math.max(0, d.value), 0)
  const ranked = drivers.filter((d) => d.value > 0 && d.value >= DRIVER_SHARE * gross).sort((a, b) => b.value - a.value)
  return ranked.slice(0, 2)
}

const driverPhrase = (drivers: Driver[]) => (drivers.length === 0 ? '' : `, driven by ${drivers.map((d) => d.name).join(' and ')}`)

/** Index of the (first) maximum. */
const argMax = (xs: readonly number[]) => xs.reduce((best, v, i) => (v > xs[best] ? i : best), 0)

/**
 * The takeaway of one series: "Defense exposure peaks at 62 in 2026 Q2, driven by Rare-earth licensing";
 * "… still rising at the end: 41 in 2030 Q4"; "… is highest at the start (30 in 2025 Q1), easing to 8 by
 * 2030 Q4"; "… stays near zero through 2030 Q4".
 */
export function seriesTakeaway({ subject, quarters, values, driversAt }: SeriesTakeaway): string {
  const n = values.length
  if (n === 0) return `${subject}: no quarters to show`
  const last = n - 1
  const p = argMax(values)
  const peak = values[p]
  if (!(peak >= NEGLIGIBLE_PEAK)) return `${subject} stays near zero through ${quarters[last]}`
  const drivers = driverPhrase(mainDrivers(driversAt?.(p) ?? [], peak))
  if (p === last && values[last] > values[0] + NEGLIGIBLE_PEAK) return `${subject} is still rising at the end: ${spoken(peak)} in ${quarters[p]}${drivers}`
  if (p === 0 && values[last] < 0.8 * peak) return `${subject} is highest at the start (${spoken(peak)} in ${quarters[0]})${drivers}, easing to ${spoken(values[last])} by ${quarters[last]}`
  return `${subject} peaks at ${spoken(peak)} in ${quarters[p]}${drivers}`
}

export type ScenarioPeak = { name: string; peak: number; peakQuarter: string }

/** Cuts a name for a title (the full name is on the slide's legend and table). */
export const shortName = (name: string, max = 32) => {
  const chars = Array.from(name)
  return chars.length <= max ? name : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/**
 * The takeaway of a comparison: which scenario peaks highest and which lowest, e.g. "Defense exposure:
 * “Escalation” peaks highest (62 in 2026 Q2); “Truce holds” lowest (12)". Equal peaks are said to be equal.
 */
export function comparisonTakeaway(subject: string, scenarios: readonly ScenarioPeak[]): string {
  if (scenarios.length === 0) return `${subject}: nothing to compare`
  const ranked = [...scenarios].sort((a, b) => b.peak - a.peak)
  const hi = ranked[0]
  const lo = ranked[ranked.length - 1]
  if (hi.peak < NEGLIGIBLE_PEAK) return `${subject} stays near zero in every scenario compared`
  if (hi.peak - lo.peak < NEGLIGIBLE_PEAK) return `${subject} peaks alike in every scenario compared (${spoken(hi.peak)})`
  // Names are direction-isolated: a right-to-left name must not reorder the figures after it.
  return `${subject}: “${isolateBidi(shortName(hi.name))}” peaks highest (${spoken(hi.peak)} in ${hi.peakQuarter}); “${isolateBidi(shortName(lo.name))}” lowest (${spoken(lo.peak)})`
}
