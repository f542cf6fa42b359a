import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { N_S } from '../engine/plan'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../engine/types'
import { quarterIndex } from '../time/quarters'
import { fillNormals, type MarginalShape } from './copula'
import { mulberry32, type Rng } from './rng'
import type { TornadoKpi } from './tornado'
import type { BranchView } from './uncertainty-branches'
import type { Layers } from './uncertainty-draws'
import type { UncertaintySpec } from './uncertainty-spec'
import { drawRunner } from './uncertainty'

/** What the breakdown explains: a tornado KPI, or exposure in one quarter. */
export type VarianceKpi = TornadoKpi | 'quarter'

/** Settings of `varianceBreakdown`. */
export type VarianceOptions = {
  economy: Economy
  sector: Sector
  kpi: VarianceKpi
  /** Quarter (`YYYY-Qn`) for kpi 'quarter'. */
  quarter?: string
  /** Base sample size N; the estimator costs N·(factors + 2) engine runs. Default `VARIANCE_SAMPLES`. */
  samples?: number
  seed?: number
  uncertainty?: UncertaintySpec
  layers?: Partial<Layers>
  branch?: BranchView
  distribution?: MarginalShape
}

/**
 * One factor's share of the KPI's variance: first-order (alone) and total (with interactions) Sobol
 * indices, each with a bootstrap 90 % interval (the estimator's own sampling uncertainty at this N).
 * Where `total` comes out below `firstOrder` the two are equal within that noise (their intervals overlap).
 */
export type VarianceFactor = { id: string; label: string; firstOrder: number; firstOrderLow: number; firstOrderHigh: number; total: number; totalLow: number; totalHigh: number }

/** Result: factors sorted by first-order index (largest first). */
export type VarianceBreakdown = {
  economy: Economy
  sector: Sector
  kpi: VarianceKpi
  quarter: string | null
  view: BranchView
  /** Number of branches of the scenario (1 = none declared). */
  branches: number
  mean: number
  variance: number
  samples: number
  evaluations: number
  factors: VarianceFactor[]
  /** 1 − Σ first-order: the share only interactions between factors explain (sampling noise can make it slightly negative). */
  interactions: number
}

/** Bootstrap resamples for the intervals (reuse the runs; no extra engine calls). */
const BOOTSTRAP = 200
/**
 * Default base sample size: 256 × (factors + 2) runs (3,328 for the default's 11 factors). At N = 96
 * a total index could come out below its first-order one by sampling noise; the draw runner made the
 * larger N affordable (docs/MODEL.md §6, §9).
 */
export const VARIANCE_SAMPLES = 256

/**
 * What drives the band (docs/MODEL.md §6): first-order and total Sobol indices of one KPI over the
 * blocks of the sampling design — each posture (with its policy draws), each correlated assumption
 * group, the branch draw, the remaining independent assumptions. Pick-freeze with two independent
 * normal matrices A, B: S_i = mean(f(B)·(f(A_Bⁱ) − f(A)))/V (Saltelli 2010), S_Ti = mean((f(A) −
 * f(A_Bⁱ))²)/(2V) (Jansen 1999), where A_Bⁱ is A with block i's columns from B. Seeded.
 */
export const varianceBreakdown = (model: Model, scenario: ScenarioDoc, opts: VarianceOptions): VarianceBreakdown =>
  varianceBreakdowns(model, scenario, { ...opts, sectors: [opts.sector] })[0] as VarianceBreakdown

/**
 * `varianceBreakdown` of several sectors of one economy from one set of engine runs (each run reads every
 * sector, so a deck pays for one breakdown, not three). Each result equals `varianceBreakdown` for that
 * sector exactly (same rows, same seed).
 */
export const varianceBreakdowns = (model: Model, scenario: ScenarioDoc, opts: Omit<VarianceOptions, 'sector'> & { sectors: readonly Sector[] }): VarianceBreakdown[] => {
  const N = Math.max(8, Math.floor(opts.samples ?? VARIANCE_SAMPLES))
  const runner = drawRunner(model, scenario, { uncertainty: opts.uncertainty, layers: opts.layers, distribution: opts.distribution })
  const { design } = runner
  const view = opts.branch ?? scenario.branchView
  const forced = view === 'mixture' ? undefined : design.branches.findIndex((b) => b.id === view)
  if (forced !== undefined && forced < 0) throw new Error(`unknown branch "${view}" (this scenario has: ${design.branches.map((b) => b.id).join(', ')}, or mixture)`)
  const H = runner.horizon
  const offsets = opts.sectors.map((s) => (ECONOMIES.indexOf(opts.economy) * N_S + SECTORS.indexOf(s)) * H)
  let qh = -1
  if (opts.kpi === 'quarter') {
    if (opts.quarter === undefined || !/^\d{4}-Q[1-4]$/.test(opts.quarter)) throw new Error('kpi "quarter" needs a quarter as YYYY-Qn')
    qh = quarterIndex(opts.quarter) - quarterIndex(scenario.horizon.start)
    if (qh < 0 || qh >= H) throw new Error(`quarter ${opts.quarter} is outside the scenario's horizon`)
  }
  const kpiAt = (r: { exposure: ArrayLike<number>; cost: ArrayLike<number> }, off: number): number => {
    if (opts.kpi === 'quarter') return r.exposure[off + qh] as number
    if (opts.kpi === 'cost-peak') {
      let m = 0
      for (let h = 0; h < H; h++) m = Math.max(m, r.cost[off + h] as number)
      return m
    }
    let peak = 0
    let sum = 0
    for (let h = 0; h < H; h++) {
      const x = r.exposure[off + h] as number
      sum += x
      if (x > peak) peak = x
    }
    return opts.kpi === 'peak' ? peak : sum / H
  }
  // One engine run per row gives every sector's KPI; rows run in batches (`runBatch`).
  const kpisOfRows = (rows: Float64Array, count: number): Float64Array[] => {
    const kpis = offsets.map(() => new Float64Array(count))
    runner.runBatch(rows, count, forced, (r, row) => {
      for (let k = 0; k < offsets.length; k++) (kpis[k] as Float64Array)[row] = kpiAt(r, offsets[k] as number)
    })
    return kpis
  }
  const perSector = sobolIndicesOfMany(kpisOfRows, offsets.length, design.blocks, design.dim, N, opts.seed ?? scenario.seed)
  return opts.sectors.map((sector, k) => {
    const { mean, variance, factors } = perSector[k] as SobolResult
    factors.sort((a, b) => b.firstOrder - a.firstOrder || a.id.localeCompare(b.id))
    return {
      economy: opts.economy,
      sector,
      kpi: opts.kpi,
      quarter: opts.kpi === 'quarter' ? (opts.quarter as string) : null,
      view: forced === undefined ? 'mixture' : view,
      branches: design.branches.length,
      mean,
      variance,
      samples: N,
      evaluations: N * (design.blocks.length + 2),
      factors,
      interactions: 1 - factors.reduce((a, f) => a + f.firstOrder, 0)
    }
  })
}

/** A factor block: the normal-vector positions it owns. */
export type FactorBlock = { id: string; label: string; indices: readonly number[] }

/** Sobol indices of one output: its mean and variance over the A and B rows, and one entry per block. */
export type SobolResult = { mean: number; variance: number; factors: VarianceFactor[] }

/**
 * First-order (Saltelli 2010) and total (Jansen 1999) Sobol indices of `f` over blocks of a vector
 * of `dim` independent standard normals, from N·(blocks + 2) evaluations, seeded. `f` may reuse
 * its argument's buffer only for reading. Exposed for tests on functions with known indices.
 */
export const sobolIndices = (f: (normals: Float64Array) => number, blocks: readonly FactorBlock[], dim: number, N: number, seed: number): SobolResult =>
  sobolIndicesOfMany((rows, count) => [Float64Array.from({ length: count }, (_, j) => f(rows.subarray(j * dim, (j + 1) * dim)))], 1, blocks, dim, N, seed)[0] as SobolResult

/**
 * `sobolIndices` of several outputs of one function at once. `f(rows, count)` evaluates `count`
 * consecutive rows (`dim` wide) of `rows` and returns each output's values, one array per output.
 * Rows come as the matrices A, B and, per block i, A with block i's columns from B (A_Bⁱ).
 */
export const sobolIndicesOfMany = (f: (rows: Float64Array, count: number) => Float64Array[], outputs: number, blocks: readonly FactorBlock[], dim: number, N: number, seed: number): SobolResult[] => {
  const rng = mulberry32(seed)
  const D = dim
  const A = new Float64Array(N * D)
  const B = new Float64Array(N * D)
  fillNormals(A, rng)
  fillNormals(B, rng)
  const fA = f(A, N)
  const fB = f(B, N)
  const mixed = new Float64Array(N * D)
  const fABs = blocks.map((block) => {
    mixed.set(A)
    for (let j = 0; j < N; j++) for (const i of block.indices) mixed[j * D + i] = B[j * D + i] as number
    return f(mixed, N)
  })
  const boot: Rng = mulberry32(seed ^ 0x5eed)
  const resamples = Array.from({ length: BOOTSTRAP }, () => Int32Array.from({ length: N }, () => Math.floor(boot() * N)))
  return Array.from({ length: outputs }, (_, o) => estimate(fA[o] as Float64Array, fB[o] as Float64Array, blocks.map((block, b) => ({ block, fAB: (fABs[b] as Float64Array[])[o] as Float64Array })), resamples))
}

/** The indices and their bootstrap intervals from one output's values on A, B and each A_Bⁱ. */
const estimate = (fA: Float64Array, fB: Float64Array, perBlock: { block: FactorBlock; fAB: Float64Array }[], resamples: Int32Array[]): SobolResult => {
  const N = fA.length
  const all = new Float64Array(2 * N)
  all.set(fA)
  all.set(fB, N)
  const mean = all.reduce((a, b) => a + b, 0) / (2 * N)
  const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / (2 * N - 1)
  // Both indices from one set of rows (`idx`: a bootstrap resample of the N rows; null = the rows as drawn).
  // First-order: Saltelli (2010), f(B) centred on the mean of f(A), f(B) — the expectation is unchanged and
  // the variance falls when the KPI's mean is large against its spread (exposure indices sit far from 0).
  // Total: Jansen (1999). Both divide by the variance of f(A), f(B) over the same rows.
  const indices = (fAB: Float64Array, idx: Int32Array | null): [number, number] => {
    let m = 0
    let m2 = 0
    for (let k = 0; k < N; k++) {
      const j = idx ? (idx[k] as number) : k
      m += (fA[j] as number) + (fB[j] as number)
      m2 += (fA[j] as number) ** 2 + (fB[j] as number) ** 2
    }
    const mu = m / (2 * N)
    const v = m2 / (2 * N) - mu * mu
    let s1 = 0
    let st = 0
    for (let k = 0; k < N; k++) {
      const j = idx ? (idx[k] as number) : k
      const a = fA[j] as number
      const ab = fAB[j] as number
      s1 += ((fB[j] as number) - mu) * (ab - a)
      st += (a - ab) ** 2
    }
    return v > 1e-12 * (1 + mu * mu) ? [s1 / N / v, st / (2 * N) / v] : [0, 0]
  }
  const at = (xs: Float64Array, q: number): number => xs[Math.round(q * (BOOTSTRAP - 1))] as number
  const factors = perBlock.map(({ block, fAB }) => {
    const [firstOrder, total] = indices(fAB, null)
    const bs1 = new Float64Array(BOOTSTRAP)
    const bsT = new Float64Array(BOOTSTRAP)
    resamples.forEach((idx, r) => {
      const [a, b] = indices(fAB, idx)
      bs1[r] = a
      bsT[r] = b
    })
    bs1.sort()
    bsT.sort()
    return {
      id: block.id,
      label: block.label,
      firstOrder,
      firstOrderLow: Math.min(firstOrder, at(bs1, 0.05)),
      firstOrderHigh: Math.max(firstOrder, at(bs1, 0.95)),
      total,
      totalLow: Math.min(total, at(bsT, 0.05)),
      totalHigh: Math.max(total, at(bsT, 0.95))
    }
  })
  return { mean, variance, factors }
}
