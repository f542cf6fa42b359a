import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { applyBranch } from '../engine/branches'
import { ECONOMIES, SECTORS } from '../engine/types'
import { attribute, type Attribution, type AttributionOptions, type SectorAttribution } from './attribution'

/**
 * Scenario branches as the sampler sees them. The schema (v2) and `applyBranch` / `evaluateBranches`
 * live with the engine (engine/branches.ts); this module only answers the sampler's questions.
 */

/** What a band or breakdown is computed for: the probability-weighted mixture, or one branch by id. */
export type BranchView = 'mixture' | (string & {})

/** Ids of measures any branch patches (their suspensions are the branches' to decide, not the sampler's). */
export const branchedMeasures = (doc: ScenarioDoc): Set<string> => new Set(doc.branches.flatMap((b) => b.measures.map((m) => m.id)))

/**
 * The Shapley split of the scenario as its branch view shows it (docs/MODEL.md §5–6): one branch's
 * split, or for the mixture the probability-weighted mean of the branches' splits — Shapley values are
 * linear in the game, so that is the split of the mixture and it sums to the mixture's total. Without
 * branches this is `attribute(model, doc)`.
 */
export const attributeView = (model: Model, doc: ScenarioDoc, opts: AttributionOptions = {}): Attribution => {
  if (doc.branches.length === 0) return attribute(model, doc, opts)
  const chosen = doc.branches.find((b) => b.id === doc.branchView)
  if (chosen) return attribute(model, applyBranch(model, doc, chosen), opts)
  const total = doc.branches.reduce((a, b) => a + b.probability, 0)
  const parts = doc.branches.filter((b) => b.probability > 0).map((b) => ({ w: b.probability / total, split: attribute(model, applyBranch(model, doc, b), opts) }))
  const out = {} as Attribution
  for (const e of ECONOMIES) {
    out[e] = {} as Attribution[typeof e]
    for (const s of SECTORS) {
      const first = parts[0]!.split[e][s]
      const mix = (pick: (x: SectorAttribution) => readonly number[] | undefined): number[] =>
        first.baseline.map((_, h) => parts.reduce((acc, p) => acc + p.w * ((pick(p.split[e][s])?.[h] as number | undefined) ?? 0), 0))
      const ids = [...new Set(parts.flatMap((p) => Object.keys(p.split[e][s].byMeasure)))]
      out[e][s] = { baseline: mix((x) => x.baseline), byMeasure: Object.fromEntries(ids.map((id) => [id, mix((x) => x.byMeasure[id])])) }
    }
  }
  return out
}
