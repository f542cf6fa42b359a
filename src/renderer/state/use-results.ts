import { useMemo } from 'react'
import { useAfterPaint } from './use-after-paint'
import { defaultScenario, evaluate, evaluateView, measureActivity, type EvalResult, type MeasureActivity, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'

export type Results = {
  ok: true
  /** The scenario as edited. */
  result: EvalResult
  /** All measures off, default assumptions: the room's reference line. */
  baseline: EvalResult
  /** All measures off under this scenario's overrides; null when there are none (it would equal `baseline`). */
  modified: EvalResult | null
  /** Per-quarter activity for the timeline, and the triggers it was computed with (they follow one render later). */
  activity: MeasureActivity
  triggers: ScenarioDoc['triggers']
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
  // The branch the planner picked, or the probability-weighted mixture (a scenario without branches as it is).
  const scenario = useMemo(() => safe(() => evaluateView(model, doc)), [doc])
  // The timeline follows one frame after the charts: a toggle paints its charts first, which keeps the
  // redraw within the bare recharts page's time; the timeline catches up right after that paint.
  const timelineDoc = useAfterPaint(doc)
  const activity = useMemo(() => safe(() => measureActivity(model, timelineDoc)), [timelineDoc])
  const error = scenario.error ?? baseline.error ?? modified.error ?? activity.error
  if (error || !scenario.value || !baseline.value || !activity.value) return { ok: false, error: error ?? 'The model returned nothing.' }
  return { ok: true, result: scenario.value, activity: activity.value, triggers: timelineDoc.triggers, baseline: baseline.value, modified: modified.value, error: null }
}
