import { formatPath } from '../model/load-model'
import { checkShape, describeValue } from './shape-guard'
import { SCENARIO_FORMAT, SCENARIO_SCHEMA_VERSION, scenarioDocSchema, type ScenarioDoc } from './schema'

/** A problem with a scenario document: where (dotted path, '' = the document) and what. */
export type ScenarioIssue = { path: string; message: string }
/** Outcome of `parseScenarioDoc`: the current-version document, or every problem found. */
export type ParseResult = { ok: true; doc: ScenarioDoc; upgradedFrom: number | null } | { ok: false; errors: ScenarioIssue[] }

type Json = Record<string, unknown>
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * Upgrade steps: `UPGRADES[n]` turns a version-n document into version n+1. Pure functions, append-only:
 * a new schema version adds one step and never edits an old one.
 *
 * v0 is the prototype format (before `format`/`schemaVersion` existed): measures were
 * `{ id, on, from, to, params }`, assumptions overrides were called `assumptions`, and there was no
 * seed or dataset version.
 */
export const UPGRADES: Readonly<Record<number, (doc: Json) => Json>> = {
  0: (doc) => {
    const measures = Array.isArray(doc.measures) ? doc.measures : []
    return {
      format: SCENARIO_FORMAT,
      schemaVersion: 1,
      name: doc.name,
      notes: doc.notes ?? '',
      tags: doc.tags ?? [],
      datasetVersion: typeof doc.datasetVersion === 'string' ? doc.datasetVersion : 'unknown',
      horizon: doc.horizon,
      seed: typeof doc.seed === 'number' ? doc.seed : 1,
      measures: measures.map((m: unknown) => {
        if (!isObject(m)) return m
        return { id: m.id, enabled: m.on === true, params: m.params ?? {}, start: m.from, end: m.to ?? null, suspensions: m.suspensions ?? [] }
      }),
      overrides: doc.assumptions ?? doc.overrides ?? {},
      triggers: doc.triggers ?? []
    }
  },
  /** v1 → v2 (Model 2): scenario branches. A v1 document is one certain path: no branches, mixture view. */
  1: (doc) => ({ ...doc, schemaVersion: 2, branches: [], branchView: 'mixture' })
}

/** Version of an untrusted document: `schemaVersion`, or 0 for the prototype format without one. */
const versionOf = (doc: Json): number | string => {
  if (!('schemaVersion' in doc)) return 0
  const v = doc.schemaVersion
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : describeValue(v)
}

/**
 * Parse an untrusted scenario document: refuse newer versions with a clear message, upgrade older
 * ones step by step, then validate with the current schema. Never throws.
 */
export const parseScenarioDoc = (input: unknown): ParseResult => {
  if (!isObject(input)) return { ok: false, errors: [{ path: '', message: 'a scenario document must be a JSON object' }] }
  const shape = checkShape(input)
  if (shape) return { ok: false, errors: [shape] }
  if ('format' in input && input.format !== SCENARIO_FORMAT) {
    return { ok: false, errors: [{ path: 'format', message: `not a Chokepoint scenario (format is ${describeValue(input.format)}, expected "${SCENARIO_FORMAT}")` }] }
  }
  const version = versionOf(input)
  if (typeof version === 'string') return { ok: false, errors: [{ path: 'schemaVersion', message: `schemaVersion must be a whole number, got ${version}` }] }
  if (version > SCENARIO_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [{
        path: 'schemaVersion',
        message: `This scenario was made by a newer version of Chokepoint (scenario format version ${version}; this version reads up to ${SCENARIO_SCHEMA_VERSION}). Update Chokepoint to open it.`
      }]
    }
  }
  let doc: Json = input
  for (let v = version; v < SCENARIO_SCHEMA_VERSION; v++) {
    const step = UPGRADES[v]
    if (!step) return { ok: false, errors: [{ path: 'schemaVersion', message: `no upgrade path from scenario format version ${v}` }] }
    doc = step(doc)
  }
  const parsed = scenarioDocSchema.safeParse(doc)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) }
  return { ok: true, doc: parsed.data, upgradedFrom: version < SCENARIO_SCHEMA_VERSION ? version : null }
}
