import { CAPACITY_CHANNELS } from '../model/keys'
import { quarterYear } from '../time/quarters'
import type { QuarterProfile } from './profiles'
import { projectCommissioning, type Inputs } from './inputs'
import type { Plan } from './plan'
import type { Channel } from './types'

/**
 * Allied capacity (domain.md §J.2): expected output of each announced project as a share of allied
 * demand for its channel, per quarter:
 *
 *   Cap_j,t = Cap_j · [p·ramp(t − t_c) + (1 − p)·ramp(t − t_c − late)] · active_t
 *
 * Funding f (1 = as announced) delays commissioning by 4·(1 − f) quarters when below 1 (never earlier,
 * clamped 0…+8), scales ramp speed by (0.5 + 0.5·min(f, 2)) and on-schedule odds by (0.5 + 0.5·f)
 * (capped 0.95). Shares are of allied demand grown at `magnet-demand-growth` from 2024. Technology bans (Nos. 56/62) slow ramp
 * speed by their intensity while active and cut on-schedule odds by their penalty from the first
 * quarter they bite. Invariant: monotone non-decreasing in funding, non-increasing in ban intensity.
 */
export type CapacityShares = {
  /** Total expected new capacity / allied demand, [channel slot × slots]. */
  total: Float64Array
  /** Of which defence-priority projects. */
  priority: Float64Array
  /** NdFeB only, per slot: new magnet output that must buy NdPr metal (not mine-to-magnet, not recycled). */
  metalNeed: Float64Array
  /** NdFeB only, per slot: new ex-China NdPr metal/alloy output, in shares of allied magnet need (metal ÷ RE content). */
  metal: Float64Array
}

const CAP_INDEX = new Map<Channel, number>(CAPACITY_CHANNELS.map((k, i) => [k, i]))

/** Slot of a channel in `CapacityShares` arrays, or −1 if no projects can serve it. */
export const capacitySlot = (k: Channel): number => CAP_INDEX.get(k) ?? -1

/** Fill `out` with expected allied capacity shares for every slot (zeros when the capacity measure is off). */
export const computeCapacity = (plan: Plan, inputs: Inputs, profiles: readonly QuarterProfile[], out: CapacityShares): void => {
  const Q = plan.slots
  out.total.fill(0)
  out.priority.fill(0)
  out.metalNeed.fill(0)
  out.metal.fill(0)
  const cap = plan.capacity
  if (cap === null) return
  const capProfile = profiles[cap.measure] as QuarterProfile
  let anyActive = false
  for (let t = 0; t < Q; t++) if ((capProfile.strength[t] as number) > 0) anyActive = true
  if (!anyActive) return
  const fund = cap.funding
  // Underfunding delays commissioning; more money does not make a plant under construction start
  // earlier (no source says it can), it speeds the ramp once running.
  const shift = Math.min(8, Math.max(0, 4 * (1 - fund)))
  const rampSpeed = 0.5 + 0.5 * Math.min(2, fund)
  const pFund = Math.min(0.95, inputs.onSchedule * (0.5 + 0.5 * fund))
  const tcs = projectCommissioning(plan.model)
  const projects = plan.model.projects
  // Per-slot terms shared by every project, computed once per run (same expressions as inline, so the
  // results are byte-identical): ban slow-down and odds cut, and the demand-growth divisor.
  const sc = scratch(plan)
  for (let t = 0; t < Q; t++) {
    let slow = 0
    let odds = 0
    for (const tr of plan.techRamps) {
      const st = (profiles[tr.measure] as QuarterProfile).strength[t] as number
      slow += st * tr.intensity
      odds += st * tr.oddsPenalty
    }
    sc.slow[t] = slow
    sc.odds[t] = odds
    const qs = plan.q0 + t
    const years = quarterYear(qs) + (qs % 4) / 4 - 2024 > 0 ? quarterYear(qs) + (qs % 4) / 4 - 2024 : 0
    sc.growth[t] = Math.pow(1 + inputs.demandGrowth, years)
  }
  for (let j = 0; j < projects.length; j++) {
    const pr = projects[j]
    if (pr === undefined) continue
    const slot = capacitySlot(pr.channel)
    if (slot < 0) continue
    // Metal/alloy plants feed magnet makers: their tonnes of RE metal make metal ÷ RE-content tonnes of magnets.
    const isMetal = pr.stage === 'metal-alloy'
    const needsMetal = slot === 0 && pr.stage === 'magnets' && !pr.ownMetal
    const tc = (tcs[j] as number) + shift
    const tcLate = tc + inputs.lateDelay
    const rampQ = (inputs.rampQuarters * pr.rampScale) / (rampSpeed > 0.05 ? rampSpeed : 0.05)
    const share0 = pr.capacity / ((inputs.capDemand[slot] as number) * (isMetal ? inputs.reContent : 1))
    let progOn = 0
    let progLate = 0
    let oddsCut = 0
    for (let t = 0; t < Q; t++) {
      const slow = sc.slow[t] as number
      const odds = sc.odds[t] as number
      if (odds > oddsCut) oddsCut = odds > 1 ? 1 : odds
      const speed = slow >= 1 ? 0 : 1 - slow
      const qs = plan.q0 + t
      progOn += overlap(qs, tc) * speed / rampQ
      progLate += overlap(qs, tcLate) * speed / rampQ
      const p = pFund * (1 - oddsCut)
      const expected = p * (progOn > 1 ? 1 : progOn) + (1 - p) * (progLate > 1 ? 1 : progLate)
      // Allied demand grows (IEA), so a fixed plant covers a falling share of it.
      const s = (share0 / (sc.growth[t] as number)) * expected * (capProfile.strength[t] as number)
      if (isMetal) {
        out.metal[t] = (out.metal[t] as number) + s
        continue
      }
      const idx = slot * Q + t
      out.total[idx] = (out.total[idx] as number) + s
      if (pr.defensePriority) out.priority[idx] = (out.priority[idx] as number) + s
      if (needsMetal) out.metalNeed[t] = (out.metalNeed[t] as number) + s
    }
  }
}

type Scratch = { slow: Float64Array; odds: Float64Array; growth: Float64Array }
const scratchByPlan = new WeakMap<Plan, Scratch>()
/** Per-plan scratch (slots long), reused across runs. */
const scratch = (plan: Plan): Scratch => {
  let s = scratchByPlan.get(plan)
  if (!s) {
    s = { slow: new Float64Array(plan.slots), odds: new Float64Array(plan.slots), growth: new Float64Array(plan.slots) }
    scratchByPlan.set(plan, s)
  }
  return s
}

/** Share of quarter [qs, qs+1) after time tc. */
const overlap = (qs: number, tc: number): number => {
  const x = qs + 1 - (tc > qs ? tc : qs)
  return x <= 0 ? 0 : x >= 1 ? 1 : x
}
