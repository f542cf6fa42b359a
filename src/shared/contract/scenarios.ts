import { z } from 'zod'
import { scenarioDocSchema } from '../../core'

const scenarioId = z.string().uuid()
const timestamp = z.string() // ISO-8601 with milliseconds, UTC
const scenarioName = z.string().trim().min(1, 'a scenario needs a name').max(200)
const tag = z.string().trim().min(1).max(40)
const measureId = z.string().min(1).max(64)

/** Largest scenario file accepted for import, in characters of JSON text (≈ bytes). */
export const MAX_SCENARIO_FILE_CHARS = 5_000_000
/** At most this many files per import, and scenarios per export. */
export const MAX_IMPORT_FILES = 20
export const MAX_EXPORT_SCENARIOS = 1000

export const scenarioSummarySchema = z.object({
  id: scenarioId,
  name: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  /** Latest version number; each save adds one. */
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Ids of the measures switched on in the latest version (what the measure filter matches). */
  measures: z.array(z.string()).default([])
})

export const scenarioRecordSchema = scenarioSummarySchema.extend({
  doc: scenarioDocSchema,
  /** What opening it changed: catalogue ids renamed or retired since it was saved (one sentence each). */
  catalogueNotes: z.array(z.string()).default([])
})
export const trashItemSchema = scenarioSummarySchema.extend({ deletedAt: timestamp })

export const versionSummarySchema = z.object({
  version: z.number().int(),
  label: z.string().nullable(),
  /** The scenario's name as it was in this version. */
  name: z.string(),
  createdAt: timestamp
})
export const versionRecordSchema = versionSummarySchema.extend({ doc: scenarioDocSchema })

/** The autosaved working draft (one slot): what the app reopens with after a crash. */
export const draftSchema = z.object({
  doc: scenarioDocSchema,
  /** The saved scenario the draft was opened from, or null for a never-saved one. */
  scenarioId: scenarioId.nullable(),
  /** Version of that scenario the draft started from. */
  baseVersion: z.number().int().nullable(),
  /** True when the draft differs from what was last saved or opened. */
  dirty: z.boolean(),
  savedAt: timestamp
})

/**
 * A window's or tab's own draft id (kept for the life of the tab, across reloads); clients that send none
 * share the draft "main".
 */
const draftId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'expected a draft id of 4–64 letters, digits, - or _')
/** A tab's write counter: a write older than the one stored for the same draft is ignored. */
const draftSeq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

/** One unsaved draft as recovery lists it. */
export const draftSummarySchema = z.object({ draftId: z.string(), name: z.string(), scenarioId: scenarioId.nullable(), baseVersion: z.number().int().nullable(), savedAt: timestamp })

export const exampleSummarySchema = z.object({ id: z.string(), name: z.string(), notes: z.string(), tags: z.array(z.string()) })

const importedFile = z.object({ name: z.string().max(300), contents: z.string().max(MAX_SCENARIO_FILE_CHARS * 2) }).strict()

/** Scenario library methods (saved scenarios, versions, trash, files, examples, the autosaved draft). */
export const scenarioContract = {
  /** All live scenarios whose name contains `query` (kept for simple callers; the library uses `scenario.search`). */
  'scenario.list': {
    input: z.object({ query: z.string().max(200).default('') }).strict(),
    output: z.object({ items: z.array(scenarioSummarySchema) })
  },
  /** One page of live scenarios filtered by text (name or notes), tag and switched-on measure. */
  'scenario.search': {
    input: z
      .object({
        query: z.string().max(200).default(''),
        tag: tag.optional(),
        measure: measureId.optional(),
        sort: z.enum(['updated', 'name']).default('updated'),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    output: z.object({ items: z.array(scenarioSummarySchema), total: z.number().int() })
  },
  /** Every tag in use on live scenarios, with how many carry it. */
  'scenario.tags': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) })
  },
  'scenario.get': {
    input: z.object({ id: scenarioId }).strict(),
    output: scenarioRecordSchema
  },
  /**
   * Creates (no id) or updates a scenario, recording a new version with an optional label. With
   * `baseVersion`, the save is refused as a conflict when someone saved a newer version meanwhile.
   */
  'scenario.save': {
    input: z
      .object({ id: scenarioId.optional(), doc: scenarioDocSchema, label: z.string().max(200).optional(), baseVersion: z.number().int().optional() })
      .strict(),
    output: scenarioSummarySchema
  },
  /** Renames and/or edits notes and tags of a saved scenario; recorded as a new version. */
  'scenario.update': {
    input: z
      .object({ id: scenarioId, name: scenarioName.optional(), notes: z.string().max(20_000).optional(), tags: z.array(tag).max(30).optional() })
      .strict(),
    output: scenarioSummarySchema
  },
  /** Copies a scenario (latest version) under a free name: "Name (2)". */
  'scenario.duplicate': {
    input: z.object({ id: scenarioId }).strict(),
    output: scenarioSummarySchema
  },
  /** Moves a scenario to the trash; `scenario.untrash` brings it back. */
  'scenario.delete': {
    input: z.object({ id: scenarioId }).strict(),
    output: z.object({ id: scenarioId, name: z.string() })
  },
  'scenario.trash': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(trashItemSchema) })
  },
  /** Restores a trashed scenario; if its name was taken meanwhile it comes back as "Name (2)". */
  'scenario.untrash': {
    input: z.object({ id: scenarioId }).strict(),
    output: scenarioSummarySchema
  },
  /** Deletes trashed scenarios for good, with their versions (all of the trash, or only `ids`). */
  'scenario.emptyTrash': {
    input: z.object({ ids: z.array(scenarioId).max(10_000).optional() }).strict(),
    output: z.object({ removed: z.number().int() })
  },
  /** Version history of a scenario, newest first. */
  'scenario.versions': {
    input: z.object({ id: scenarioId }).strict(),
    output: z.object({ items: z.array(versionSummarySchema) })
  },
  'scenario.version': {
    input: z.object({ id: scenarioId, version: z.number().int().min(1) }).strict(),
    output: versionRecordSchema
  },
  /** Makes an old version current again, as a new version (history is never rewritten). */
  'scenario.restoreVersion': {
    input: z.object({ id: scenarioId, version: z.number().int().min(1) }).strict(),
    output: scenarioSummarySchema
  },
  /**
   * A `.chokepoint.json` file holding the given scenarios (one document, or a bundle for several).
   * With `dialog: true` the desktop app asks where to save it and writes it (`savedTo`; null if cancelled).
   */
  'scenario.exportFile': {
    input: z.object({ ids: z.array(scenarioId).min(1).max(MAX_EXPORT_SCENARIOS), dialog: z.boolean().default(false) }).strict(),
    output: z.object({ fileName: z.string(), contents: z.string(), count: z.number().int(), savedTo: z.string().nullable().default(null) })
  },
  /**
   * Imports scenario files, all or nothing: every file is validated in full first. Names already in use
   * get a suffix ("Name (2)"); older documents are upgraded. `{dialog: true}` (desktop only) lets the
   * person pick the files in a native dialog.
   */
  'scenario.importFile': {
    input: z.union([
      z.object({ files: z.array(importedFile).min(1).max(MAX_IMPORT_FILES) }).strict(),
      z.object({ dialog: z.literal(true) }).strict()
    ]),
    output: z.object({
      imported: z.array(scenarioSummarySchema),
      renamed: z.array(z.object({ from: z.string(), to: z.string() })),
      upgraded: z.number().int(),
      cancelled: z.boolean().default(false),
      /** Catalogue ids renamed or retired on the way in, one sentence each (shown to the person). */
      notes: z.array(z.string()).default([])
    })
  },
  /** The example scenarios shipped with the app (resources/scenarios). */
  'scenario.examples': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(exampleSummarySchema) })
  },
  'scenario.example': {
    input: z.object({ id: z.string().max(200) }).strict(),
    output: z.object({ doc: scenarioDocSchema })
  },
  /** A tab's autosaved draft (default: the shared "main" one), or null when there is none. */
  'draft.load': {
    input: z.object({ draftId: draftId.optional() }).strict(),
    output: z.object({ draft: draftSchema.nullable() })
  },
  /** Every unsaved draft of every window or tab, newest first (what recovery offers). */
  'draft.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(draftSummarySchema) })
  },
  /** Autosaves a tab's draft; `dirty: false` drops it. Ignored when a newer write (`seq`) of it is stored. */
  'draft.save': {
    input: draftSchema.omit({ savedAt: true }).extend({ draftId: draftId.optional(), seq: draftSeq.optional() }).strict(),
    output: z.object({ savedAt: timestamp })
  },
  'draft.discard': {
    input: z.object({ draftId: draftId.optional(), seq: draftSeq.optional() }).strict(),
    output: z.object({})
  }
} as const

export type ScenarioSummary = z.output<typeof scenarioSummarySchema>
export type ScenarioRecord = z.output<typeof scenarioRecordSchema>
export type TrashItem = z.output<typeof trashItemSchema>
export type VersionSummary = z.output<typeof versionSummarySchema>
export type VersionRecord = z.output<typeof versionRecordSchema>
export type Draft = z.output<typeof draftSchema>
export type DraftSummary = z.output<typeof draftSummarySchema>
export type ExampleSummary = z.output<typeof exampleSummarySchema>
