import { z } from 'zod'
import type { Model, ScenarioDoc } from '../../core'
import { moveSchema, outcomeSchema, predictionSchema, roundKpiSchema, teamSchema, MAX_WORKSHOP_FILE_CHARS, type Workshop } from '../../shared/contract/workshop'
import { formatPath, type Issue } from '../../shared/result'
import { slug } from '../export/exporter'
import { checkScenarioDoc } from '../scenario-files'
import { jsonErrorOffset, lineColumn } from '../scenario-files-json'
import type { WorkshopImport } from './repository'

/**
 * Workshop files (`.workshop.json`, docs/WORKSHOP-FORMAT.md): a whole workshop — teams, rounds with their
 * scenario documents, the moves log, predictions and outcomes — so a facilitator can prepare on one laptop
 * and run on another. Versioned by `formatVersion`; a newer file is refused, never half-read.
 */
export const WORKSHOP_FORMAT = 'chokepoint.workshop'
/** 2 added `workshop.sourceName`, the starting scenario's name; version-1 files (without it) are still read. */
export const WORKSHOP_FORMAT_VERSION = 2
export const WORKSHOP_FILE_EXTENSION = '.workshop.json'

/** Why a workshop file cannot be imported; the message names every problem with its path in the file. */
export class WorkshopFileError extends Error {
  constructor(message: string, readonly issues: Issue[] = []) {
    super(message)
  }
}

const timestamp = z.string().min(1).max(40)
const fileRound = z
  .object({
    number: z.number().int().min(1),
    status: z.enum(['open', 'applied']),
    hidden: z.boolean(),
    revealed: z.boolean(),
    kpi: roundKpiSchema,
    startedAt: timestamp,
    appliedAt: timestamp.nullable(),
    /** Scenario documents: checked (and upgraded) by the scenario rules, not here. */
    before: z.unknown(),
    after: z.unknown().nullable(),
    moves: z.array(moveSchema).max(2000),
    predictions: z.array(predictionSchema).max(16),
    outcome: outcomeSchema.nullable()
  })
  .strict()
const fileSchema = z
  .object({
    format: z.literal(WORKSHOP_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(WORKSHOP_FORMAT_VERSION)]),
    exportedAt: timestamp,
    app: z.object({ version: z.string().max(40), datasetVersion: z.string().max(40) }).strict(),
    workshop: z
      .object({
        name: z.string().trim().min(1, 'a workshop needs a name').max(200),
        /** The scenario it started from (format 2; null when not known). */
        sourceName: z.string().trim().min(1).max(200).nullable().optional(),
        teams: z.array(teamSchema).min(1).max(8),
        createdAt: timestamp,
        rounds: z.array(fileRound).min(1).max(100)
      })
      .strict()
  })
  .strict()

/** The file's text for a workshop. */
export function serializeWorkshop(w: Workshop, exportedAt: string, app: { version: string; datasetVersion: string }): { fileName: string; contents: string } {
  const file = {
    format: WORKSHOP_FORMAT,
    formatVersion: WORKSHOP_FORMAT_VERSION,
    exportedAt,
    app,
    workshop: { name: w.name, sourceName: w.sourceName, teams: w.teams, createdAt: w.createdAt, rounds: w.rounds }
  }
  return { fileName: `${slug(w.name)}${WORKSHOP_FILE_EXTENSION}`, contents: `${JSON.stringify(file, null, 2)}\n` }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads a workshop file, all or nothing: JSON syntax, format and version, the schema, every scenario document
 * (older ones upgraded), and the workshop's own rules (rounds 1…n in order, only the last open, each round
 * starting where the one before ended, moves and predictions by known teams). Throws naming each problem's path.
 */
export function parseWorkshopFile(fileName: string, text: string, model: Model): WorkshopImport {
  const where = `“${fileName}”`
  if (text.length > MAX_WORKSHOP_FILE_CHARS) throw new WorkshopFileError(`${where} is too large to be a workshop file (over ${MAX_WORKSHOP_FILE_CHARS / 1_000_000} MB).`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    const at = jsonErrorOffset(text)
    throw new WorkshopFileError(`${where} is not valid JSON (the problem is at ${at < 0 ? 'an unknown place' : lineColumn(text, at)}). Nothing was imported.`)
  }
  if (!isObject(raw) || raw.format !== WORKSHOP_FORMAT) {
    throw new WorkshopFileError(`${where} is not a Chokepoint workshop file (its "format" should be "${WORKSHOP_FORMAT}"). Scenario files are imported from the library. Nothing was imported.`, [{ path: 'format', message: 'not a workshop file' }])
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > WORKSHOP_FORMAT_VERSION) {
    throw new WorkshopFileError(`${where} was written by a newer Chokepoint (workshop format ${raw.formatVersion}; this one reads ${WORKSHOP_FORMAT_VERSION}). Update Chokepoint to open it. Nothing was imported.`, [{ path: 'formatVersion', message: 'newer than supported' }])
  }
  const parsed = fileSchema.safeParse(raw)
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
  if (!parsed.success) throw problems(where, issues)
  const w = parsed.data.workshop
  const teamIds = new Set(w.teams.map((t) => t.id))
  if (teamIds.size !== w.teams.length) issues.push({ path: 'workshop.teams', message: 'two teams share an id' })
  const rounds: WorkshopImport['rounds'] = []
  let previousAfter: ScenarioDoc | null = null
  w.rounds.forEach((r, i) => {
    const at = `workshop.rounds[${i}]`
    if (r.number !== i + 1) issues.push({ path: `${at}.number`, message: `expected round ${i + 1}` })
    const last = i === w.rounds.length - 1
    if (!last && r.status !== 'applied') issues.push({ path: `${at}.status`, message: 'only the last round can still be open' })
    const before = doc(r.before, `${at}.before`, model, issues)
    const after = r.after === null ? null : doc(r.after, `${at}.after`, model, issues)
    if (r.status === 'applied' && (after === null || r.outcome === null)) issues.push({ path: `${at}.after`, message: 'an applied round needs its resulting scenario and outcome' })
    if (r.status === 'open' && (after !== null || r.outcome !== null)) issues.push({ path: `${at}.after`, message: 'an open round has no result yet' })
    if (before && previousAfter && JSON.stringify(before.measures) !== JSON.stringify(previousAfter.measures)) {
      issues.push({ path: `${at}.before`, message: `does not start where round ${i} ended` })
    }
    r.moves.forEach((m, k) => {
      if (m.round !== r.number) issues.push({ path: `${at}.moves[${k}].round`, message: `this move is listed under round ${r.number}` })
      if (!teamIds.has(m.teamId)) issues.push({ path: `${at}.moves[${k}].teamId`, message: `no team "${m.teamId}"` })
      if (m.change.kind === 'measure' && !model.measureIndex.has(m.change.setting.id)) issues.push({ path: `${at}.moves[${k}].change.setting.id`, message: `unknown measure "${m.change.setting.id}"` })
    })
    r.predictions.forEach((p, k) => {
      if (!teamIds.has(p.teamId)) issues.push({ path: `${at}.predictions[${k}].teamId`, message: `no team "${p.teamId}"` })
    })
    previousAfter = after
    if (before) rounds.push({ ...r, before, after })
  })
  if (issues.length > 0) throw problems(where, issues)
  return { name: w.name, sourceName: w.sourceName ?? null, teams: w.teams, createdAt: w.createdAt, rounds }
}

function doc(raw: unknown, path: string, model: Model, issues: Issue[]): ScenarioDoc | null {
  const checked = checkScenarioDoc(raw, model)
  if ('doc' in checked) return checked.doc
  if ('newer' in checked) issues.push({ path: `${path}.schemaVersion`, message: `scenario format ${checked.newer} is newer than this Chokepoint reads` })
  else for (const i of checked.issues) issues.push({ path: `${path}.${i.path}`, message: i.message })
  return null
}

function problems(where: string, issues: Issue[]): WorkshopFileError {
  const shown = issues.slice(0, 50)
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : ''
  return new WorkshopFileError(
    `${where} cannot be imported: ${shown.map((i) => `${i.path}: ${i.message}`).join('; ')}${more}. Nothing was imported.`,
    shown
  )
}
