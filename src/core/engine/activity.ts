import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { quarterLabel } from '../time/quarters'
import { PRE_ROLL, compilePlan, effectiveSegments } from './plan'
import { eventOverlap, outsideEvents } from './outside-events'
import { summariseProfile } from './profiles'

/** Timeline row for one measure. All arrays are aligned with `MeasureActivity.quarters`. */
export type MeasureActivityRow = {
  id: string
  /** Share of each quarter (0–1) during which the measure acts, after dates, suspensions and triggers. */
  active: number[]
  /** Strength-weighted activity (0–1): triggered activity at intensity 0.5 for a full quarter → 0.5. */
  strength: number[]
  /** True where triggers add activity beyond the measure's own dates. */
  triggered: boolean[]
}

/**
 * Timeline row for one outside event (not a measure; outside-events.ts) under the scenario's values.
 * `active`: share of each quarter inside the event's dates; `strength`: that share × the share of the
 * affected flow lost (`cut`), so a milder cut draws lighter, as a weaker measure does.
 */
export type OutsideEventActivityRow = {
  id: string
  label: string
  what: string
  active: number[]
  strength: number[]
  /** Share of the affected flow lost while it lasts (0 = switched off), of a flow that is `share` of the whole. */
  cut: number
  share: number
  fromYear: number
  untilYear: number
  /** The assumption ids that set it (an override on any of them moves it). */
  keys: string[]
}

/** Timeline of every catalogue measure, and of the outside events, over the scenario horizon. */
export type MeasureActivity = { quarters: string[]; measures: MeasureActivityRow[]; events: OutsideEventActivityRow[] }

const NO_LAG = { lag: 0, initial: 0, initialUs: 0 }

/**
 * Per-measure activity per horizon quarter, for the UI timeline: the same activity the engine uses
 * (partial quarters count pro rata; MOFCOM No. 70-style suspensions appear as gaps).
 */
export const measureActivity = (model: Model, scenario: ScenarioDoc): MeasureActivity => {
  const plan = compilePlan(model, scenario)
  const all = new Uint8Array(model.measures.length).fill(1)
  const eff = effectiveSegments(plan, all)
  const slice = (a: Float64Array): number[] => Array.from(a.subarray(PRE_ROLL))
  return {
    quarters: Array.from({ length: plan.horizon }, (_, h) => quarterLabel(plan.q0 + PRE_ROLL + h)),
    measures: model.measures.map((m, i) => {
      const total = summariseProfile(eff[i] ?? [], plan.q0, plan.slots, NO_LAG)
      const own = summariseProfile(plan.ownSegs[i] ?? [], plan.q0, plan.slots, NO_LAG)
      const active = slice(total.active)
      const strength = slice(total.strength)
      const ownStrength = slice(own.strength)
      return { id: m.id, active, strength, triggered: strength.map((s, h) => s > (ownStrength[h] as number) + 1e-12) }
    }),
    events: outsideEvents(model, plan.values).map((ev) => {
      const active = Array.from({ length: plan.horizon }, (_, h) => (ev.depth > 0 ? eventOverlap(plan.q0 + PRE_ROLL + h, ev.from, ev.until) : 0))
      return {
        id: ev.spec.id, label: ev.spec.label, what: ev.spec.what, active, strength: active.map((a) => a * ev.cut),
        cut: ev.cut, share: ev.share, fromYear: ev.fromYear, untilYear: ev.untilYear, keys: Object.values(ev.spec.keys)
      }
    })
  }
}
