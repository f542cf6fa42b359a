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

/** Up to this many players per economy, Shapley values are exact (2^n evaluations, ≤ 256). */
export const EXACT_SHAPLEY_MAX = 8
/**
 * Evaluation budget per economy beyond `EXACT_SHAPLEY_MAX` players: the number of cyclic designs is
 * chosen so that about this many coalitions are evaluated (at least 2 designs, i.e. 4n orderings).
 */
export const SHAPLEY_EVALUATIONS = 360
/** Fixed seed of the ordering sample: attribution does not depend on the scenario's Monte Carlo seed. */
const ATTRIBUTION_SEED = 0x5eed

/**
 * `exactMax`: most players for exact Shapley (default 8); `cycles`: cyclic designs sampled beyond it
 * (default from `SHAPLEY_EVALUATIONS`); `seed`: of the sampled orderings (default fixed, so results are
 * reproducible; tests vary it to measure the sampling error).
 */
export type AttributionOptions = { exactMax?: number; cycles?: number; seed?: number }

/**
 * Split each quarter's exposure by measure with Shapley values (docs/MODEL.md §5): exact when an
 * economy has ≤ `exactMax` active measures, otherwise averaged over orderings from cyclic designs
 * (each with its reverses) drawn from a fixed seed. Interactions (saturation, overlapping gates) are shared fairly; the split sums
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
      : cyclicShapley(ev, players, ei, opts.cycles ?? cyclesFor(players.length), opts.seed)
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

/**
 * Permutation-sampled Shapley values over cyclic designs (docs/MODEL.md §5): each of `cycles` random
 * orderings of the players is used with all its n rotations and their reverses (2n orderings). Every
 * player then sits once at every position in each direction, so each coalition size is sampled equally
 * (stratified by size, the main source of variance under saturation); the coalitions met are arcs of the
 * cycle and their complements, which the reverses meet again, so with a cache of coalition values the
 * reverses (antithetic orderings) cost nothing. Each ordering's marginal effects telescope to total −
 * baseline, so the split is exact for any sample. Costs ≤ cycles·n·(n−1) + 2 evaluations.
 */
const cyclicShapley = (ev: FastEvaluator, players: readonly number[], ei: number, cycles: number, seed = ATTRIBUTION_SEED): ShapleyValues => {
  const n = players.length
  const size = ev.plan.horizon * N_S * 2
  const rng = mulberry32(seed)
  const phi = players.map(() => new Float64Array(size))
  const mask = new Uint8Array(ev.plan.model.measures.length).fill(1)
  // Coalition values by member set: bit j (as a sum of powers of two, exact to 2^53) ⇔ player j in.
  const cache = new Map<number, Float64Array>()
  const value = (members: number, order: readonly number[], count: number): Float64Array => {
    let v = cache.get(members)
    if (v === undefined) {
      for (const m of players) mask[m] = 0
      for (let i = 0; i < count; i++) mask[players[order[i] as number] as number] = 1
      v = Float64Array.from(ev.exposure(mask, 1 << ei))
      cache.set(members, v)
    }
    return v
  }
  const baseline = value(0, [], 0)
  const order = new Array<number>(n).fill(0)
  for (let c = 0; c < cycles; c++) {
    const perm = randomPermutation(n, rng)
    for (let shift = 0; shift < n; shift++) {
      for (let dir = 0; dir < 2; dir++) {
        for (let i = 0; i < n; i++) order[i] = perm[dir === 0 ? (shift + i) % n : (shift + n - 1 - i) % n] as number
        let members = 0
        let prev = baseline
        for (let i = 0; i < n; i++) {
          const j = order[i] as number
          members += 2 ** j
          const cur = value(members, order, i + 1)
          const acc = phi[j] as Float64Array
          for (let x = 0; x < size; x++) acc[x] = (acc[x] as number) + (cur[x] as number) - (prev[x] as number)
          prev = cur
        }
      }
    }
  }
  const count = cycles * 2 * n
  for (const acc of phi) for (let x = 0; x < size; x++) acc[x] = (acc[x] as number) / count
  return { baseline, total: value(2 ** n - 1, order, n), phi }
}

/** Cyclic designs for n players within `SHAPLEY_EVALUATIONS` (each costs ≤ n·(n−1) evaluations). */
export const cyclesFor = (n: number): number => Math.max(2, Math.round(SHAPLEY_EVALUATIONS / Math.max(1, n * (n - 1))))

const popcount = (x: number): number => {
  let c = 0
  for (let y = x; y; y &= y - 1) c++
  return c
}
