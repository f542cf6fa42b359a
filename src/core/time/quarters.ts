/**
 * Calendar helpers for quarter-resolved simulation.
 *
 * The engine measures time in "quarter-time": a continuous number where the integer part counts
 * quarters since 2000-Q1 and the fractional part is the share of the quarter elapsed (by days).
 * Shifting an activity profile by N quarters (triggers) is then exact arithmetic, and partial-quarter
 * activity (a measure effective on 4 April counts 88/91 of Q2) falls out of interval lengths.
 * Pure: uses `Date.UTC` for calendar arithmetic only, never the clock.
 */

const MS_PER_DAY = 86_400_000
const EPOCH_YEAR = 2000

/** Parsed quarter: calendar year and quarter number 1–4. */
export type Quarter = { year: number; q: 1 | 2 | 3 | 4 }

/** Parse `YYYY-Qn`; throws on malformed input (callers validate with zod first). */
export const parseQuarter = (id: string): Quarter => {
  const m = /^(\d{4})-Q([1-4])$/.exec(id)
  if (!m) throw new Error(`not a quarter id: ${id}`)
  return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] }
}

/** Quarter id `YYYY-Qn` for a quarter index (quarters since 2000-Q1). */
export const quarterLabel = (index: number): string => {
  const year = EPOCH_YEAR + Math.floor(index / 4)
  const q = (((index % 4) + 4) % 4) + 1
  return `${year}-Q${q}`
}

/** Quarter index (quarters since 2000-Q1) of a `YYYY-Qn` id. */
export const quarterIndex = (id: string): number => {
  const { year, q } = parseQuarter(id)
  return (year - EPOCH_YEAR) * 4 + (q - 1)
}

/** Day number (days since 1970-01-01 UTC) of the first day of a quarter index. */
const quarterStartDay = (index: number): number => {
  const year = EPOCH_YEAR + Math.floor(index / 4)
  const month = (((index % 4) + 4) % 4) * 3
  return Date.UTC(year, month, 1) / MS_PER_DAY
}

/** Day number of an ISO date `YYYY-MM-DD` (validated upstream). */
export const dayNumber = (iso: string): number => {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const d = Number(iso.slice(8, 10))
  return Date.UTC(y, m - 1, d) / MS_PER_DAY
}

/**
 * Quarter-time of an ISO date: quarter index + share of that quarter's days before the date.
 * 2025-04-04 → index(2025-Q2) + 3/91. Invariant: monotone in the date.
 */
export const quarterTime = (iso: string): number => {
  const day = dayNumber(iso)
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const index = (y - EPOCH_YEAR) * 4 + Math.floor((m - 1) / 3)
  const start = quarterStartDay(index)
  const len = quarterStartDay(index + 1) - start
  return index + (day - start) / len
}

/** Calendar year of a quarter index. */
export const quarterYear = (index: number): number => EPOCH_YEAR + Math.floor(index / 4)

/** `count` consecutive quarter labels starting at `start` (`YYYY-Qn`). */
export const quarterLabels = (start: string, count: number): string[] => {
  const s = quarterIndex(start)
  return Array.from({ length: count }, (_, i) => quarterLabel(s + i))
}
