import { applyBranch, attribute, ECONOMIES, SECTORS, type Attribution, type Model, type ScenarioDoc } from '../../core'

/**
 * The Shapley split of what the screen shows: the scenario's branch view. One branch: that branch's split.
 * The mixture: Shapley values are linear in the game, so the split of the probability-weighted mixture is
 * the probability-weighted split of each branch (weights normalised as `mixResults` does). Either way the
 * split adds up to the view's total, quarter by quarter.
 */
export function attributeView(model: Model, doc: ScenarioDoc): Attribution {
  if (doc.branches.length === 0) return attribute(model, doc)
  const chosen = doc.branches.find((b) => b.id === doc.branchView)
  if (chosen) return attribute(model, applyBranch(model, doc, chosen))
  const live = doc.branches.filter((b) => b.probability > 0)
  const weight = live.reduce((a, b) => a + b.probability, 0)
  const parts = live.map((b) => ({ w: b.probability / weight, split: attribute(model, applyBranch(model, doc, b)) }))
  const out = {} as Attribution
  for (const e of ECONOMIES) {
    out[e] = {} as Attribution[typeof e]
    for (const s of SECTORS) {
      const first = parts[0]?.split[e][s]
      const n = first?.baseline.length ?? 0
      const mix = (pick: (a: Attribution) => readonly number[] | undefined) => Array.from({ length: n }, (_, t) => parts.reduce((acc, p) => acc + p.w * (pick(p.split)?.[t] ?? 0), 0))
      const ids = new Set(parts.flatMap((p) => Object.keys(p.split[e][s].byMeasure)))
      out[e][s] = { baseline: mix((a) => a[e][s].baseline), byMeasure: Object.fromEntries([...ids].map((id) => [id, mix((a) => a[e][s].byMeasure[id])])) }
    }
  }
  return out
}
