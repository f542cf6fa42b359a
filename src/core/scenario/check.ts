import type { Assumption } from '../model/assumptions-schema'
import type { Model } from '../model/load-model'
import type { ScenarioDoc } from './schema'
import type { ScenarioIssue } from './upgrade'

/**
 * Check a (schema-valid) scenario against a model: things the schema cannot know. These are errors:
 * import refuses such a document, `chokepoint run` and `chokepoint validate` exit 1. (The engine itself
 * tolerates them — unknown ids are ignored, params clamped — so a stored document still opens.)
 */
export const checkScenario = (model: Model, doc: ScenarioDoc): ScenarioIssue[] => {
  const issues: ScenarioIssue[] = []
  doc.measures.forEach((s, i) => {
    const m = model.measures.find((x) => x.id === s.id)
    if (!m) {
      issues.push({ path: `measures[${i}].id`, message: `unknown measure "${s.id}" (not in catalogue ${model.catalogueVersion})` })
      return
    }
    for (const [pid, v] of Object.entries(s.params)) {
      const p = m.params.find((x) => x.id === pid)
      if (!p) issues.push({ path: `measures[${i}].params.${pid}`, message: `measure "${s.id}" has no parameter "${pid}"` })
      else if (v < p.min || v > p.max) issues.push({ path: `measures[${i}].params.${pid}`, message: `${v} is outside ${p.min}–${p.max} ${p.unit}` })
    }
  })
  for (const id of Object.keys(doc.overrides)) {
    if (!model.assumptionIndex.has(id)) issues.push({ path: `overrides.${id}`, message: `unknown assumption "${id}"` })
  }
  doc.triggers.forEach((t, i) => {
    if (!model.measureIndex.has(t.ifMeasure)) issues.push({ path: `triggers[${i}].ifMeasure`, message: `unknown measure "${t.ifMeasure}"` })
    if (!model.measureIndex.has(t.thenMeasure)) issues.push({ path: `triggers[${i}].thenMeasure`, message: `unknown measure "${t.thenMeasure}"` })
  })
  return issues
}

/**
 * The value the engine uses for an assumption override: clamped into the assumption's documented
 * [low, high] when it has a range (an assumption without a range takes the override as given). One rule
 * for the point estimate (`compilePlan`) and the Monte Carlo (which holds an overridden assumption at the
 * plan's value), so both answer for the same input (docs/SCENARIO-FORMAT.md, "Assumption overrides").
 */
export const clampOverride = (a: Pick<Assumption, 'low' | 'high'>, v: number): number =>
  a.low === undefined || a.high === undefined ? v : Math.min(a.high, Math.max(a.low, v))

/**
 * Overrides outside their assumption's documented range. Not an import error (the workspace lets a
 * planner type such a value and says it is out of range; refusing it would make a saved file
 * unreadable): the engine clamps it (`clampOverride`), `chokepoint validate` reports it and exits 1,
 * `chokepoint run` warns and runs with the clamped value.
 */
export const checkOverrideRanges = (model: Model, doc: ScenarioDoc): ScenarioIssue[] => {
  const issues: ScenarioIssue[] = []
  for (const [id, v] of Object.entries(doc.overrides)) {
    const i = model.assumptionIndex.get(id)
    const a = i === undefined ? undefined : model.assumptions[i]
    if (!a || a.low === undefined || a.high === undefined) continue
    const used = clampOverride(a, v)
    if (used !== v) {
      issues.push({
        path: `overrides.${id}`,
        message: `${v} is outside the documented range ${a.low}–${a.high} ${a.unit}; the model uses ${used} (point estimate and Monte Carlo alike)`
      })
    }
  }
  return issues
}
