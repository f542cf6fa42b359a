import { SCENARIO_FORMAT, SCENARIO_SCHEMA_VERSION, checkScenario, describeValue, parseScenarioDoc, upgradeCatalogueIds, type IdMigrations, type Model, type ScenarioDoc } from '../core'
import { catalogueMigrations } from '../shared/dataset'
import type { Issue } from '../shared/result'
import { jsonErrorOffset, lineColumn } from './scenario-files-json'

/**
 * Portable scenario files (`.chokepoint.json`, see docs/SCENARIO-FORMAT.md): one scenario document, or a
 * bundle of several. Everything read from a file or from the database is `unknown` until it has passed
 * the same checks: JSON syntax, format marker, schema version (newer refused, older upgraded), the
 * document schema, and references to the measures catalogue and assumptions of this build.
 */

export const BUNDLE_FORMAT = 'chokepoint.bundle'
export const BUNDLE_VERSION = 1
export const FILE_EXTENSION = '.chokepoint.json'
/** A bundle may hold at most this many scenarios. */
export const MAX_BUNDLE_SCENARIOS = 1000

export type ScenarioBundle = { format: typeof BUNDLE_FORMAT; bundleVersion: number; exportedAt: string; scenarios: ScenarioDoc[] }

/** Why a file cannot be imported: `kind` for callers, `issues` say where, `message` says it all in words. */
export class ScenarioFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'syntax' | 'format' | 'newer' | 'invalid' | 'too_large',
    readonly issues: Issue[] = []
  ) {
    super(message)
  }
}

/** `notes`: what the catalogue upgrade changed (renamed or retired ids), one sentence each, for the person. */
export type ParsedFile = { docs: ScenarioDoc[]; upgraded: number; notes: string[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Where in the text a JSON.parse failure happened, as "line L, column C". */
function syntaxWhere(text: string): string {
  const offset = jsonErrorOffset(text)
  return offset < 0 ? 'an unknown place' : offset >= text.length ? 'the end of the file (it stops too early)' : lineColumn(text, offset)
}

/**
 * Checks one raw document with the core's `parseScenarioDoc` (newer refused, older upgraded step by step,
 * then the schema) and `checkScenario` (every measure, parameter, assumption and trigger it names must
 * exist in this build's model, with values in range). Issue paths are relative to the document.
 */
export function checkScenarioDoc(
  raw: unknown,
  model: Model,
  migrations: IdMigrations = catalogueMigrations
): { doc: ScenarioDoc; upgraded: boolean; notes: string[] } | { newer: number } | { issues: Issue[] } {
  if (isObject(raw) && typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCENARIO_SCHEMA_VERSION) return { newer: raw.schemaVersion }
  const parsed = parseScenarioDoc(raw)
  if (!parsed.ok) return { issues: parsed.errors.map((e) => ({ path: e.path || '(root)', message: e.message })) }
  const checked = checkAgainstCatalogue(parsed.doc, model, migrations)
  return 'issues' in checked ? checked : { ...checked, upgraded: parsed.upgradedFrom !== null || checked.notes.length > 0 }
}

/**
 * A schema-valid document against this build's catalogue: ids renamed or retired since its dataset are
 * brought forward first (`notes` says what changed), then every measure, parameter (within its range),
 * assumption and trigger it names must exist. Import, save and the autosaved draft all go through this.
 */
export function checkAgainstCatalogue(doc: ScenarioDoc, model: Model, migrations: IdMigrations = catalogueMigrations): { doc: ScenarioDoc; notes: string[] } | { issues: Issue[] } {
  const upgraded = upgradeCatalogueIds(doc, migrations)
  const issues = checkScenario(model, upgraded.doc)
  return issues.length > 0 ? { issues } : upgraded
}

/** The error for a document that names what this build's catalogue does not know (save, draft). */
export function catalogueError(what: string, issues: Issue[]): ScenarioFileError {
  const shown = issues.slice(0, 6).map((i) => `• ${i.path}: ${i.message}`)
  const more = issues.length > shown.length ? [`• … and ${plural(issues.length - shown.length, 'more problem')}`] : []
  return new ScenarioFileError([`${what} was not saved: it names what this version's catalogue does not know (${plural(issues.length, 'problem')}).`, ...shown, ...more].join('\n'), 'invalid', issues.slice(0, 50))
}

/**
 * Reads a `.chokepoint.json` file: a single scenario or a bundle. All or nothing: throws a
 * `ScenarioFileError` listing every problem (up to 50) with its path, or returns every document valid.
 */
export function parseScenarioFile(fileName: string, text: string, model: Model, maxChars = 5_000_000, migrations: IdMigrations = catalogueMigrations): ParsedFile {
  const file = `“${fileName}”`
  if (text.length > maxChars) {
    throw new ScenarioFileError(`${file} is ${(text.length / 1e6).toFixed(1)} MB; the largest scenario file accepted is ${(maxChars / 1e6).toFixed(0)} MB. Nothing was imported.`, 'too_large')
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    const where = syntaxWhere(text)
    throw new ScenarioFileError(`${file} is not valid JSON (the problem is at ${where}). Nothing was imported.`, 'syntax', [{ path: where, message: 'invalid JSON' }])
  }
  let entries: { raw: unknown; prefix: string }[]
  if (isObject(raw) && raw.format === BUNDLE_FORMAT) {
    const bundleVersion = raw.bundleVersion
    if (typeof bundleVersion === 'number' && bundleVersion > BUNDLE_VERSION) {
      throw new ScenarioFileError(
        `${file} was written by a newer version of Chokepoint (bundle format ${bundleVersion}; this version reads ${BUNDLE_VERSION}). Update Chokepoint to import it. Nothing was imported.`,
        'newer'
      )
    }
    const shape = bundleShapeIssues(raw)
    if (shape.length > 0) throw invalid(file, shape)
    entries = (raw.scenarios as unknown[]).map((r, i) => ({ raw: r, prefix: `scenarios[${i}]` }))
  } else if (isObject(raw) && (raw.format === SCENARIO_FORMAT || (!has(raw, 'format') && Array.isArray(raw.measures)))) {
    // No "format" at all: a document of the prototype format (v0) if it lists measures; parseScenarioDoc upgrades it.
    entries = [{ raw, prefix: '' }]
  } else {
    const found = isObject(raw) ? `its format is ${describeValue(raw.format)}` : `it holds ${Array.isArray(raw) ? 'a list' : `a ${raw === null ? 'null' : typeof raw}`}`
    throw new ScenarioFileError(
      `${file} is not a Chokepoint scenario file (${found}; expected "${SCENARIO_FORMAT}" or "${BUNDLE_FORMAT}"). Nothing was imported.`,
      'format',
      [{ path: 'format', message: `expected "${SCENARIO_FORMAT}" or "${BUNDLE_FORMAT}"` }]
    )
  }

  const docs: ScenarioDoc[] = []
  const issues: Issue[] = []
  const notes: string[] = []
  let upgraded = 0
  for (const entry of entries) {
    const checked = checkScenarioDoc(entry.raw, model, migrations)
    const at = (path: string) => (entry.prefix ? (path === '(root)' ? entry.prefix : `${entry.prefix}.${path}`) : path)
    if ('newer' in checked) {
      throw new ScenarioFileError(
        `${file}${entry.prefix ? ` (${entry.prefix})` : ''} was written by a newer version of Chokepoint (scenario schema ${checked.newer}; this version reads schema ${SCENARIO_SCHEMA_VERSION} and older). ` +
          'Update Chokepoint to import it. Nothing was imported.',
        'newer',
        [{ path: at('schemaVersion'), message: `schema ${checked.newer} is newer than ${SCENARIO_SCHEMA_VERSION}` }]
      )
    }
    if ('issues' in checked) issues.push(...checked.issues.map((i) => ({ path: at(i.path), message: i.message })))
    else {
      docs.push(checked.doc)
      if (checked.upgraded) upgraded++
      notes.push(...checked.notes.map((n) => `“${checked.doc.name}”: ${n}`))
    }
  }
  if (issues.length > 0) throw invalid(file, issues)
  return { docs, upgraded, notes }
}

function bundleShapeIssues(raw: Record<string, unknown>): Issue[] {
  const issues: Issue[] = []
  for (const key of Object.keys(raw)) {
    if (!['format', 'bundleVersion', 'exportedAt', 'scenarios'].includes(key)) issues.push({ path: key.slice(0, 60), message: 'unexpected field in a bundle' })
  }
  if (raw.bundleVersion !== BUNDLE_VERSION) issues.push({ path: 'bundleVersion', message: `expected ${BUNDLE_VERSION}` })
  if (!Array.isArray(raw.scenarios)) issues.push({ path: 'scenarios', message: 'expected a list of scenarios' })
  else if (raw.scenarios.length === 0) issues.push({ path: 'scenarios', message: 'the bundle holds no scenarios' })
  else if (raw.scenarios.length > MAX_BUNDLE_SCENARIOS) issues.push({ path: 'scenarios', message: `${raw.scenarios.length} scenarios; at most ${MAX_BUNDLE_SCENARIOS} per file` })
  return issues
}

/** The error for a file with problems: the message names the first few, `issues` holds up to 50. */
function invalid(file: string, issues: Issue[]): ScenarioFileError {
  const shown = issues.slice(0, 6).map((i) => `• ${i.path}: ${i.message}`)
  const more = issues.length > shown.length ? [`• … and ${plural(issues.length - shown.length, 'more problem')}`] : []
  return new ScenarioFileError(
    [`${file} cannot be imported (${plural(issues.length, 'problem')}). Nothing was imported.`, ...shown, ...more].join('\n'),
    'invalid',
    issues.slice(0, 50)
  )
}

/**
 * A scenario document read back from the database. Stored documents were valid when written, but an
 * older build may have written them: they go through the same version check and upgrade as files.
 */
export function parseStoredDoc(json: string): ScenarioDoc {
  const parsed = parseScenarioDoc(JSON.parse(json))
  if (!parsed.ok) throw new Error(`a stored scenario document is invalid: ${parsed.errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`)
  return parsed.doc
}

/** A file name from a scenario name: characters no file system accepts are replaced, length capped. */
export function fileNameFor(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().replace(/^[.\s-]+|[.\s]+$/g, '').slice(0, 80).trim()
  return `${safe || 'scenario'}${FILE_EXTENSION}`
}

/** The file text for these scenarios: the document itself for one, a bundle for several. */
export function serializeScenarios(docs: readonly ScenarioDoc[], exportedAt: string): { fileName: string; contents: string } {
  if (docs.length === 1) return { fileName: fileNameFor(docs[0].name), contents: `${JSON.stringify(docs[0], null, 2)}\n` }
  const bundle: ScenarioBundle = { format: BUNDLE_FORMAT, bundleVersion: BUNDLE_VERSION, exportedAt, scenarios: [...docs] }
  return { fileName: `chokepoint-${docs.length}-scenarios-${exportedAt.slice(0, 10)}${FILE_EXTENSION}`, contents: `${JSON.stringify(bundle, null, 2)}\n` }
}
