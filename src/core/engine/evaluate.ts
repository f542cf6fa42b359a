import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { quarterLabel } from '../time/quarters'
import { buildInputs } from './inputs'
import { allocKernelOut, runKernel, type KernelOut } from './kernel'
import { N_K, N_S, PRE_ROLL, compilePlan, profilesFor, type Plan } from './plan'
import { CHANNELS, ECONOMIES, SECTORS, type Channel, type EngineResult, type Economy, type Sector, type SectorSeries } from './types'

// Module-local copies of plan.ts constants (a CommonJS-compiled import is a getter call per use).
const NK_ = N_K
const NS_ = N_S
const PRE_ = PRE_ROLL

/**
 * Evaluate a scenario: quarterly exposure (0–100) and cost pressure (0–100) for each economy ×
 * sector, split by channel, plus flow diagnostics. Pure and deterministic: same inputs, same output.
 * Measures act by date with partial-quarter activity; triggers and `scenario.overrides` apply.
 * Invariants: every value in [0, 100]; for each quarter Σ byChannel = exposure (to rounding).
 */
export const evaluate = (model: Model, scenario: ScenarioDoc): EngineResult => {
  const plan = compilePlan(model, scenario)
  return evaluatePlan(plan, plan.values, allOn(plan))
}

/** Mask with every measure on. */
export const allOn = (plan: Plan): Uint8Array => new Uint8Array(plan.model.measures.length).fill(1)

/** Evaluate a compiled plan under given assumption values and measure mask (internal; used by attribution and uncertainty). */
export const evaluatePlan = (plan: Plan, values: Float64Array, mask: Uint8Array, out: KernelOut = allocKernelOut(plan)): EngineResult => {
  runKernel(plan, buildInputs(plan, values), profilesFor(plan, mask), out)
  return assemble(plan, out)
}

/**
 * Exposure composition: 100·(1 − Π_k(1 − term_k)) with term_k = crit_k·u_k ∈ [0, 1].
 * Writes exposure per [e][s][t] into `target` (length 2·3·H).
 */
export const composeExposure = (terms: Float64Array, horizon: number, target: Float64Array): void => {
  const es = target.length / horizon
  const NK = NK_
  for (let x = 0; x < es; x++) {
    for (let h = 0; h < horizon; h++) {
      let prod = 1
      for (let k = 0; k < NK; k++) prod *= 1 - (terms[(x * NK + k) * horizon + h] as number)
      target[x * horizon + h] = 100 * (1 - prod)
    }
  }
}

/** Cost-pressure index from the cost driver X ≥ 0: 100·X/(1+X) (X = 1 ⇒ 50). */
export const costIndex = (x: number): number => (x > 0 ? (100 * x) / (1 + x) : 0)

const assemble = (plan: Plan, out: KernelOut): EngineResult => {
  const H = plan.horizon
  const quarters = Array.from({ length: H }, (_, h) => quarterLabel(plan.q0 + PRE_ + h))
  const exposure = new Float64Array(ECONOMIES.length * NS_ * H)
  composeExposure(out.terms, H, exposure)
  const economies = {} as Record<Economy, Record<Sector, SectorSeries>>
  ECONOMIES.forEach((e, ei) => {
    const bySector = {} as Record<Sector, SectorSeries>
    SECTORS.forEach((s, si) => {
      const x = ei * NS_ + si
      const exp = Array.from(exposure.subarray(x * H, x * H + H))
      const byChannel = {} as Record<Channel, number[]>
      for (const k of CHANNELS) byChannel[k] = new Array<number>(H).fill(0)
      for (let h = 0; h < H; h++) {
        let sum = 0
        for (let k = 0; k < NK_; k++) sum += out.terms[(x * NK_ + k) * H + h] as number
        if (sum <= 0) continue
        // Split proportionally to each channel's own term; the last channel with a share takes the
        // remainder so the split sums to the total exactly.
        let acc = 0
        let last = -1
        for (let k = 0; k < NK_; k++) {
          const term = out.terms[(x * NK_ + k) * H + h] as number
          if (term <= 0) continue
          const v = ((exp[h] as number) * term) / sum
          ;(byChannel[CHANNELS[k] as Channel] as number[])[h] = v
          acc += v
          last = k
        }
        if (last >= 0) {
          const arr = byChannel[CHANNELS[last] as Channel] as number[]
          arr[h] = (arr[h] as number) + ((exp[h] as number) - acc)
        }
      }
      const cost = Array.from({ length: H }, (_, h) => costIndex(out.costX[x * H + h] as number))
      bySector[s] = { exposure: exp, cost, byChannel }
    })
    economies[e] = bySector
  })
  const capSlice = (slot: number): number[] => Array.from(out.capacity.total.subarray(slot * plan.slots + PRE_, (slot + 1) * plan.slots))
  return {
    quarters,
    economies,
    diagnostics: {
      magnetExportsIndex: { global: Array.from(out.exportsGlobal), usBound: Array.from(out.exportsUs) },
      alliedCapacityShare: { ndfeb: capSlice(0), dy_tb: capSlice(1), light_ree: capSlice(2) }
    }
  }
}
