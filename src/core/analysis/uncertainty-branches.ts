import type { ScenarioDoc } from '../scenario/schema'

/**
 * Scenario branches as the sampler sees them. The schema (v2) and `applyBranch` / `evaluateBranches`
 * live with the engine (engine/branches.ts, with `attributeView`, the split of the view shown); this module
 * only answers the sampler's questions.
 */

/** What a band or breakdown is computed for: the probability-weighted mixture, or one branch by id. */
export type BranchView = 'mixture' | (string & {})

/** Ids of measures any branch patches (their suspensions are the branches' to decide, not the sampler's). */
export const branchedMeasures = (doc: ScenarioDoc): Set<string> => new Set(doc.branches.flatMap((b) => b.measures.map((m) => m.id)))
