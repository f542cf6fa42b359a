import { upgradeCatalogueIds, type IdMigrations, type Model, type ScenarioDoc } from '../../core'
import { MAX_SCENARIO_FILE_CHARS } from '../../shared/contract'
import type { Handlers } from '../dispatch'
import type { DraftRepository } from '../repositories/drafts'
import { RepoError, type ScenarioRepository } from '../repositories/scenarios'
import { catalogueError, checkAgainstCatalogue, parseScenarioFile, ScenarioFileError, serializeScenarios } from '../scenario-files'
import type { Example } from '../scenario-files-io'
import type { SaveFile } from './export'

/** Desktop app: lets the person pick scenario files in a native dialog; null when cancelled. */
export type OpenScenarioFiles = () => Promise<{ name: string; contents: string }[] | null>

type ScenarioMethods =
  | 'scenario.list' | 'scenario.search' | 'scenario.tags' | 'scenario.get' | 'scenario.save' | 'scenario.update'
  | 'scenario.duplicate' | 'scenario.delete' | 'scenario.trash' | 'scenario.untrash' | 'scenario.emptyTrash'
  | 'scenario.versions' | 'scenario.version' | 'scenario.restoreVersion' | 'scenario.exportFile' | 'scenario.importFile'
  | 'scenario.examples' | 'scenario.example' | 'draft.load' | 'draft.list' | 'draft.save' | 'draft.discard'

export type ScenarioDeps = {
  scenarios: ScenarioRepository
  drafts: DraftRepository
  model: Model
  /** Renamed and retired catalogue ids (resources/data/id-migrations.json). */
  migrations: IdMigrations
  /** The bundled examples, read lazily (first use) and kept. */
  examples: () => readonly Example[]
  clock: () => Date
  /** Desktop app: the save dialog + atomic write shared with the other exports. */
  saveFile?: SaveFile
  openFiles?: OpenScenarioFiles
}

/** A file problem, as the error the caller sees (the message names what is wrong and where). */
const asRepoError = (e: unknown): unknown =>
  e instanceof ScenarioFileError ? new RepoError(e.kind === 'too_large' ? 'too_large' : 'invalid_input', e.message) : e

/** Scenario library handlers: thin; the repositories do the work in transactions, scenario-files the checking. */
export function scenarioHandlers({ scenarios, drafts, model, migrations, examples, clock, saveFile, openFiles }: ScenarioDeps) {
  /** Save and autosave check ids against the catalogue as import does (older ids brought forward first). */
  const checked = (doc: ScenarioDoc, what: string): ScenarioDoc => {
    const result = checkAgainstCatalogue(doc, model, migrations)
    if ('issues' in result) throw new RepoError('invalid_input', catalogueError(what, result.issues).message)
    return result.doc
  }
  return {
    'scenario.list': ({ query }) => ({ items: scenarios.list(query) }),
    'scenario.search': (input) => scenarios.search(input),
    'scenario.tags': () => ({ items: scenarios.tags() }),
    'scenario.get': ({ id }) => {
      const record = scenarios.get(id)
      const upgraded = upgradeCatalogueIds(record.doc, migrations)
      return { ...record, doc: upgraded.doc, catalogueNotes: upgraded.notes }
    },
    'scenario.save': (input) => scenarios.save({ ...input, doc: checked(input.doc, `“${input.doc.name}”`) }),
    'scenario.update': (input) => scenarios.update(input),
    'scenario.duplicate': ({ id }) => scenarios.duplicate(id),
    'scenario.delete': ({ id }) => scenarios.remove(id),
    'scenario.trash': () => ({ items: scenarios.trash() }),
    'scenario.untrash': ({ id }) => scenarios.untrash(id),
    'scenario.emptyTrash': ({ ids }) => ({ removed: scenarios.emptyTrash(ids) }),
    'scenario.versions': ({ id }) => ({ items: scenarios.versions(id) }),
    'scenario.version': ({ id, version }) => scenarios.version(id, version),
    'scenario.restoreVersion': ({ id, version }) => scenarios.restoreVersion(id, version),
    'scenario.exportFile': async ({ ids, dialog }) => {
      const file = serializeScenarios(scenarios.getMany(ids), clock().toISOString())
      // Desktop: the native save dialog; null when the person cancels. Web: the renderer downloads `contents`.
      const savedTo = dialog && saveFile ? await saveFile({ fileName: file.fileName, mimeType: 'application/json', bytes: new TextEncoder().encode(file.contents) }) : null
      return { ...file, count: ids.length, savedTo }
    },
    'scenario.importFile': async (input) => {
      try {
        let files = 'files' in input ? input.files : null
        if (!files) {
          if (!openFiles) throw new RepoError('invalid_input', 'Choosing files in a dialog is only available in the desktop app; send the file contents instead.')
          files = await openFiles()
          if (files === null) return { imported: [], renamed: [], upgraded: 0, cancelled: true, notes: [] }
        }
        // Every file is checked in full before anything is written: one bad file imports nothing.
        const parsed = files.map((f) => ({ name: f.name, ...parseScenarioFile(f.name, f.contents, model, MAX_SCENARIO_FILE_CHARS, migrations) }))
        const docs = parsed.flatMap((p) => p.docs)
        const label = parsed.length === 1 ? `Imported from “${parsed[0].name}”` : `Imported from ${parsed.length} files`
        return { ...scenarios.insertMany(docs, label), upgraded: parsed.reduce((n, p) => n + p.upgraded, 0), cancelled: false, notes: parsed.flatMap((p) => p.notes) }
      } catch (e) {
        throw asRepoError(e)
      }
    },
    'scenario.examples': () => ({
      items: examples().map(({ id, doc }) => ({ id, name: doc.name, notes: doc.notes, tags: doc.tags }))
    }),
    'scenario.example': ({ id }) => {
      const found = examples().find((e) => e.id === id)
      if (!found) throw new RepoError('not_found', `No example scenario “${id}”.`)
      return { doc: found.doc }
    },
    'draft.load': ({ draftId }) => ({ draft: drafts.load(draftId) }),
    'draft.list': () => ({ items: drafts.list() }),
    // A dropped draft (dirty: false) is not checked: there is nothing of it to keep.
    'draft.save': (input) => drafts.save(input.dirty ? { ...input, doc: checked(input.doc, 'The autosaved draft') } : input),
    'draft.discard': ({ draftId, seq }) => {
      drafts.discard(draftId, seq)
      return {}
    }
  } satisfies Pick<Handlers, ScenarioMethods>
}
