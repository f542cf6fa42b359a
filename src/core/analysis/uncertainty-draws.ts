import type { Model } from '../model/load-model'
import type { MeasureSetting, ScenarioDoc } from '../scenario/schema'
import { inverseCdf, latentOfSpearman, normalCdf, type InverseCdf, type MarginalShape } from './copula'
import { applyBranch, BASE_BRANCH_ID } from '../engine/branches'
import { branchedMeasures } from './uncertainty-branches'
import { groupMembers, policyRange } from './uncertainty-lookup'
import type { Posture, UncertaintySpec } from './uncertainty-spec'

/**
 * The sampling design of one scenario (docs/MODEL.md §6): every random input is a deterministic
 * function of a vector of independent standard normals, laid out in blocks (one per Sobol factor):
 *   beijing    – Beijing posture Z_B, Beijing policy and extension residuals
 *   washington – the part of Washington's posture not explained by Beijing's (ε_W), Washington residuals
 *   branch     – the branch draw's residual (beyond the posture tilt)
 *   <group>    – the group's common factor and its members' residuals
 *   other      – residuals of ranged assumptions outside any group
 * Each input's latent X = a·posture + b·groupFactor + c·own with a² + b² + c² = 1, mapped to its
 * marginal by inverse CDF of Φ(X) (Gaussian copula), so marginals are exactly the PERT/triangular ones.
 */

/** Which layers of the structure are switched on (the review's experiment switches them one by one). */
export type Layers = {
  /** Group correlations (else every assumption independent). */
  correlation: boolean
  /** Measure parameters and suspension extensions are sampled (else they are the scenario's values). */
  policy: boolean
  /** Policy inputs and branch draws load on the posture factors (else they are independent). */
  posture: boolean
}
/** Every layer on (the default). */
export const ALL_LAYERS: Layers = { correlation: true, policy: true, posture: true }

/** A block of normals: one factor of the variance breakdown. */
export type Block = { id: string; label: string; indices: number[] }

type Latent = { posture: -1 | 0 | 1; a: number; group: number; b: number; own: number; c: number }
type AssumptionItem = Latent & { index: number; inv: InverseCdf }
/** `inv[b]`: inverse CDF in branch b (mode = that branch's value), or null where the param is pinned or the measure off. */
type PolicyItem = Latent & { measure: string; param: string; inv: (InverseCdf | null)[]; step: number; low: number; high: number }
type ExtensionItem = Latent & ExtensionTarget & { probability: number }

/** A compiled sampling design; `draw` turns one normal vector into assumption values and a scenario. */
export type Design = {
  dim: number
  blocks: readonly Block[]
  /** Branch scenarios (one implicit branch when the scenario has none) and their probabilities. */
  branches: readonly { id: string; label: string; probability: number; doc: ScenarioDoc }[]
  /** Inputs held at the planner's value: assumption overrides, measure params set outside their sampling range. */
  pinned: readonly string[]
  /** True when some draw can change the scenario's measure settings (so each draw recompiles). */
  changesMeasures: boolean
  /**
   * Fill `values` with the draw's assumption values; return the branch index and the draw's scenario
   * (the branch's own document object when nothing about measures was sampled, so callers can cache).
   * `forcedBranch` evaluates every draw under one branch (per-branch bands; common random numbers).
   */
  draw: (normals: Float64Array, values: Float64Array, forcedBranch?: number) => { branch: number; doc: ScenarioDoc }
  /**
   * The same draw without building a scenario (the Monte Carlo's hot path): fills `values`, and returns
   * the branch with the sampled measure parameters (`policy[i]` for `policyTargets[i]`, on the slider
   * grid; NaN where not sampled in that branch) and which extensions happened (`extended[j]` for
   * `extensionTargets[j]`). The returned object and its arrays are reused by the next call.
   */
  sample: (normals: Float64Array, values: Float64Array | null, forcedBranch?: number) => DrawSample
  /**
   * The assumption values `sample` would give for `count` draws at once: row r of `normals` (`dim`
   * wide) fills row r of `values` (`stride` wide; only sampled entries are written). Marginal by
   * marginal over all rows, so each inverse-CDF table is read while it is in cache (same numbers as
   * `sample`); then `sample(row, null)` draws the rest of each row.
   */
  fillAssumptions: (normals: Float64Array, values: Float64Array, count: number, stride: number) => void
  /** Measure parameters `sample` draws, in order. */
  policyTargets: readonly { measure: string; param: string }[]
  /** Suspension extensions `sample` decides, in order (applied in this order to a measure in several). */
  extensionTargets: readonly ExtensionTarget[]
}

/** Output of `Design.sample` (see there). */
export type DrawSample = { branch: number; policy: Float64Array; extended: Uint8Array }
/** A suspension extension: suspensions of `measures` ending on a date in `until` move `months` later. */
export type ExtensionTarget = { measures: ReadonlySet<string>; until: ReadonlySet<string>; months: number }

/** A measure setting with the given extensions applied (in order), exactly as a draw's scenario carries it. */
export const extendSuspensions = (setting: MeasureSetting, extensions: readonly ExtensionTarget[]): MeasureSetting => {
  let s = setting
  for (const x of extensions) {
    if (!x.measures.has(s.id)) continue
    s = { ...s, suspensions: s.suspensions.map((h) => (h.until !== null && x.until.has(h.until) ? { ...h, until: addMonths(h.until, x.months) } : h)) }
  }
  return s
}

/** Options of `compileDesign`. */
export type DesignOptions = { spec?: UncertaintySpec; layers?: Partial<Layers>; distribution?: MarginalShape }

// Φ as a module-local binding: called ≈ 300 times per draw (an imported binding is a getter call under tsx).
const Phi = normalCdf

// Which posture factor a latent loads on: 1 = Beijing, −1 = Washington (0 = none).
const POSTURE_TAG: Record<Posture, 1 | -1> = { beijing: 1, washington: -1 }

/** Add `months` calendar months to an ISO date (day clamped to the month's length). */
export const addMonths = (iso: string, months: number): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * Compile the sampling design of a scenario. Without `spec` every ranged assumption is sampled
 * independently and measures are never sampled (the structure before issue 12).
 */
export const compileDesign = (model: Model, scenario: ScenarioDoc, opts: DesignOptions = {}): Design => {
  const layers: Layers = { ...ALL_LAYERS, ...(opts.layers ?? {}) }
  const spec = opts.spec
  const shape = opts.distribution ?? 'pert'
  const blocks: Block[] = []
  let dim = 0
  const open = (id: string, label: string): Block => {
    const b: Block = { id, label, indices: [] }
    blocks.push(b)
    return b
  }
  const take = (b: Block): number => {
    b.indices.push(dim)
    return dim++
  }
  const pinned: string[] = []
  const posture = spec !== undefined && layers.policy && layers.posture
  const beijing = open('beijing', 'Beijing posture and policy')
  const zB = take(beijing)
  const washington = open('washington', 'Washington posture and policy (beyond retaliation)')
  const eW = take(washington)
  const retaliation = spec && posture ? latentOfSpearman(spec.postures.retaliation) : 0

  // Branches: the scenario's own, or the scenario itself as the only one.
  const branchDocs = scenario.branches.length === 0
    ? [{ id: BASE_BRANCH_ID, label: 'As set', probability: 1, doc: scenario }]
    : scenario.branches.map((b) => ({ id: b.id, label: b.label, probability: b.probability, doc: applyBranch(model, scenario, b) }))

  // Policy parameters: sampled around the value each branch sets (the catalogue default unless edited),
  // provided it lies in the sampling range; a value set outside the range is pinned (held, listed).
  const policy: PolicyItem[] = []
  const latent = (block: Block, p: Posture | null, loading: number): Latent => {
    const a = p === null || !posture ? 0 : latentOfSpearman(loading)
    return { posture: p === null ? 0 : POSTURE_TAG[p], a, group: -1, b: 0, own: take(block), c: Math.sqrt(Math.max(0, 1 - a * a)) }
  }
  if (spec && layers.policy) {
    for (const p of spec.policy) {
      const mi = model.measureIndex.get(p.measure)
      const measure = mi === undefined ? undefined : model.measures[mi]
      const param = measure?.params.find((x) => x.id === p.param)
      if (!measure || !param) continue
      const range = policyRange(p, param)
      if (range === null) continue
      const { low, high } = range
      let held = false
      const inv = branchDocs.map(({ doc }) => {
        const s = doc.measures.find((m) => m.id === p.measure)
        if (s === undefined || !s.enabled) return null
        const v = s.params[p.param] ?? param.default
        if (v < low || v > high) {
          held = true
          return null
        }
        return inverseCdf(shape, low, v, high)
      })
      if (held) pinned.push(`${p.measure}.${p.param}`)
      if (!inv.some((f) => f !== null)) continue
      const block = p.posture === 'beijing' ? beijing : washington
      policy.push({ ...latent(block, p.posture, p.loading), measure: p.measure, param: p.param, inv, step: param.step, low, high })
    }
  }

  // Suspension extensions, except for measures the branches decide.
  const extensions: ExtensionItem[] = []
  if (spec && layers.policy) {
    const branched = branchedMeasures(scenario)
    for (const x of spec.extensions) {
      if (x.measures.some((m) => branched.has(m))) continue
      const until = new Set(x.until)
      const applies = x.measures.some((id) => scenario.measures.some((s) => s.id === id && s.enabled && s.suspensions.some((h) => h.until !== null && until.has(h.until))))
      if (!applies) continue
      extensions.push({ ...latent(x.posture === 'beijing' ? beijing : washington, x.posture, x.loading), probability: x.probability, measures: new Set(x.measures), until, months: x.extendMonths })
    }
  }

  // Branch draw: one latent, branches ordered by hawkishness; keeps each branch's probability exactly.
  const order = branchDocs.map((_, i) => i)
  let branchLatent: Latent | null = null
  if (branchDocs.length > 1) {
    const tilt = spec?.branchTilt
    const rank = (id: string): number => tilt?.hawkishness[id] ?? 1
    order.sort((i, j) => rank(branchDocs[i]!.id) - rank(branchDocs[j]!.id) || i - j)
    // Its own residual is a factor of its own, so the breakdown shows what the branch adds beyond posture.
    branchLatent = latent(open('branch', 'Which branch (beyond posture)'), tilt ? tilt.posture : null, tilt?.loading ?? 0)
  }
  const cumulative: number[] = []
  order.reduce((acc, i) => {
    const next = acc + branchDocs[i]!.probability
    cumulative.push(next)
    return next
  }, 0)

  // Assumptions: overrides are pinned; groups share a factor.
  const overridden = new Set(Object.keys(scenario.overrides).filter((id) => model.assumptionIndex.has(id)))
  pinned.push(...overridden)
  const groupOf = new Map<string, { block: Block; factor: number; b: number; negative: ReadonlySet<string> }>()
  if (spec && layers.correlation) {
    for (const g of spec.groups) {
      const members = groupMembers(model, g).filter((id) => !overridden.has(id) && model.assumptions[model.assumptionIndex.get(id)!]?.low !== undefined)
      if (members.length === 0) continue
      const block = open(`group:${g.id}`, g.label)
      const factor = take(block)
      const b = Math.sqrt(Math.max(0, latentOfSpearman(g.spearman)))
      for (const id of members) groupOf.set(id, { block, factor, b, negative: new Set(g.negative) })
    }
  }
  const other = open('other', 'Other assumptions (independent)')
  const assumptions: AssumptionItem[] = []
  model.assumptions.forEach((a, index) => {
    if (a.low === undefined || a.high === undefined || overridden.has(a.id)) return
    const g = groupOf.get(a.id)
    const block = g?.block ?? other
    const b = g ? (g.negative.has(a.id) ? -g.b : g.b) : 0
    assumptions.push({ posture: 0, a: 0, group: g?.factor ?? -1, b, own: take(block), c: Math.sqrt(Math.max(0, 1 - b * b)), index, inv: inverseCdf(shape, a.low, a.value, a.high) })
  })
  const used = blocks.filter((b) => b.indices.length > 0)

  const latentValue = (l: Latent, n: Float64Array, pB: number, pW: number): number =>
    (l.posture === 1 ? l.a * pB : l.posture === -1 ? l.a * pW : 0) + (l.group >= 0 ? l.b * (n[l.group] as number) : 0) + l.c * (n[l.own] as number)

  const washingtonOf = (n: Float64Array, pB: number): number => retaliation * pB + Math.sqrt(1 - retaliation * retaliation) * (n[eW] as number)
  const out: DrawSample = { branch: 0, policy: new Float64Array(policy.length), extended: new Uint8Array(extensions.length) }
  const sample = (n: Float64Array, values: Float64Array | null, forcedBranch?: number): DrawSample => {
    const pB = n[zB] as number
    const pW = washingtonOf(n, pB)
    if (values !== null) for (const it of assumptions) values[it.index] = it.inv(Phi(latentValue(it, n, pB, pW)))
    let branch = 0
    if (forcedBranch !== undefined) branch = forcedBranch
    else if (branchLatent) {
      const u = Phi(latentValue(branchLatent, n, pB, pW))
      let k = 0
      while (k < order.length - 1 && !(u < (cumulative[k] as number))) k++
      branch = order[k] as number
    }
    out.branch = branch
    for (let i = 0; i < policy.length; i++) {
      const it = policy[i] as PolicyItem
      const inv = it.inv[branch]
      // On the slider's grid (a value a planner could set), inside the sampling range.
      out.policy[i] = inv ? Math.min(it.high, Math.max(it.low, Math.round(inv(Phi(latentValue(it, n, pB, pW))) / it.step) * it.step)) : Number.NaN
    }
    for (let j = 0; j < extensions.length; j++) {
      const x = extensions[j] as ExtensionItem
      // Extended iff Φ(latent) < probability; the loading makes a hawkish posture push the latent up (lapse).
      out.extended[j] = Phi(latentValue(x, n, pB, pW)) < x.probability ? 1 : 0
    }
    return out
  }

  // Assumption latents load on no posture, so a row's latent needs only its own and its group's normal.
  const fillAssumptions = (n: Float64Array, values: Float64Array, count: number, stride: number): void => {
    for (const it of assumptions) {
      const { inv, index, group, b, own, c } = it
      for (let r = 0, row = 0; r < count; r++, row += dim) {
        const x = (group >= 0 ? b * (n[row + group] as number) : 0) + c * (n[row + own] as number)
        values[r * stride + index] = inv(Phi(x))
      }
    }
  }

  return {
    dim,
    blocks: used,
    fillAssumptions,
    branches: branchDocs,
    pinned,
    changesMeasures: policy.length > 0 || extensions.length > 0,
    sample,
    policyTargets: policy.map((p) => ({ measure: p.measure, param: p.param })),
    extensionTargets: extensions.map((x) => ({ measures: x.measures, until: x.until, months: x.months })),
    draw: (n, values, forcedBranch) => {
      const { branch } = sample(n, values, forcedBranch)
      const base = branchDocs[branch]!.doc
      if (policy.length === 0 && extensions.length === 0) return { branch, doc: base }
      const edits = new Map<string, MeasureSetting>()
      const edit = (id: string): MeasureSetting | undefined => {
        let s = edits.get(id)
        if (!s) {
          const orig = base.measures.find((m) => m.id === id)
          if (!orig) return undefined
          s = { ...orig, params: { ...orig.params } }
          edits.set(id, s)
        }
        return s
      }
      policy.forEach((it, i) => {
        const v = out.policy[i] as number
        if (Number.isNaN(v)) return
        const s = edit(it.measure)
        if (s) s.params[it.param] = v
      })
      extensions.forEach((x, j) => {
        if (out.extended[j] !== 1) return
        for (const id of x.measures) {
          const s = edit(id)
          if (s) edits.set(id, extendSuspensions(s, [x]))
        }
      })
      return { branch, doc: { ...base, measures: base.measures.map((m) => edits.get(m.id) ?? m) } }
    }
  }
}
