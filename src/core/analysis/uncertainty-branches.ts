import type { Model } from '../model/load-model'
import type { MeasureSetting, ScenarioDoc } from '../scenario/schema'

/**
 * Scenario branches as the sampler sees them (team agreement, schema v2): up to 8 discrete futures
 * `{ id, label, probability, note, measures: [patch] }` whose probabilities sum to 1; each patches
 * measure settings. A scenario without branches has one implicit branch, the scenario itself.
 */
export type BranchPatch = { id: string; enabled?: boolean; start?: string; end?: string | null; params?: Record<string, number>; suspensions?: MeasureSetting['suspensions'] }
/** One branch (structural type, compatible with the scenario schema's). */
export type BranchLike = { id: string; label: string; probability: number; note?: string; measures: readonly BranchPatch[] }
/** What a band or breakdown is computed for: the probability-weighted mixture, or one branch by id. */
export type BranchView = 'mixture' | (string & {})

/** The scenario's branches (empty when it has none). */
export const scenarioBranches = (doc: ScenarioDoc): readonly BranchLike[] => (doc as { branches?: readonly BranchLike[] }).branches ?? []

/** The view the scenario asks for (its `branchView`), defaulting to the mixture. */
export const scenarioBranchView = (doc: ScenarioDoc): BranchView => (doc as { branchView?: string }).branchView ?? 'mixture'

/** The scenario with one branch's patches applied (measures absent from the scenario start from the catalogue default). */
export const applyBranch = (model: Model, doc: ScenarioDoc, branch: BranchLike): ScenarioDoc => {
  const settings = new Map(doc.measures.map((m) => [m.id, m] as const))
  for (const patch of branch.measures) {
    const mi = model.measureIndex.get(patch.id)
    const cat = mi === undefined ? undefined : model.measures[mi]
    const base: MeasureSetting | undefined = settings.get(patch.id) ??
      (cat ? { id: cat.id, enabled: cat.default.enabled, params: {}, start: cat.default.start, end: cat.default.end, suspensions: cat.default.suspensions } : undefined)
    if (!base) continue
    settings.set(patch.id, {
      ...base,
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
      ...(patch.start === undefined ? {} : { start: patch.start }),
      ...(patch.end === undefined ? {} : { end: patch.end }),
      ...(patch.suspensions === undefined ? {} : { suspensions: patch.suspensions }),
      params: { ...base.params, ...(patch.params ?? {}) }
    })
  }
  return { ...doc, measures: [...settings.values()] }
}

/** Ids of measures any branch patches (their suspensions are the branches' to decide, not the sampler's). */
export const branchedMeasures = (doc: ScenarioDoc): Set<string> => new Set(scenarioBranches(doc).flatMap((b) => b.measures.map((m) => m.id)))

/** Probability-weighted sum of structurally identical values (numbers, arrays, records); other leaves from the first. */
const weighted = (items: readonly unknown[], weights: readonly number[]): unknown => {
  const first = items[0]
  if (typeof first === 'number') return items.reduce<number>((s, x, i) => s + (weights[i] as number) * (x as number), 0)
  if (Array.isArray(first)) return first.map((_, j) => weighted(items.map((x) => (x as unknown[])[j]), weights))
  if (first !== null && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((k) => [k, weighted(items.map((x) => (x as Record<string, unknown>)[k]), weights)]))
  }
  return first
}

/**
 * Evaluate the scenario as a view asks: one branch, or the probability-weighted mixture of every
 * numeric series over the branches (a scenario without branches is evaluated as it is).
 * `evaluate` is passed in so this module stays independent of the engine entry point.
 */
export const evaluateView = <R>(model: Model, doc: ScenarioDoc, view: BranchView, evaluate: (m: Model, d: ScenarioDoc) => R): R => {
  const branches = scenarioBranches(doc)
  if (branches.length === 0) {
    if (view !== 'mixture') throw new Error(`unknown branch "${view}": this scenario has no branches (use mixture)`)
    return evaluate(model, doc)
  }
  if (view !== 'mixture') {
    const b = branches.find((x) => x.id === view)
    if (!b) throw new Error(`unknown branch "${view}" (this scenario has: ${branches.map((x) => x.id).join(', ')}, or mixture)`)
    return evaluate(model, applyBranch(model, doc, b))
  }
  const results = branches.map((b) => evaluate(model, applyBranch(model, doc, b)))
  return weighted(results, branches.map((b) => b.probability)) as R
}
