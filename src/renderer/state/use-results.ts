import { useMemo } from 'react'
import { defaultScenario, evaluate, measureActivity, type EvalResult, type MeasureActivity, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'

export type Results = {
  ok: true
  /** The scenario as edited. */
  result: EvalResult
  /** All measures off, default assumptions: the room's reference line. */
  baseline: EvalResult
  /** All measures off under this scenario's overrides; null when there are none (it would equal `baseline`). */
  modified: EvalResult | null
  activity: MeasureActivity
  error: null
}

const template = defaultScenario(model, 'No measures')
/** Every measure off, no triggers: what the economies face from the assumptions alone. */
const allOff = (horizon: ScenarioDoc['horizon'], overrides: ScenarioDoc['overrides']): ScenarioDoc => ({
  ...template,
  horizon,
  measures: template.measures.map((m) => ({ ...m, enabled: false })),
  overrides
})

const safe = <T,>(f: () => T): { value: T | null; error: string | null } => {
  try {
    return { value: f(), error: null }
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Everything the charts need from the engine, recomputed only when its inputs change: a toggle
 * re-evaluates the scenario (≈1 ms) but not the baselines, which depend on the horizon and the
 * assumption overrides only.
 */
export function useResults(doc: ScenarioDoc): Results | { ok: false; error: string } {
  const { horizon, overrides } = doc
  const baseline = useMemo(() => safe(() => evaluate(model, allOff(horizon, {}))), [horizon])
  const modified = useMemo(
    () => (Object.keys(overrides).length === 0 ? { value: null, error: null } : safe(() => evaluate(model, allOff(horizon, overrides)))),
    [horizon, overrides]
  )
  const scenario = useMemo(() => safe(() => ({ result: evaluate(model, doc), activity: measureActivity(model, doc) })), [doc])
  const error = scenario.error ?? baseline.error ?? modified.error
  if (error || !scenario.value || !baseline.value) return { ok: false, error: error ?? 'The model returned nothing.' }
  return { ok: true, result: scenario.value.result, activity: scenario.value.activity, baseline: baseline.value, modified: modified.value, error: null }
}
