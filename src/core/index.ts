/**
 * Public API of the core domain package: scenario schema, model loading, the exposure engine and
 * its analyses. Pure and deterministic; imports nothing outside core except zod.
 */
export * from './scenario/schema'
export { findXmlForbidden, XML_FORBIDDEN, refuseXmlForbidden } from './scenario/safe-text'
export * from './engine/types'
export { loadModel, indexModel, ModelLoadError, formatPath, type Model, type ModelIssue } from './model/load-model'
export { defaultScenario, DEFAULT_HORIZON } from './model/default-scenario'
export {
  SIDES, MEASURE_KINDS, MECHANISMS, MECHANISM_PARAMS,
  type Side, type MeasureKind, type Mechanism, type Measure, type MeasureParam, type MeasureEffect, type Confidence, type Catalogue
} from './model/catalogue-schema'
export { ASSUMPTION_GROUPS, type Assumption, type AssumptionGroup, type Project, type Dataset } from './model/assumptions-schema'
export { evaluate } from './engine/evaluate'
export { measureActivity, type MeasureActivity, type MeasureActivityRow } from './engine/activity'
export { quarterLabels, quarterIndex, quarterLabel, quarterTime } from './time/quarters'
export { attribute, EXACT_SHAPLEY_MAX, SHAPLEY_EVALUATIONS, type Attribution, type SectorAttribution, type AttributionOptions } from './analysis/attribution'
export { simulate, quantile, effectiveLayers, type Band, type SectorBands, type SimulationResult, type SimulateOptions } from './analysis/uncertainty'
export { loadUncertainty, UncertaintySpecError, POSTURES, type UncertaintySpec, type Posture } from './analysis/uncertainty-spec'
export { ALL_LAYERS, type Layers } from './analysis/uncertainty-draws'
export { type BranchView } from './analysis/uncertainty-branches'
export { varianceBreakdown, varianceBreakdowns, type VarianceBreakdown, type VarianceFactor, type VarianceKpi, type VarianceOptions } from './analysis/sobol'
export { tornado, PARAM_SWING, type TornadoKpi, type TornadoRow, type TornadoResult, type TornadoOptions } from './analysis/tornado'
export { kpis, type Kpis } from './analysis/kpis'
export {
  timingSweep, shiftDate, shiftedDoc, targetLabel, SweepError, SWEEP_KPIS, SWEEP_KPI_LABELS, MAX_SWEEP_QUARTERS,
  type SweepTarget, type SweepKpi, type SweepOptions, type SweepPoint, type SweepResult
} from './analysis/timing-sweep'
export { mulberry32, type Rng } from './analysis/rng'
export { parseScenarioDoc, UPGRADES, type ParseResult, type ScenarioIssue } from './scenario/upgrade'
export { checkScenario, checkOverrideRanges, clampOverride } from './scenario/check'
export { checkShape, describeValue, MAX_DOC_DEPTH, MAX_DOC_VALUES, type ShapeProblem } from './scenario/shape-guard'
export { evidenceFor, buildEvidence, meaningOf, EVIDENCE_TOP, type Evidence, type EvidenceRequest, type MeasureDriver, type InputDriver, type GuessReliance } from './evidence/evidence'
export { evaluateBranches, evaluateView, attributeView, applyBranch, mixResults, BASE_BRANCH_ID, type BranchResult, type BranchesResult } from './engine/branches'
export { ASSUMPTION_GROUP_LABELS } from './model/assumptions-schema'
export { countGuessInputs, engineReadIds, type GuessCount } from './model/provenance'
export { guessInputShare, type GuessInputShare } from './model/guess'
export { isGuessSource } from './model/guess'
export { upgradeCatalogueIds, parseIdMigrations, idMigrationsSchema, type IdMigration, type IdMigrations, type CatalogueUpgrade } from './scenario/catalogue-migration'
