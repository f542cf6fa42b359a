/**
 * Public API of the core domain package: scenario schema, model loading, the exposure engine and
 * its analyses. Pure and deterministic; imports nothing outside core except zod.
 */
export * from './scenario/schema'
export { findXmlForbidden, XML_FORBIDDEN, refuseXmlForbidden } from './scenario/safe-text'
export * from './engine/types'
export { loadModel, ModelLoadError, formatPath, type Model, type ModelIssue } from './model/load-model'
export { defaultScenario, DEFAULT_HORIZON } from './model/default-scenario'
export {
  SIDES, MEASURE_KINDS, MECHANISMS, MECHANISM_PARAMS,
  type Side, type MeasureKind, type Mechanism, type Measure, type MeasureParam, type MeasureEffect, type Confidence, type Catalogue
} from './model/catalogue-schema'
export { ASSUMPTION_GROUPS, type Assumption, type AssumptionGroup, type Project, type Dataset } from './model/assumptions-schema'
export { evaluate } from './engine/evaluate'
export { measureActivity, type MeasureActivity, type MeasureActivityRow } from './engine/activity'
export { quarterLabels, quarterIndex, quarterLabel, quarterTime } from './time/quarters'
export { attribute, EXACT_SHAPLEY_MAX, SAMPLED_PERMUTATIONS, type Attribution, type SectorAttribution, type AttributionOptions } from './analysis/attribution'
export { simulate, quantile, type Band, type SectorBands, type SimulationResult, type SimulateOptions } from './analysis/uncertainty'
export { tornado, PARAM_SWING, type TornadoKpi, type TornadoRow, type TornadoResult, type TornadoOptions } from './analysis/tornado'
export { kpis, type Kpis } from './analysis/kpis'
export { mulberry32, type Rng } from './analysis/rng'
export { parseScenarioDoc, UPGRADES, type ParseResult, type ScenarioIssue } from './scenario/upgrade'
export { checkScenario } from './scenario/check'
export { checkShape, describeValue, MAX_DOC_DEPTH, MAX_DOC_VALUES, type ShapeProblem } from './scenario/shape-guard'
