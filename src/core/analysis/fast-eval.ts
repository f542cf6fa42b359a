import { composeExposure, costIndex } from '../engine/evaluate'
import { buildInputs, type Inputs } from '../engine/inputs'
import { allocKernelOut, runKernel, type KernelOut } from '../engine/kernel'
import { N_E, N_S, profilesFor, type Plan } from '../engine/plan'

/**
 * Allocation-free repeated evaluation of one plan (attribution, Monte Carlo, tornado):
 * buffers are reused, only exposure (and cost on request) is composed, and economies can be skipped.
 * Returned arrays are views into internal buffers, valid until the next call.
 */
export type FastEvaluator = {
  plan: Plan
  /** Set assumption values (length = model.assumptions.length). */
  setValues: (values: Float64Array) => void
  /** Exposure per [e][s][t] (length 2·3·H) under a measure mask. */
  exposure: (mask: Uint8Array, economyMask?: number) => Float64Array
  /** Cost pressure per [e][s][t] from the last `exposure` call. */
  cost: () => Float64Array
}

/** Build a reusable evaluator for a plan, starting from `values` (default: base values with overrides). */
export const fastEvaluator = (plan: Plan, values: Float64Array = plan.values): FastEvaluator => {
  let inputs: Inputs = buildInputs(plan, values)
  const out: KernelOut = allocKernelOut(plan)
  const expo = new Float64Array(N_E * N_S * plan.horizon)
  const cost = new Float64Array(N_E * N_S * plan.horizon)
  return {
    plan,
    setValues: (v) => {
      // The previous inputs are no longer needed: overwrite their arrays instead of allocating.
      inputs = buildInputs(plan, v, inputs)
    },
    exposure: (mask, economyMask = 3) => {
      runKernel(plan, inputs, profilesFor(plan, mask), out, economyMask)
      composeExposure(out.terms, plan.horizon, expo)
      return expo
    },
    cost: () => {
      for (let i = 0; i < cost.length; i++) cost[i] = costIndex(out.costX[i] as number)
      return cost
    }
  }
}
