import type { Model } from '../model/load-model'
import { quarterIndex } from '../time/quarters'

/**
 * Outside events (docs/MODEL.md §3.3): supply disruptions that are neither Beijing's nor Washington's
 * measures, held as dated assumptions so a planner can move or switch them off by override. One so far:
 * the Kachin conflict's cut of Myanmar's rare-earth feed to China. The engine (inputs.ts, kernel.ts) and
 * the timeline read the same ids and the same quarter overlap from here.
 */
export type OutsideEventSpec = {
  id: string
  /** Short row label for the timeline. */
  label: string
  /** What happens, in words (the row's title and accessible description). */
  what: string
  /** Assumption ids: share of the affected flow, share of it lost while the event lasts, start and end (decimal years). */
  keys: { share: string; cut: string; from: string; until: string }
}

export const OUTSIDE_EVENTS: readonly OutsideEventSpec[] = [
  {
    id: 'myanmar-kachin',
    label: 'Myanmar feed cut',
    what: "Outside event (not a measure): the Kachin conflict cuts Myanmar's rare-earth feed to China's separators",
    keys: { share: 'myanmar-feed-share', cut: 'myanmar-cut', from: 'myanmar-cut-from', until: 'myanmar-cut-until' }
  }
]

const Q2024 = quarterIndex('2024-Q1')
/** Decimal year → quarter time (2024.0 = start of 2024 Q1, as `quarterTime` counts). */
export const yearToQuarterTime = (year: number): number => Q2024 + (year - 2024) * 4

/** Share of the quarter starting at quarter time `qs` that lies inside [from, until). */
export const eventOverlap = (qs: number, from: number, until: number): number => {
  const a = qs > from ? qs : from
  const b = qs + 1 < until ? qs + 1 : until
  return b > a ? b - a : 0
}

/** An outside event as a scenario's values set it: depth = share of the flow lost while it lasts (0 = off). */
export type OutsideEvent = { spec: OutsideEventSpec; depth: number; cut: number; share: number; from: number; until: number; fromYear: number; untilYear: number }

const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)

/** Each outside event under the assumption values `values` (aligned with `model.assumptions`); ids the dataset lacks read 0. */
export const outsideEvents = (model: Model, values: ArrayLike<number>): OutsideEvent[] =>
  OUTSIDE_EVENTS.map((spec) => {
    const v = (id: string): number => {
      const i = model.assumptionIndex.get(id)
      return i === undefined ? 0 : (values[i] as number)
    }
    const share = clamp01(v(spec.keys.share))
    const cut = clamp01(v(spec.keys.cut))
    const fromYear = v(spec.keys.from)
    const untilYear = v(spec.keys.until)
    return { spec, share, cut, depth: share * cut, from: yearToQuarterTime(fromYear), until: yearToQuarterTime(untilYear), fromYear, untilYear }
  })
