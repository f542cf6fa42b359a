import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { N_E, N_S, PRE_ROLL, compilePlan } from '../engine/plan'
import { quarterLabel } from '../time/quarters'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../engine/types'
import { fastEvaluator } from './fast-eval'
import { mulberry32, pert, triangular } from './rng'

/** Percentile bands per quarter (index points 0–100). Invariant: p10 ≤ p50 ≤ p90 elementwise. */
export type Band = { p10: number[]; p50: number[]; p90: number[] }
/** Bands for one economy × sector: exposure and cost pressure. */
export type SectorBands = { exposure: Band; cost: Band }
/** Monte Carlo output; `quarters` aligned with every band. */
export type SimulationResult = {
  quarters: string[]
  samples: number
  seed: number
  economies: Record<Economy, Record<Sector, SectorBands>>
}

/** Monte Carlo settings. */
export type SimulateOptions = {
  /** Number of Monte Carlo samples (≥ 1). */
  samples: number
  /** PRNG seed; same seed (and inputs) ⇒ identical output. Defaults to the scenario's seed. */
  seed?: number
  /** Distribution over each assumption's [low, base, high]. Default beta-PERT. */
  distribution?: 'pert' | 'triangular'
}

/**
 * Seeded Monte Carlo over every assumption that has a low/high range (docs/MODEL.md §6). Each
 * sample draws all ranged assumptions independently (PERT or triangular around the base, or the
 * scenario's override when one is set — the override becomes the mode, clamped into the range) and
 * runs the engine; percentiles are linear-interpolated order statistics. Measures’ parameters are
 * the planner's choices and are not sampled.
 */
export const simulate = (model: Model, scenario: ScenarioDoc, opts: SimulateOptions): SimulationResult => {
  const samples = Math.max(1, Math.floor(opts.samples))
  const seed = opts.seed ?? scenario.seed
  const plan = compilePlan(model, scenario)
  const ev = fastEvaluator(plan)
  const H = plan.horizon
  const width = N_E * N_S * H
  // Column-major (one contiguous run of samples per economy × sector × quarter) so each column
  // is sorted in place without copying.
  const expo = new Float64Array(samples * width)
  const cost = new Float64Array(samples * width)
  const rng = mulberry32(seed)
  const draw = opts.distribution === 'triangular' ? triangular : pert
  const values = Float64Array.from(plan.values)
  const ranged = model.assumptions.map((a, i) => ({ i, low: a.low, high: a.high })).filter((r) => r.low !== undefined && r.high !== undefined)
  const mask = new Uint8Array(model.measures.length).fill(1)
  for (let n = 0; n < samples; n++) {
    for (const r of ranged) {
      const low = r.low as number
      const high = r.high as number
      const mode = Math.min(high, Math.max(low, plan.values[r.i] as number))
      values[r.i] = draw(low, mode, high, rng)
    }
    ev.setValues(values)
    const x = ev.exposure(mask)
    const c = ev.cost()
    for (let i = 0; i < width; i++) {
      expo[i * samples + n] = x[i] as number
      cost[i * samples + n] = c[i] as number
    }
  }
  const band = (all: Float64Array, offset: number): Band => {
    const b: Band = { p10: new Array<number>(H), p50: new Array<number>(H), p90: new Array<number>(H) }
    for (let h = 0; h < H; h++) {
      const column = all.subarray((offset + h) * samples, (offset + h + 1) * samples)
      column.sort()
      b.p10[h] = quantile(column, 0.1)
      b.p50[h] = quantile(column, 0.5)
      b.p90[h] = quantile(column, 0.9)
    }
    return b
  }
  const economies = {} as SimulationResult['economies']
  ECONOMIES.forEach((e, ei) => {
    const bySector = {} as Record<Sector, SectorBands>
    SECTORS.forEach((s, si) => {
      const off = (ei * N_S + si) * H
      bySector[s] = { exposure: band(expo, off), cost: band(cost, off) }
    })
    economies[e] = bySector
  })
  return { quarters: Array.from({ length: H }, (_, h) => quarterLabel(plan.q0 + PRE_ROLL + h)), samples, seed, economies }
}

/** Quantile of a sorted array (type 7: linear interpolation between order statistics). */
export const quantile = (sorted: Float64Array, p: number): number => {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const x = (n - 1) * p
  const lo = Math.floor(x)
  const hi = Math.min(n - 1, lo + 1)
  const w = x - lo
  return (sorted[lo] as number) * (1 - w) + (sorted[hi] as number) * w
}
