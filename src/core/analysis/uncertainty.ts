import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { N_E, N_S, compilePlan, forkPlan, profilesFor, retuneMeasure, setPlanParam, type Plan } from '../engine/plan'
import { composeExposure, costIndex } from '../engine/evaluate'
import { buildInputs, type Inputs } from '../engine/inputs'
import { allocKernelOut, runKernel } from '../engine/kernel'
import { ownSegments, summariseProfile, type QuarterProfile, type Segment } from '../engine/profiles'
import { quarterIndex, quarterLabel } from '../time/quarters'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../engine/types'
import { fillNormals, type MarginalShape } from './copula'
import { fastEvaluator } from './fast-eval'
import { quantilesInPlace } from './select'
import { mulberry32 } from './rng'
import type { BranchView } from './uncertainty-branches'
import { compileDesign, extendSuspensions, type Design, type Layers } from './uncertainty-draws'
import type { UncertaintySpec } from './uncertainty-spec'

// Module-local aliases of functions called per draw: loaders that compile ESM to CommonJS (tsx: the CLI
// and the benchmarks) turn every imported binding into a getter call (see engine/kernel.ts).
const buildInputs_ = buildInputs
const runKernel_ = runKernel
const composeExposure_ = composeExposure
const costIndex_ = costIndex
const setPlanParam_ = setPlanParam
const retuneMeasure_ = retuneMeasure
const summariseProfile_ = summariseProfile

/**
 * Percentile bands per quarter (index points 0–100). `p10`/`p50`/`p90` are the sample quantiles;
 * `point` is the point estimate (the scenario at its own values; for the mixture the
 * probability-weighted mean of the branches' point estimates). The drawn band is `low`–`high`:
 * P10–P90 widened to the point estimate in the quarters where it falls outside (listed in
 * `stretched`), so a point estimate never lies outside the band it belongs to.
 * Invariants: low ≤ p10 ≤ p50 ≤ p90 ≤ high and low ≤ point ≤ high elementwise.
 */
export type Band = { p10: number[]; p50: number[]; p90: number[]; point: number[]; low: number[]; high: number[]; stretched: number[] }
/** Bands for one economy × sector: exposure and cost pressure. */
export type SectorBands = { exposure: Band; cost: Band }
/** Monte Carlo output; `quarters` aligned with every band. */
export type SimulationResult = {
  quarters: string[]
  samples: number
  seed: number
  /** What the bands describe: the mixture over branches, or one branch (every draw under it). */
  view: BranchView
  /** The scenario's branches ('scenario' alone when it has none), with how often each was drawn. */
  branches: { id: string; label: string; probability: number; drawn: number }[]
  /** Which layers of the uncertainty structure were on (all off without a structure file). */
  layers: Layers
  /** Inputs held at the planner's value (assumption overrides; measure params set outside their sampling range). */
  pinned: string[]
  economies: Record<Economy, Record<Sector, SectorBands>>
}

/** Monte Carlo settings. */
export type SimulateOptions = {
  /** Number of Monte Carlo samples (≥ 1). */
  samples: number
  /** PRNG seed; same seed (and inputs) ⇒ identical output. Defaults to the scenario's seed. */
  seed?: number
  /** Marginal of each assumption over [low, base, high]. Default beta-PERT. */
  distribution?: MarginalShape
  /**
   * The uncertainty structure (resources/data/uncertainty.json via `loadUncertainty`). Without it
   * every ranged assumption is drawn independently and measures are not sampled.
   */
  uncertainty?: UncertaintySpec
  /** Switch layers of the structure off (default: all on). */
  layers?: Partial<Layers>
  /** 'mixture' or a branch id; defaults to the scenario's `branchView`, else the mixture. */
  branch?: BranchView
}

/** Evaluates draws of a design on one re-parameterised plan per branch (no scenario compiled per draw). */
export type DrawRunner = {
  design: Design
  /** Exposure and cost per [e][s][t] of one draw (views valid until the next call) and its branch. */
  run: (normals: Float64Array, forcedBranch?: number) => DrawResult
  /**
   * `run` over `count` draws whose normals are consecutive rows (`design.dim` wide) of `normals`, calling
   * `each` after every draw: the same results as `run` row by row, with the assumption values drawn
   * marginal by marginal for the whole batch (`Design.fillAssumptions`).
   */
  runBatch: (normals: Float64Array, count: number, forcedBranch: number | undefined, each: (draw: DrawResult, row: number) => void) => void
  /** Point estimate per branch: exposure and cost per [e][s][t] at the scenario's own values (copies). */
  points: () => { exposure: Float64Array; cost: Float64Array }[]
  horizon: number
}

/** One draw's exposure and cost per [e][s][t] (views valid until the next draw) and its branch. */
export type DrawResult = { exposure: Float64Array; cost: Float64Array; branch: number }

/** One branch's working plan: a fork re-parameterised per draw, with its activity profiles. */
type BranchWork = {
  plan: Plan
  /** Profiles per measure (scenarios without triggers); those of measures a draw moves are own buffers, rewritten per draw. */
  profiles: QuarterProfile[]
  /** Own segments per (measure, set of extensions applied), so a draw never re-parses dates. */
  segments: Map<number, readonly Segment[]>[]
}

/**
 * Build the draw evaluator shared by `simulate` and the variance breakdown. Each branch's plan is
 * compiled once and forked; a draw sets the sampled measure parameters and suspension ends on its
 * branch's fork (`setPlanParam`/`retuneMeasure`, the engine's own resolution rules) instead of
 * compiling a scenario, so results are byte-identical to compiling the drawn scenario (tested) at a
 * fraction of the cost; input and output buffers are reused across draws.
 */
export const drawRunner = (model: Model, scenario: ScenarioDoc, opts: Omit<SimulateOptions, 'samples' | 'seed' | 'branch'>): DrawRunner => {
  const design = compileDesign(model, scenario, { spec: opts.uncertainty, layers: opts.layers, distribution: opts.distribution })
  const plans = design.branches.map((b) => compilePlan(model, b.doc))
  const base = plans[0]!.values
  const values = Float64Array.from(base)
  const mask = new Uint8Array(model.measures.length).fill(1)
  const H = plans[0]!.horizon
  const out = allocKernelOut(plans[0]!)
  const exposure = new Float64Array(N_E * N_S * H)
  const cost = new Float64Array(N_E * N_S * H)
  let inputs: Inputs | undefined
  // What a draw may move, resolved to measure indices once.
  const policyAt = design.policyTargets.map((t) => model.measureIndex.get(t.measure) ?? -1)
  const extensions = design.extensionTargets
  const extended = [...new Set(extensions.flatMap((x) => [...x.measures].map((id) => model.measureIndex.get(id) ?? -1)))].filter((m) => m >= 0).sort((a, b) => a - b)
  const moved = [...new Set([...policyAt.filter((m) => m >= 0), ...extended])].sort((a, b) => a - b)
  const dirty = new Uint8Array(model.measures.length)
  const variant = new Int32Array(model.measures.length)
  const work: BranchWork[] = plans.map((p) => {
    const profiles = p.triggers.length > 0 ? [] : [...profilesFor(p, mask)]
    // Measures a draw can move get profile buffers of their own (the engine's cached ones stay untouched).
    if (profiles.length > 0) for (const m of moved) profiles[m] = summariseProfile(p.ownSegs[m]!, p.q0, p.slots, p.timing[m]!)
    return { plan: forkPlan(p), profiles, segments: model.measures.map(() => new Map()) }
  })
  // Own segments of measure m in branch b with the extensions in bit set `bits` applied (as a drawn scenario carries them).
  const segmentsFor = (b: number, m: number, bits: number): readonly Segment[] => {
    const cache = work[b]!.segments[m]!
    let segs = cache.get(bits)
    if (segs === undefined) {
      const setting = design.branches[b]!.doc.measures.find((s) => s.id === model.measures[m]!.id)
      segs = setting === undefined ? plans[b]!.ownSegs[m]! : ownSegments(extendSuspensions(setting, extensions.filter((_, j) => (bits >> j) & 1)))
      cache.set(bits, segs)
    }
    return segs
  }
  const applyDraw = (w: BranchWork, b: number, policy: Float64Array, ext: Uint8Array): void => {
    for (const m of moved) dirty[m] = 0
    for (let i = 0; i < policyAt.length; i++) {
      const v = policy[i] as number
      const m = policyAt[i] as number
      if (Number.isNaN(v) || m < 0) continue
      setPlanParam_(w.plan, m, design.policyTargets[i]!.param, v)
      dirty[m] = 1
    }
    for (const m of extended) variant[m] = 0
    for (let j = 0; j < extensions.length; j++) {
      if (ext[j] !== 1) continue
      for (const id of extensions[j]!.measures) {
        const m = model.measureIndex.get(id)
        if (m !== undefined) variant[m] = (variant[m] as number) | (1 << j)
      }
    }
    const triggers = w.plan.triggers.length > 0
    for (const m of moved) {
      const isExt = extended.includes(m)
      if (dirty[m] === 0 && !isExt) continue
      retuneMeasure_(w.plan, m, isExt ? segmentsFor(b, m, variant[m] as number) : undefined)
      // Without triggers a measure's profile depends on its own segments and timing only: rewrite it in place.
      if (!triggers) summariseProfile_(w.plan.ownSegs[m]!, w.plan.q0, w.plan.slots, w.plan.timing[m]!, w.profiles[m])
    }
  }
  const result: DrawResult = { exposure, cost, branch: 0 }
  // One draw on assumption values `drawn`; `presampled` when they already hold this draw's sample.
  const evaluateDraw = (normals: Float64Array, drawn: Float64Array, presampled: boolean, forcedBranch: number | undefined): DrawResult => {
    const d = design.sample(normals, presampled ? null : drawn, forcedBranch)
    const b = d.branch
    const w = work[b]!
    if (design.changesMeasures) applyDraw(w, b, d.policy, d.extended)
    inputs = buildInputs_(w.plan, drawn, inputs)
    runKernel_(w.plan, inputs, w.plan.triggers.length > 0 ? profilesFor(w.plan, mask) : w.profiles, out, 3, false)
    composeExposure_(out.terms, H, exposure)
    for (let i = 0; i < cost.length; i++) cost[i] = costIndex_(out.costX[i] as number)
    result.branch = b
    return result
  }
  const stride = base.length
  let batch = new Float64Array(0)
  return {
    design,
    horizon: H,
    run: (normals, forcedBranch) => {
      values.set(base)
      return evaluateDraw(normals, values, false, forcedBranch)
    },
    runBatch: (normals, count, forcedBranch, each) => {
      const dim = design.dim
      for (let first = 0; first < count; first += DRAW_BATCH) {
        const rows = Math.min(DRAW_BATCH, count - first)
        if (batch.length < rows * stride) batch = new Float64Array(rows * stride)
        for (let r = 0; r < rows; r++) batch.set(base, r * stride)
        design.fillAssumptions(normals.subarray(first * dim, (first + rows) * dim), batch, rows, stride)
        for (let r = 0; r < rows; r++) {
          const row = first + r
          each(evaluateDraw(normals.subarray(row * dim, (row + 1) * dim), batch.subarray(r * stride, (r + 1) * stride), true, forcedBranch), row)
        }
      }
    },
    points: () =>
      plans.map((p) => {
        const ev = fastEvaluator(p)
        const exposure = Float64Array.from(ev.exposure(mask))
        return { exposure, cost: Float64Array.from(ev.cost()) }
      })
  }
}

/** Layers in effect for a structure and a partial switch (none without a structure). */
export const effectiveLayers = (spec: UncertaintySpec | undefined, layers?: Partial<Layers>): Layers =>
  spec === undefined ? { correlation: false, policy: false, posture: false } : { correlation: true, policy: true, posture: true, ...(layers ?? {}) }

/**
 * Seeded Monte Carlo (docs/MODEL.md §6). Each sample draws one vector of independent normals and
 * maps it through the design (Gaussian copula over correlated assumption groups, posture-loaded
 * measure parameters and suspension extensions, a branch drawn by its probability), runs the engine,
 * and keeps exposure and cost; percentiles are linear-interpolated order statistics. Overridden
 * assumptions and measure parameters set outside their range are pinned (never sampled). For one branch every draw
 * uses that branch with the same random numbers, so a branch with probability 1 gives the mixture.
 */
export const simulate = (model: Model, scenario: ScenarioDoc, opts: SimulateOptions): SimulationResult => {
  const samples = Math.max(1, Math.floor(opts.samples))
  const seed = opts.seed ?? scenario.seed
  const runner = drawRunner(model, scenario, opts)
  const { design } = runner
  const view = opts.branch ?? scenario.branchView
  const forced = view === 'mixture' ? undefined : design.branches.findIndex((b) => b.id === view)
  if (forced !== undefined && forced < 0) {
    throw new Error(`unknown branch "${view}" (this scenario has: ${design.branches.map((b) => b.id).join(', ')}, or mixture)`)
  }
  const H = runner.horizon
  const width = N_E * N_S * H
  // Column-major (one contiguous run of samples per economy × sector × quarter): sorted in place.
  const expo = new Float64Array(samples * width)
  const cost = new Float64Array(samples * width)
  const rng = mulberry32(seed)
  const dim = design.dim
  const normals = new Float64Array(DRAW_BATCH * dim)
  const drawn = design.branches.map(() => 0)
  for (let first = 0; first < samples; first += DRAW_BATCH) {
    const count = Math.min(DRAW_BATCH, samples - first)
    // Row by row from one stream: the same normals as drawing each sample in turn.
    for (let r = 0; r < count; r++) fillNormals(normals.subarray(r * dim, (r + 1) * dim), rng)
    runner.runBatch(normals, count, forced, (d, r) => {
      const n = first + r
      drawn[d.branch]!++
      for (let i = 0; i < width; i++) {
        expo[i * samples + n] = d.exposure[i] as number
        cost[i * samples + n] = d.cost[i] as number
      }
    })
  }
  const points = runner.points()
  const weights = forced === undefined ? design.branches.map((b) => b.probability) : design.branches.map((_, i) => (i === forced ? 1 : 0))
  const pointOf = (which: 'exposure' | 'cost', i: number): number => {
    let s = 0
    weights.forEach((w, b) => {
      if (w > 0) s += w * (points[b]![which][i] as number)
    })
    return s
  }
  const band = (all: Float64Array, which: 'exposure' | 'cost', offset: number): Band => {
    const b: Band = { p10: [], p50: [], p90: [], point: [], low: [], high: [], stretched: [] }
    for (let h = 0; h < H; h++) {
      const column = all.subarray((offset + h) * samples, (offset + h + 1) * samples)
      const [p10, p50, p90] = quantilesInPlace(column, BAND_PROBABILITIES) as [number, number, number]
      const point = pointOf(which, offset + h)
      b.p10.push(p10)
      b.p50.push(p50)
      b.p90.push(p90)
      b.point.push(point)
      b.low.push(Math.min(p10, point))
      b.high.push(Math.max(p90, point))
      if (point < p10 || point > p90) b.stretched.push(h)
    }
    return b
  }
  const economies = {} as SimulationResult['economies']
  ECONOMIES.forEach((e, ei) => {
    const bySector = {} as Record<Sector, SectorBands>
    SECTORS.forEach((s, si) => {
      const off = (ei * N_S + si) * H
      bySector[s] = { exposure: band(expo, 'exposure', off), cost: band(cost, 'cost', off) }
    })
    economies[e] = bySector
  })
  return {
    quarters: Array.from({ length: H }, (_, h) => quarterLabel(quarterIndex(scenario.horizon.start) + h)),
    samples,
    seed,
    view: forced === undefined ? 'mixture' : view,
    branches: design.branches.map((b, i) => ({ id: b.id, label: b.label, probability: b.probability, drawn: drawn[i] as number })),
    layers: effectiveLayers(opts.uncertainty, opts.layers),
    pinned: [...design.pinned],
    economies
  }
}

/** Draws per batch: their assumption rows (≈ 2 KB each) and normals stay in cache while each marginal table is read. */
const DRAW_BATCH = 128

/** P10, P50, P90. */
const BAND_PROBABILITIES = [0.1, 0.5, 0.9] as const

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
