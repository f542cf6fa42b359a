import { attribute, type Attribution, type AttributionOptions, type SectorAttribution } from '../analysis/attribution'
import type { Model } from '../model/load-model'
import type { Branch, MeasureSetting, ScenarioDoc } from '../scenario/schema'
import { evaluate } from './evaluate'
import type { EngineResult, EvalDiagnostics, SectorSeries } from './types'

/**
 * Scenario branches (docs/SCENARIO-FORMAT.md §Branches, docs/MODEL.md §default): a discrete
 * uncertainty such as what Beijing does when a dated suspension ends. Each branch patches measure
 * settings of the scenario; results are shown per branch and as their probability-weighted mean.
 */

/** One branch's result. */
export type BranchResult = { id: string; label: string; probability: number; result: EngineResult }
/** `evaluateBranches` output: every branch and the probability-weighted mixture of every series. */
export type BranchesResult = { branches: BranchResult[]; mixture: EngineResult }

/** The id used for the single path of a scenario without branches. */
export const BASE_BRANCH_ID = 'base'

/**
 * The scenario as one branch sees it: its measure patches applied (params merged, other given fields
 * replaced; a measure the scenario does not list is patched over its catalogue default), branches
 * dropped. Pure: the input document is not changed.
 */
export const applyBranch = (model: Model, scenario: ScenarioDoc, branch: Branch): ScenarioDoc => {
  const measures: MeasureSetting[] = scenario.measures.map((m) => ({ ...m }))
  for (const patch of branch.measures) {
    let i = measures.findIndex((m) => m.id === patch.id)
    if (i < 0) {
      const cat = model.measures[model.measureIndex.get(patch.id) ?? -1]
      if (cat === undefined) continue // unknown id: reported by checkScenario, ignored by the engine
      measures.push({ id: cat.id, enabled: cat.default.enabled, params: {}, start: cat.default.start, end: cat.default.end, suspensions: cat.default.suspensions.map((s) => ({ ...s })) })
      i = measures.length - 1
    }
    const base = measures[i] as MeasureSetting
    measures[i] = {
      ...base,
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
      ...(patch.start === undefined ? {} : { start: patch.start }),
      ...(patch.end === undefined ? {} : { end: patch.end }),
      params: patch.params === undefined ? base.params : { ...base.params, ...patch.params },
      suspensions: patch.suspensions === undefined ? base.suspensions : patch.suspensions.map((s) => ({ ...s }))
    }
  }
  return { ...scenario, measures, branches: [], branchView: 'mixture' }
}

/**
 * Evaluate every branch of a scenario and their mixture (probability-weighted mean of every series:
 * exposure, cost, byChannel, diagnostics). A scenario without branches is one branch (`base`,
 * probability 1). A branch with probability 1 gives exactly that branch's result. Σ byChannel =
 * exposure holds in the mixture too (the mean is linear).
 */
export const evaluateBranches = (model: Model, scenario: ScenarioDoc): BranchesResult => {
  if (scenario.branches.length === 0) {
    const result = evaluate(model, scenario)
    return { branches: [{ id: BASE_BRANCH_ID, label: 'As set', probability: 1, result }], mixture: result }
  }
  const branches = scenario.branches.map((b) => ({ id: b.id, label: b.label, probability: b.probability, result: evaluate(model, applyBranch(model, scenario, b)) }))
  return { branches, mixture: mixResults(branches) }
}

/**
 * The result a scenario's `branchView` selects: the mixture, or the named branch. Without branches
 * this is `evaluate(model, scenario)`.
 */
export const evaluateView = (model: Model, scenario: ScenarioDoc): EngineResult => {
  if (scenario.branches.length === 0) return evaluate(model, scenario)
  const chosen = scenario.branches.find((b) => b.id === scenario.branchView)
  if (chosen) return evaluate(model, applyBranch(model, scenario, chosen))
  return evaluateBranches(model, scenario).mixture
}

/** Probability-weighted mean of results sharing one horizon (weights normalised by their sum). */
export const mixResults = (parts: readonly { probability: number; result: EngineResult }[]): EngineResult => {
  const live = parts.filter((p) => p.probability > 0)
  const first = live[0] ?? parts[0]
  if (first === undefined) throw new Error('mixResults needs at least one result')
  if (live.length <= 1) return first.result
  const total = live.reduce((a, p) => a + p.probability, 0)
  const w = live.map((p) => p.probability / total)
  const mix = (pick: (r: EngineResult) => readonly number[]): number[] => {
    const out = new Array<number>(pick(first.result).length).fill(0)
    live.forEach((p, j) => {
      const xs = pick(p.result)
      const wj = w[j] as number
      for (let h = 0; h < out.length; h++) out[h] = (out[h] as number) + wj * (xs[h] as number)
    })
    return out
  }
  const base = first.result
  const economies = {} as EngineResult['economies']
  for (const e of Object.keys(base.economies) as (keyof EngineResult['economies'])[]) {
    const bySector = {} as EngineResult['economies'][typeof e]
    for (const s of Object.keys(base.economies[e]) as (keyof typeof bySector)[]) {
      const byChannel = {} as SectorSeries['byChannel']
      for (const k of Object.keys(base.economies[e][s].byChannel) as (keyof SectorSeries['byChannel'])[]) {
        byChannel[k] = mix((r) => r.economies[e][s].byChannel[k])
      }
      bySector[s] = { exposure: mix((r) => r.economies[e][s].exposure), cost: mix((r) => r.economies[e][s].cost), byChannel }
    }
    economies[e] = bySector
  }
  const diagnostics = mixTree(base.diagnostics, (path) => mix((r) => pathOf(r.diagnostics, path))) as EvalDiagnostics
  return { quarters: [...base.quarters], economies, diagnostics }
}

type Tree = { [key: string]: Tree | readonly number[] }

/** Rebuild a tree of number arrays (the diagnostics) with each leaf replaced by `leaf(path)`. */
const mixTree = (node: unknown, leaf: (path: string[]) => number[], path: string[] = []): unknown => {
  if (Array.isArray(node)) return leaf(path)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node as Tree)) out[k] = mixTree(v, leaf, [...path, k])
  return out
}

const pathOf = (node: unknown, path: readonly string[]): readonly number[] =>
  path.reduce<unknown>((n, k) => (n as Tree)[k], node) as readonly number[]

/**
 * Attribution of the figure `branchView` selects: the chosen branch's Shapley split, or — for the
 * mixture — each branch's split weighted by its probability (Shapley values are linear in the game,
 * so the mixed split still sums to the mixed exposure). Without branches: `attribute(model, doc)`.
 */
export const attributeView = (model: Model, scenario: ScenarioDoc, opts: AttributionOptions = {}): Attribution => {
  if (scenario.branches.length === 0) return attribute(model, scenario, opts)
  const chosen = scenario.branches.find((b) => b.id === scenario.branchView)
  if (chosen) return attribute(model, applyBranch(model, scenario, chosen), opts)
  const parts = scenario.branches.filter((b) => b.probability > 0).map((b) => ({ p: b.probability, a: attribute(model, applyBranch(model, scenario, b), opts) }))
  const total = parts.reduce((acc, x) => acc + x.p, 0)
  const first = parts[0]
  if (first === undefined) return attribute(model, scenario, opts)
  const out = {} as Attribution
  for (const e of Object.keys(first.a) as (keyof Attribution)[]) {
    const bySector = {} as Attribution[typeof e]
    for (const s of Object.keys(first.a[e]) as (keyof Attribution[typeof e])[]) {
      const H = first.a[e][s].baseline.length
      const mix = (pick: (x: SectorAttribution) => readonly number[] | undefined): number[] =>
        Array.from({ length: H }, (_, h) => parts.reduce((acc, x) => acc + (x.p / total) * ((pick(x.a[e][s]) ?? [])[h] ?? 0), 0))
      const ids = [...new Set(parts.flatMap((x) => Object.keys(x.a[e][s].byMeasure)))]
      bySector[s] = { baseline: mix((x) => x.baseline), byMeasure: Object.fromEntries(ids.map((id) => [id, mix((x) => x.byMeasure[id])])) }
    }
    out[e] = bySector
  }
  return out
}
