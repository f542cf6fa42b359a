import type { MeasureSetting } from '../scenario/schema'
import { quarterTime } from '../time/quarters'

/**
 * Activity profiles: when, and how strongly, a measure acts, in quarter-time (see time/quarters.ts).
 * A profile is a sorted list of non-overlapping segments [from, to) with a strength in (0, 1]:
 * 1 for the measure's own dates, the trigger intensity for triggered activity.
 */
export type Segment = { from: number; to: number; strength: number }

/** Far-future bound for open-ended measures (quarter-time ≈ year 2500). */
const OPEN_END = 2000

/** Own activity of a setting: [start, end) minus its suspensions; empty when disabled. */
export const ownSegments = (setting: MeasureSetting): Segment[] => {
  if (!setting.enabled) return []
  const start = quarterTime(setting.start)
  const end = setting.end === null ? OPEN_END : quarterTime(setting.end)
  if (!(end > start)) return []
  const holes = setting.suspensions
    .map((s) => ({ from: quarterTime(s.from), to: s.until === null ? OPEN_END : quarterTime(s.until) }))
    .sort((a, b) => a.from - b.from)
  const out: Segment[] = []
  let cursor = start
  for (const h of holes) {
    if (h.to <= cursor) continue
    if (h.from >= end) break
    if (h.from > cursor) out.push({ from: cursor, to: Math.min(h.from, end), strength: 1 })
    cursor = Math.max(cursor, h.to)
    if (cursor >= end) break
  }
  if (cursor < end) out.push({ from: cursor, to: end, strength: 1 })
  return out
}

/** Shift a profile by `lag` quarters and scale its strength (a trigger's response). */
export const shiftSegments = (segs: readonly Segment[], lag: number, intensity: number): Segment[] =>
  intensity <= 0 ? [] : segs.map((s) => ({ from: s.from + lag, to: s.to + lag, strength: s.strength * intensity }))

/** Pointwise maximum of several profiles (a measure both set and triggered acts at the stronger level). */
export const maxSegments = (lists: readonly (readonly Segment[])[]): Segment[] => {
  const all = lists.flat()
  if (all.length <= 1) return all.map((s) => ({ ...s }))
  const cuts = [...new Set(all.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number
    const b = cuts[i + 1] as number
    let st = 0
    for (const s of all) if (s.from <= a && s.to >= b && s.strength > st) st = s.strength
    if (st <= 0) continue
    const last = out[out.length - 1]
    if (last && last.to === a && last.strength === st) last.to = b
    else out.push({ from: a, to: b, strength: st })
  }
  return out
}

/**
 * Per-quarter summary of a profile over `count` quarters starting at absolute quarter index `q0`.
 * - `strength[t]`: ∫ strength over quarter t (0–1): active half a quarter at full strength → 0.5;
 * - `active[t]`: share of quarter t with any activity (for the UI timeline);
 * - `init[t]`, `steady[t]`: licensed arrivals in quarter t, split by the approval regime under which
 *   they were applied for. Applications made at time x arrive at x + lag; during the first `initial`
 *   quarters of each activity episode the initial approval rate applies, then the steady rate.
 *   So cleared flow = (1 − strength) + a₀·init + a·steady (exact for piecewise-constant rates).
 * - `initUs`, `steadyUs`: the same with the US-bound initial period `initialUs`.
 * - `firstActive`: quarter-time activity first starts (Infinity if never).
 */
export type QuarterProfile = {
  strength: Float64Array
  active: Float64Array
  init: Float64Array
  steady: Float64Array
  initUs: Float64Array
  steadyUs: Float64Array
  firstActive: number
}

/** Timing of a licence regime, in quarters. */
export type LicenceTiming = { lag: number; initial: number; initialUs: number }

/**
 * Summarise segments into per-quarter arrays over `count` slots from absolute quarter `q0`. With
 * `into` (a profile of the same length) its arrays are overwritten and it is returned, so a Monte
 * Carlo draw that moves a licence timing does not allocate.
 */
export const summariseProfile = (segs: readonly Segment[], q0: number, count: number, timing: LicenceTiming, into?: QuarterProfile): QuarterProfile => {
  const out: QuarterProfile = into ?? emptyProfile(count)
  if (into !== undefined) {
    out.strength.fill(0)
    out.active.fill(0)
    out.init.fill(0)
    out.steady.fill(0)
    out.initUs.fill(0)
    out.steadyUs.fill(0)
    out.firstActive = Number.POSITIVE_INFINITY
  }
  const { lag } = timing
  let episodeStart = Number.NEGATIVE_INFINITY
  let prevEnd = Number.NaN
  for (const s of segs) {
    if (s.from !== prevEnd) episodeStart = s.from
    prevEnd = s.to
    addInterval(out.strength, q0, s.from, s.to, s.strength)
    addInterval(out.active, q0, s.from, s.to, 1)
    splitArrivals(s, q0, lag, episodeStart + timing.initial, out.init, out.steady)
    splitArrivals(s, q0, lag, episodeStart + timing.initialUs, out.initUs, out.steadyUs)
  }
  for (let t = 0; t < count; t++) {
    if ((out.active[t] as number) > 1) out.active[t] = 1
    if ((out.strength[t] as number) > 1) out.strength[t] = 1
  }
  if (segs.length > 0) out.firstActive = (segs[0] as Segment).from
  return out
}

const emptyProfile = (count: number): QuarterProfile => ({
  strength: new Float64Array(count), active: new Float64Array(count), init: new Float64Array(count), steady: new Float64Array(count),
  initUs: new Float64Array(count), steadyUs: new Float64Array(count), firstActive: Number.POSITIVE_INFINITY
})

/** A segment's licensed arrivals (one lag later), applied for before `initialEnd` into `initArr`, the rest into `steadyArr`. */
const splitArrivals = (s: Segment, q0: number, lag: number, initialEnd: number, initArr: Float64Array, steadyArr: Float64Array): void => {
  const cut = Math.min(s.to, Math.max(s.from, initialEnd))
  addInterval(initArr, q0, s.from + lag, cut + lag, s.strength)
  addInterval(steadyArr, q0, cut + lag, s.to + lag, s.strength)
}

/** Add weight × overlap of [from, to) with each quarter slot into `arr`. */
const addInterval = (arr: Float64Array, q0: number, from: number, to: number, weight: number): void => {
  if (!(to > from) || weight === 0) return
  const count = arr.length
  const tFirst = Math.max(0, Math.floor(from) - q0)
  const tLast = Math.min(count - 1, Math.ceil(to) - 1 - q0)
  for (let t = tFirst; t <= tLast; t++) {
    const a = Math.max(from, q0 + t)
    const b = Math.min(to, q0 + t + 1)
    if (b > a) arr[t] = (arr[t] as number) + (b - a) * weight
  }
}
