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
