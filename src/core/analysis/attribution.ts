import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { N_S, compilePlan, effectiveSegments, type Plan } from '../engine/plan'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../engine/types'
import { fastEvaluator, type FastEvaluator } from './fast-eval'
import { mulberry32, randomPermutation } from './rng'

/** Exposure of one economy × sector split by measure. For every quarter: baseline + Σ byMeasure = exposure (to 1e-9). */
export type SectorAttribution = {
  /** Structural exposure with every measure off. */
  baseline: number[]
  /** Shapley contribution of each active measure (index points; can be negative). Absent measures contribute 0. */
  byMeasure: Record<string, number[]>
}
/** Attribution for every economy × sector. */
export type Attribution = Record<Economy, Record<Sector, SectorAttribution>>

/** Up to this many players per economy, Shapley values are exact (2^n evaluations). */
export const EXACT_SHAPLEY_MAX = 10
/** Permutations (antithetic pairs × 2) used beyond `EXACT_SHAPLEY_MAX` players. */
export const SAMPLED_PERMUTATIONS = 64
/** Fixed seed of the permutation sample: attribution does not depend on the scenario's Monte Carlo seed. */
const ATTRIBUTION_SEED = 0x5eed

/** `exactMax`: most players for exact Shapley (default 10); `permutations`: orderings sampled beyond (default 64). */
export type AttributionOptions = { exactMax?: number; permutations?: number }

/**
 * Split each quarter's exposure by measure with Shapley values (docs/MODEL.md §5): exact when an
 * economy has ≤ `exactMax` active measures, otherwise averaged over a fixed set of antithetic
 * permutations. Interactions (saturation, overlapping gates) are shared fairly; the split sums
 * exactly to the total. Players for an economy: measures active in the scenario that act on it,
 * plus any measure that triggers one of them.
 */
export const attribute = (model: Model, scenario: ScenarioDoc, opts: AttributionOptions = {}): Attribution => {
  const plan = compilePlan(model, scenario)
  const ev = fastEvaluator(plan)
  const H = plan.horizon
  const result = {} as Attribution
  ECONOMIES.forEach((e, ei) => {
    const players = playersFor(plan, e)
    const values = players.length <= (opts.exactMax ?? EXACT_SHAPLEY_MAX)
      ? exactShapley(ev, players, ei)
      : sampledShapley(ev, players, ei, opts.permutations ?? SAMPLED_PERMUTATIONS)
    const bySector = {} as Record<Sector, SectorAttribution>
    SECTORS.forEach((s, si) => {
      const off = (si + ei * N_S) * H
      const baseline = Array.from(values.baseline.subarray(off, off + H))
      const byMeasure: Record<string, number[]> = {}
      players.forEach((m, j) => {
        byMeasure[model.measures[m]?.id ?? String(m)] = Array.from((values.phi[j] as Float64Array).subarray(off, off + H))
      })
      // Float round-off only: put any residual on the largest contributor so the split is exact.
      const total = values.total.subarray(off, off + H)
      const ids = Object.keys(byMeasure)
      for (let h = 0; h < H; h++) {
        let acc = baseline[h] as number
        let big = ''
        let bigAbs = -1
        for (const id of ids) {
          const v = (byMeasure[id] as number[])[h] as number
          acc += v
          if (Math.abs(v) > bigAbs) { bigAbs = Math.abs(v); big = id }
        }
        const r = (total[h] as number) - acc
        if (big !== '') (byMeasure[big] as number[])[h] = ((byMeasure[big] as number[])[h] as number) + r
        else baseline[h] = (baseline[h] as number) + r
      }
      bySector[s] = { baseline, byMeasure }
    })
    result[e] = bySector
  })
  return result
}

type ShapleyValues = { baseline: Float64Array; total: Float64Array; phi: Float64Array[] }

/** Active measures acting on economy `e`, plus their trigger ancestors. */
export const playersFor = (plan: Plan, e: Economy): number[] => {
  const all = new Uint8Array(plan.model.measures.length).fill(1)
  const segs = effectiveSegments(plan, all)
  const acts = (m: number): boolean => {
    const meas = plan.model.measures[m]
    if (!meas) return false
    const capacityLike = meas.mechanism === 'capacity' || meas.mechanism === 'stockpile' || meas.mechanism === 'tech-ramp'
    return capacityLike ? e === 'us' : meas.channels.some((c) => c.economy === e)
  }
  const set = new Set<number>()
  segs.forEach((s, m) => { if (s.length > 0 && acts(m)) set.add(m) })
  // Trigger sources of players are players too (switching them off removes the triggered activity).
  for (let pass = 0; pass < plan.triggers.length; pass++) {
    for (const t of plan.triggers) if (set.has(t.dst) && (segs[t.src]?.length ?? 0) > 0) set.add(t.src)
  }
  return [...set].sort((a, b) => a - b)
}

const maskFor = (plan: Plan, players: readonly number[], subset: number): Uint8Array => {
  const mask = new Uint8Array(plan.model.measures.length).fill(1)
  players.forEach((m, j) => { mask[m] = (subset >> j) & 1 })
  return mask
}

const exactShapley = (ev: FastEvaluator, players: readonly number[], ei: number): ShapleyValues => {
  const n = players.length
  const size = ev.plan.horizon * N_S * 2
  const v: Float64Array[] = []
  for (let S = 0; S < 1 << n; S++) v.push(Float64Array.from(ev.exposure(maskFor(ev.plan, players, S), 1 << ei)))
  const fact = [1]
  for (let i = 1; i <= n; i++) fact.push((fact[i - 1] as number) * i)
  const phi = players.map(() => new Float64Array(size))
  for (let S = 0; S < 1 << n; S++) {
    const k = popcount(S)
    for (let i = 0; i < n; i++) {
      if (S & (1 << i)) continue
      const w = ((fact[k] as number) * (fact[n - k - 1] as number)) / (fact[n] as number)
      const withI = v[S | (1 << i)] as Float64Array
      const without = v[S] as Float64Array
      const acc = phi[i] as Float64Array
      for (let x = 0; x < size; x++) acc[x] = (acc[x] as number) + w * ((withI[x] as number) - (without[x] as number))
    }
  }
  return { baseline: v[0] as Float64Array, total: v[(1 << n) - 1] as Float64Array, phi }
}

const sampledShapley = (ev: FastEvaluator, players: readonly number[], ei: number, permutations: number): ShapleyValues => {
  const n = players.length
  const size = ev.plan.horizon * N_S * 2
  const rng = mulberry32(ATTRIBUTION_SEED)
  const phi = players.map(() => new Float64Array(size))
  const mask = new Uint8Array(ev.plan.model.measures.length).fill(1)
  for (const m of players) mask[m] = 0
  const baseline = Float64Array.from(ev.exposure(mask, 1 << ei))
  let total = baseline
  const pairs = Math.max(1, Math.round(permutations / 2))
  for (let p = 0; p < pairs; p++) {
    const perm = randomPermutation(n, rng)
    // Antithetic pair: the permutation and its reverse.
    for (const order of [perm, [...perm].reverse()]) {
      for (const m of players) mask[m] = 0
      let prev = baseline
      for (const j of order) {
        mask[players[j] as number] = 1
        const cur = Float64Array.from(ev.exposure(mask, 1 << ei))
        const acc = phi[j] as Float64Array
        for (let x = 0; x < size; x++) acc[x] = (acc[x] as number) + (cur[x] as number) - (prev[x] as number)
        prev = cur
      }
      total = prev
    }
  }
  const count = pairs * 2
  for (const acc of phi) for (let x = 0; x < size; x++) acc[x] = (acc[x] as number) / count
  return { baseline, total, phi }
}

const popcount = (x: number): number => {
  let c = 0
  for (let y = x; y; y &= y - 1) c++
  return c
}
