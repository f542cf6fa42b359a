import { SCENARIO_FORMAT, SCENARIO_SCHEMA_VERSION, type ScenarioDoc } from '../scenario/schema'
import type { Model } from './load-model'

/** Default horizon: 2025-Q1 plus 24 quarters (through 2030-Q4). */
export const DEFAULT_HORIZON = { start: '2025-Q1', quarters: 24 } as const

/**
 * The "as known" scenario: every catalogue measure in its documented state (dates, suspensions
 * such as MOFCOM No. 70, default parameters), no overrides, no triggers, seed 1.
 * Every measure is listed explicitly so the document stays meaningful if the catalogue changes.
 */
export const defaultScenario = (model: Model, name = 'As known (baseline)'): ScenarioDoc => ({
  format: SCENARIO_FORMAT,
  schemaVersion: SCENARIO_SCHEMA_VERSION,
  name,
  notes: `Measures as documented on ${model.asOf} (dataset ${model.datasetVersion}).`,
  tags: ['baseline'],
  datasetVersion: model.datasetVersion,
  horizon: { ...DEFAULT_HORIZON },
  seed: 1,
  measures: model.measures.map((m) => ({
    id: m.id,
    enabled: m.default.enabled,
    params: Object.fromEntries(m.params.map((p) => [p.id, p.default])),
    start: m.default.start,
    end: m.default.end,
    suspensions: m.default.suspensions.map((s) => ({ ...s }))
  })),
  overrides: {},
  triggers: [],
  branches: [],
  branchView: 'mixture'
})
