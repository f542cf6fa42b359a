import type { Model } from '../model/load-model'
import type { ScenarioDoc } from './schema'
import type { ScenarioIssue } from './upgrade'

/**
 * Check a (schema-valid) scenario against a model: things the schema cannot know. The engine
 * tolerates all of these (unknown ids are ignored, params clamped), so they are warnings for the
 * UI and errors for `chokepoint validate`.
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
