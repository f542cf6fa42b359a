import { z } from 'zod'
import type { ScenarioDoc } from './schema'

/**
 * Scenario documents name catalogue measures and assumptions by id. When a dataset renames or retires an
 * id, documents saved against the older dataset are brought forward through a documented mapping
 * (`resources/data/id-migrations.json`, see docs/SCENARIO-FORMAT.md §Catalogue ids):
 *
 *   { "migrations": [{ "fromDataset": "2026.11.1", "toDataset": "2026.12.1",
 *                      "renamed": { "old-id": "new-id" }, "retired": { "gone-id": "why, in words" } }] }
 *
 * Pure: the caller passes the parsed mapping. The upgrade says what it changed, for the person to read.
 */

const id = z.string().min(1).max(64)
const migrationSchema = z
  .object({
    fromDataset: z.string().min(1).max(40),
    /** Dataset the step leads to; when absent, the next step's `fromDataset` (or simply "current"). */
    toDataset: z.string().min(1).max(40).optional(),
    renamed: z.record(id, id).default({}),
    retired: z.record(id, z.string().max(1000)).default({})
  })
  .strict()
  .refine((m) => Object.keys(m.renamed).every((k) => !(k in m.retired)), { message: 'an id cannot be both renamed and retired in one step' })

/** The file's shape; a single step without the `migrations` list is accepted as a list of one. */
export const idMigrationsSchema = z.union([
  z.object({ migrations: z.array(migrationSchema).max(200) }).strict(),
  migrationSchema.transform((m) => ({ migrations: [m] }))
])

export type IdMigration = z.output<typeof migrationSchema>
export type IdMigrations = { migrations: IdMigration[] }

/** Parses `id-migrations.json`; throws with the path of the problem (it ships with the app: a bad file is our bug). */
export function parseIdMigrations(raw: unknown): IdMigrations {
  const parsed = idMigrationsSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`id-migrations.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
  return parsed.data
}

/** What an upgrade did, for the person: one sentence per change. Empty when nothing changed. */
export type CatalogueUpgrade = { doc: ScenarioDoc; notes: string[] }

/**
 * Brings a document's measure and assumption ids forward from its `datasetVersion`, step by step through
 * `migrations`: renamed ids are renamed (measure settings, trigger references, assumption overrides), retired
 * ones removed with the reason. A document whose dataset no step starts from is returned unchanged.
 * When a rename meets the new id already in the document, the document's own setting for the new id wins.
 */
export function upgradeCatalogueIds(doc: ScenarioDoc, mapping: IdMigrations): CatalogueUpgrade {
  const notes: string[] = []
  let current = doc
  const seen = new Set<string>()
  for (;;) {
    const index = mapping.migrations.findIndex((m) => m.fromDataset === current.datasetVersion)
    if (index < 0 || seen.has(current.datasetVersion)) break
    seen.add(current.datasetVersion)
    const step = mapping.migrations[index]
    const to = step.toDataset ?? mapping.migrations[index + 1]?.fromDataset ?? current.datasetVersion
    current = { ...applyStep(current, step, notes), datasetVersion: to }
    if (to === step.fromDataset) break
  }
  return { doc: notes.length > 0 ? current : doc, notes }
}

function applyStep(doc: ScenarioDoc, step: IdMigration, notes: string[]): ScenarioDoc {
  const rename = (x: string) => step.renamed[x] ?? x
  const retired = (x: string) => Object.prototype.hasOwnProperty.call(step.retired, x)
  const has = (x: string) => Object.prototype.hasOwnProperty.call(step.renamed, x)
  const ownIds = new Set(doc.measures.map((m) => m.id))

  const measures = doc.measures.flatMap((m) => {
    if (retired(m.id)) {
      notes.push(`Measure “${m.id}” was retired in dataset ${step.toDataset ?? 'update'} and removed from this scenario: ${step.retired[m.id]}`)
      return []
    }
    if (!has(m.id)) return [m]
    const to = rename(m.id)
    if (ownIds.has(to)) {
      notes.push(`Measure “${m.id}” is now “${to}”, which this scenario already sets: its own setting for “${to}” was kept.`)
      return []
    }
    notes.push(`Measure “${m.id}” is now called “${to}”.`)
    return [{ ...m, id: to }]
  })

  const overrides: Record<string, number> = {}
  for (const [key, value] of Object.entries(doc.overrides)) {
    if (retired(key)) {
      notes.push(`Assumption “${key}” was retired; its override (${value}) was dropped: ${step.retired[key]}`)
      continue
    }
    const to = rename(key)
    if (to !== key) {
      if (Object.prototype.hasOwnProperty.call(doc.overrides, to)) {
        notes.push(`Assumption “${key}” is now “${to}”, which this scenario already overrides: its own value for “${to}” was kept.`)
        continue
      }
      notes.push(`Assumption “${key}” is now called “${to}”.`)
    }
    overrides[to] = value
  }

  const triggers = doc.triggers.flatMap((t) => {
    const ifMeasure = rename(t.ifMeasure)
    const thenMeasure = rename(t.thenMeasure)
    if (retired(t.ifMeasure) || retired(t.thenMeasure)) {
      notes.push(`Trigger “${t.id}” was removed: it named a retired measure.`)
      return []
    }
    if (ifMeasure === thenMeasure) {
      notes.push(`Trigger “${t.id}” was removed: after the renames it would make “${ifMeasure}” trigger itself.`)
      return []
    }
    return [{ ...t, ifMeasure, thenMeasure }]
  })
  return { ...doc, measures, overrides, triggers }
}
