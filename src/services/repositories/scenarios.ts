import type { Database, Statement } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { SCENARIO_SCHEMA_VERSION, type ScenarioDoc } from '../../core'
import type { ScenarioRecord, ScenarioSummary, TrashItem, VersionRecord, VersionSummary } from '../../shared/contract'
import { parseStoredDoc } from '../scenario-files'
import { RepoError } from './repo-error'
import { uniqueName } from './unique-name'

export { RepoError } from './repo-error'

type Row = {
  id: string
  name: string
  notes: string
  tags: string
  version: number
  created_at: string
  updated_at: string
  measures: string
}
type TrashRow = Row & { deleted_at: string }
type VersionRow = { version: number; label: string | null; name: string; created_at: string; doc?: string }

/** Summary columns; `measures` is gathered from the lookup table so listing never reads the documents. */
const SUMMARY = `s.id, s.name, s.notes, s.tags, s.version, s.created_at, s.updated_at,
  (SELECT json_group_array(measure_id) FROM scenario_measures m WHERE m.scenario_id = s.id) AS measures`

const toSummary = (r: Row): ScenarioSummary => ({
  id: r.id,
  name: r.name,
  notes: r.notes,
  tags: JSON.parse(r.tags) as string[],
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  measures: JSON.parse(r.measures) as string[]
})
const toVersion = (r: VersionRow): VersionSummary => ({ version: r.version, label: r.label, name: r.name, createdAt: r.created_at })

export type SearchInput = { query: string; tag?: string; measure?: string; sort: 'updated' | 'name'; limit: number; offset: number }

/** Escapes LIKE wildcards so a search for "100%" means the characters "100%". */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** Tags as stored: trimmed, blank ones dropped, duplicates (ignoring case) removed, first spelling kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}

/**
 * Scenarios, their version history and the trash. All SQL for them lives here. Every write is one
 * transaction: the scenario row, its lookup rows (tags, switched-on measures) and its new version land
 * together or not at all.
 */
export function createScenarioRepository(db: Database, now: () => Date) {
  /**
   * One statement per combination of filters, each reading a covering index of the live rows in the
   * order shown (migration 4): at 10,000 scenarios a search then never touches the ~3 KB rows themselves.
   */
  const searches = new Map<string, { list: Statement; count: Statement }>()
  const searchStatements = (sort: 'updated' | 'name', text: boolean, tag: boolean, measure: boolean) => {
    const key = `${sort}${+text}${+tag}${+measure}`
    let found = searches.get(key)
    if (!found) {
      const from = `scenarios s INDEXED BY ${sort === 'name' ? 'scenarios_live_by_name' : 'scenarios_live_by_updated'}`
      const where = [
        's.deleted_at IS NULL',
        text ? `(s.name LIKE @like ESCAPE '\\' OR s.notes LIKE @like ESCAPE '\\')` : '',
        tag ? 's.id IN (SELECT scenario_id FROM scenario_tags WHERE tag = @tag)' : '',
        measure ? 's.id IN (SELECT scenario_id FROM scenario_measures WHERE measure_id = @measure)' : ''
      ].filter(Boolean).join(' AND ')
      const order = sort === 'name' ? 's.name COLLATE NOCASE, s.id' : 's.updated_at DESC, s.id'
      found = {
        list: db.prepare(`SELECT ${SUMMARY} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
        count: db.prepare(`SELECT count(*) FROM ${from} WHERE ${where}`).pluck()
      }
      searches.set(key, found)
    }
    return found
  }
  const stmts = {
    // Lookups hold live scenarios only, so counting tags needs no join to the (wide) scenario rows.
    tags: db.prepare<[], { tag: string; count: number }>(`SELECT min(tag) AS tag, count(*) AS count FROM scenario_tags GROUP BY tag ORDER BY min(tag) COLLATE NOCASE`),
    summary: db.prepare<[string], Row>(`SELECT ${SUMMARY} FROM scenarios s WHERE s.id = ? AND s.deleted_at IS NULL`),
    doc: db.prepare<[string], { doc: string }>(`SELECT doc FROM scenarios WHERE id = ? AND deleted_at IS NULL`),
    state: db.prepare<[string], { name: string; deleted_at: string | null; version: number }>(`SELECT name, deleted_at, version FROM scenarios WHERE id = ?`),
    byName: db.prepare<[string], { id: string }>(`SELECT id FROM scenarios WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL`),
    insert: db.prepare(
      `INSERT INTO scenarios (id, name, notes, tags, doc, schema_version, version, created_at, updated_at)
       VALUES (@id, @name, @notes, @tags, @doc, @schemaVersion, 1, @now, @now)`
    ),
    update: db.prepare(
      `UPDATE scenarios SET name = @name, notes = @notes, tags = @tags, doc = @doc, schema_version = @schemaVersion,
       version = version + 1, updated_at = @now WHERE id = @id AND deleted_at IS NULL`
    ),
    addVersion: db.prepare(
      `INSERT INTO scenario_versions (scenario_id, version, label, doc, schema_version, created_at)
       SELECT id, version, @label, doc, schema_version, @now FROM scenarios WHERE id = @id`
    ),
    clearTags: db.prepare(`DELETE FROM scenario_tags WHERE scenario_id = ?`),
    addTag: db.prepare(`INSERT OR IGNORE INTO scenario_tags (scenario_id, tag) VALUES (?, ?)`),
    clearMeasures: db.prepare(`DELETE FROM scenario_measures WHERE scenario_id = ?`),
    addMeasure: db.prepare(`INSERT OR IGNORE INTO scenario_measures (scenario_id, measure_id) VALUES (?, ?)`),
    softDelete: db.prepare(`UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    undelete: db.prepare(`UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`),
    trashedDoc: db.prepare<[string], { doc: string }>(`SELECT doc FROM scenarios WHERE id = ? AND deleted_at IS NOT NULL`),
    undeleteAs: db.prepare(
      `UPDATE scenarios SET name = @name, notes = @notes, tags = @tags, doc = @doc, schema_version = @schemaVersion,
       version = version + 1, updated_at = @now, deleted_at = NULL WHERE id = @id AND deleted_at IS NOT NULL`
    ),
    trash: db.prepare<[number], TrashRow>(`SELECT ${SUMMARY}, s.deleted_at FROM scenarios s WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC LIMIT ?`),
    purgeAll: db.prepare(`DELETE FROM scenarios WHERE deleted_at IS NOT NULL`),
    purgeOne: db.prepare(`DELETE FROM scenarios WHERE id = ? AND deleted_at IS NOT NULL`),
    versions: db.prepare<[string], VersionRow>(
      `SELECT version, label, json_extract(doc, '$.name') AS name, created_at FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC`
    ),
    version: db.prepare<[string, number], VersionRow>(
      `SELECT version, label, json_extract(doc, '$.name') AS name, created_at, doc FROM scenario_versions WHERE scenario_id = ? AND version = ?`
    )
  }

  const nameTaken = (name: string, exceptId?: string) => {
    const clash = stmts.byName.get(name)
    return clash !== undefined && clash.id !== exceptId
  }
  const assertNameFree = (name: string, exceptId?: string) => {
    if (nameTaken(name, exceptId)) throw new RepoError('conflict', `A scenario named “${name}” already exists. Choose another name.`)
  }
  /** Why a scenario cannot be written, in words a person can act on. */
  const missing = (id: string): RepoError => {
    const state = stmts.state.get(id)
    if (state?.deleted_at) return new RepoError('not_found', `“${state.name}” is in the trash. Restore it from the trash first, or save a copy with Save as.`)
    return new RepoError('not_found', `No scenario with id ${id}. It may have been deleted for good.`)
  }
  const summary = (id: string): ScenarioSummary => {
    const row = stmts.summary.get(id)
    if (!row) throw missing(id)
    return toSummary(row)
  }
  const currentDoc = (id: string): ScenarioDoc => {
    const row = stmts.doc.get(id)
    if (!row) throw missing(id)
    return parseStoredDoc(row.doc)
  }

  const syncLookups = (id: string, doc: ScenarioDoc) => {
    stmts.clearTags.run(id)
    for (const tag of normaliseTags(doc.tags)) stmts.addTag.run(id, tag)
    stmts.clearMeasures.run(id)
    for (const m of doc.measures) if (m.enabled) stmts.addMeasure.run(id, m.id)
  }
  const columns = (doc: ScenarioDoc, at: string) => ({
    name: doc.name,
    notes: doc.notes,
    tags: JSON.stringify(normaliseTags(doc.tags)),
    doc: JSON.stringify(doc),
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    now: at
  })
  /** Inserts a new scenario with version 1 (inside the caller's transaction). */
  const insert = (doc: ScenarioDoc, label: string | null, at: string): string => {
    const id = randomUUID()
    stmts.insert.run({ ...columns(doc, at), id })
    syncLookups(id, doc)
    stmts.addVersion.run({ id, label, now: at })
    return id
  }
  /** Writes a new version of an existing live scenario (inside the caller's transaction). */
  const write = (id: string, doc: ScenarioDoc, label: string | null, at: string) => {
    if (stmts.update.run({ ...columns(doc, at), id }).changes === 0) throw missing(id)
    syncLookups(id, doc)
    stmts.addVersion.run({ id, label, now: at })
  }
  const stamp = () => now().toISOString()
  /**
   * Runs `fn` as one write transaction started with BEGIN IMMEDIATE: the write lock is taken first, so a
   * second process holding it makes this wait (busy_timeout) instead of failing, and everything `fn` reads,
   * the conflict check and the answer included, is the state it writes on top of. A deferred transaction
   * that reads first and writes later cannot wait: SQLite refuses it at once when another process wrote
   * meanwhile ("database is busy").
   */
  const writing = <T>(fn: () => T): T => {
    // busy_timeout is one wait of 5 s; under heavy contention SQLite's back-off can let the other process
    // take the lock again and again (seen as waits of 3–4 s in the two-process benchmark on a loaded machine):
    // try twice more before answering "busy". Nothing was written by an attempt that got no lock.
    for (let attempt = 1; ; attempt++) {
      try {
        return db.transaction(fn).immediate()
      } catch (e) {
        if (attempt >= 3 || !String((e as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')) throw e
      }
    }
  }

  /** One page of live scenarios matching the filters, and how many match in all. */
  function search(input: SearchInput): { items: ScenarioSummary[]; total: number } {
    const text = input.query.trim()
    const tag = input.tag?.trim() ?? ''
    const measure = input.measure ?? ''
    const { list, count } = searchStatements(input.sort, text !== '', tag !== '', measure !== '')
    // Only the parameters a statement uses are bound (better-sqlite3 refuses unknown names).
    const filters = { ...(text ? { like: likePattern(text) } : {}), ...(tag ? { tag } : {}), ...(measure ? { measure } : {}) }
    const items = (list.all({ ...filters, limit: input.limit, offset: input.offset }) as Row[]).map(toSummary)
    const total = input.offset === 0 && items.length < input.limit ? items.length : (count.get(filters) as number)
    return { items, total }
  }

  function version(id: string, number: number): VersionRecord {
    summary(id) // not_found for a missing or trashed scenario
    const row = stmts.version.get(id, number)
    if (!row?.doc) throw new RepoError('not_found', `Version ${number} of this scenario does not exist.`)
    return { ...toVersion(row), doc: parseStoredDoc(row.doc) }
  }

  return {
    search,
    version,

    /** Live scenarios whose name or notes contain `query`, most recently changed first (at most 500). */
    list(query = ''): ScenarioSummary[] {
      return search({ query, sort: 'updated', limit: 500, offset: 0 }).items
    },

    tags(): { tag: string; count: number }[] {
      return stmts.tags.all()
    },

    get(id: string): ScenarioRecord {
      // One read transaction: the document and its version number come from the same snapshot.
      return db.transaction(() => ({ ...summary(id), doc: currentDoc(id), catalogueNotes: [] as string[] }))()
    },

    /** Live scenarios in the order given; fails naming the first id that is missing. */
    getMany(ids: readonly string[]): ScenarioDoc[] {
      return ids.map((id) => currentDoc(id))
    },

    /**
     * Creates (no id) or updates a scenario; either way a new version is recorded. Name comes from the doc.
     * With `baseVersion`, refuses to overwrite a version saved meanwhile by someone else.
     */
    save(input: { id?: string; doc: ScenarioDoc; label?: string; baseVersion?: number }): ScenarioSummary {
      const { doc } = input
      const at = stamp()
      const label = input.label?.trim() || null
      // The answer is read inside the transaction: after it, another process may already have saved again.
      return writing(() => {
        assertNameFree(doc.name, input.id)
        if (!input.id) return summary(insert(doc, label, at))
        const state = stmts.state.get(input.id)
        if (!state || state.deleted_at) throw missing(input.id)
        if (input.baseVersion !== undefined && state.version !== input.baseVersion) {
          throw new RepoError(
            'conflict',
            `“${state.name}” was saved elsewhere since you opened it (now version ${state.version}, you started from ${input.baseVersion}). ` +
              'Use Save as to keep your changes as a new scenario, or reopen it.'
          )
        }
        write(input.id, doc, label, at)
        return summary(input.id)
      })
    },

    /** Renames and/or edits notes and tags; recorded as a new version only when something changed. */
    update(input: { id: string; name?: string; notes?: string; tags?: string[] }): ScenarioSummary {
      return writing(() => {
        const before = currentDoc(input.id)
        const doc: ScenarioDoc = {
          ...before,
          name: input.name?.trim() ?? before.name,
          notes: input.notes ?? before.notes,
          tags: input.tags ? normaliseTags(input.tags) : before.tags
        }
        if (JSON.stringify(doc) === JSON.stringify(before)) return summary(input.id)
        assertNameFree(doc.name, input.id)
        const what = [doc.name !== before.name ? `renamed from “${before.name}”` : '', doc.notes !== before.notes ? 'notes edited' : '',
          JSON.stringify(doc.tags) !== JSON.stringify(before.tags) ? 'tags edited' : ''].filter(Boolean).join(', ')
        write(input.id, doc, what.charAt(0).toUpperCase() + what.slice(1), stamp())
        return summary(input.id)
      })
    },

    /** Copies the latest version under a free name; the copy starts its own history. */
    duplicate(id: string): ScenarioSummary {
      return writing(() => {
        const doc = currentDoc(id)
        const name = uniqueName(doc.name, (n) => nameTaken(n))
        return summary(insert({ ...doc, name }, `Copy of “${doc.name}”`, stamp()))
      })
    },

    /** Moves a scenario to the trash (its versions are kept until the trash is emptied). */
    remove(id: string): { id: string; name: string } {
      return writing(() => {
        const state = stmts.state.get(id)
        if (!state || state.deleted_at || stmts.softDelete.run(stamp(), id).changes === 0) throw missing(id)
        stmts.clearTags.run(id)
        stmts.clearMeasures.run(id)
        return { id, name: state.name }
      })
    },

    /** The most recently trashed scenarios (at most `limit`; emptying the trash removes all of them). */
    trash(limit = 500): TrashItem[] {
      return stmts.trash.all(limit).map((r) => ({ ...toSummary(r), deletedAt: r.deleted_at }))
    },

    /** Brings a scenario back from the trash, renamed to "Name (2)" if its name was taken meanwhile. */
    untrash(id: string): ScenarioSummary {
      return writing(() => {
        const state = stmts.state.get(id)
        if (!state || !state.deleted_at) throw new RepoError('not_found', `No scenario with id ${id} in the trash.`)
        const name = uniqueName(state.name, (n) => nameTaken(n, id))
        const stored = parseStoredDoc((stmts.trashedDoc.get(id) as { doc: string }).doc)
        if (name === state.name) {
          stmts.undelete.run(id)
          syncLookups(id, stored)
          return summary(id)
        }
        // Renamed and restored in one statement: the live-name index never sees two "Name"s.
        const doc = { ...stored, name }
        const at = stamp()
        stmts.undeleteAs.run({ ...columns(doc, at), id })
        syncLookups(id, doc)
        stmts.addVersion.run({ id, label: `Restored from the trash as “${name}”`, now: at })
        return summary(id)
      })
    },

    /** Deletes trashed scenarios for good (all, or only `ids`); versions and lookups go with them. */
    emptyTrash(ids?: readonly string[]): number {
      return writing(() => {
        if (!ids) return stmts.purgeAll.run().changes
        let removed = 0
        for (const id of ids) removed += stmts.purgeOne.run(id).changes
        return removed
      })
    },

    versions(id: string): VersionSummary[] {
      summary(id)
      return stmts.versions.all(id).map(toVersion)
    },

    /**
     * Makes an old version current again by saving it as a new version. If its name now belongs to
     * another scenario, the current name is kept.
     */
    restoreVersion(id: string, number: number): ScenarioSummary {
      return writing(() => {
        const old = version(id, number).doc
        const current = currentDoc(id)
        const doc = nameTaken(old.name, id) ? { ...old, name: current.name } : old
        write(id, doc, `Restored version ${number}`, stamp())
        return summary(id)
      })
    },

    /**
     * Adds documents as new scenarios in one transaction (import): names already in use, or used
     * earlier in the same batch, get a suffix. Returns the new summaries and the renames made.
     */
    insertMany(docs: readonly ScenarioDoc[], label: string): { imported: ScenarioSummary[]; renamed: { from: string; to: string }[] } {
      return writing(() => {
        const renamed: { from: string; to: string }[] = []
        const ids: string[] = []
        const at = stamp()
        for (const doc of docs) {
          const name = uniqueName(doc.name, (n) => nameTaken(n))
          if (name !== doc.name) renamed.push({ from: doc.name, to: name })
          ids.push(insert({ ...doc, name }, label, at))
        }
        return { imported: ids.map(summary), renamed }
      })
    }
  }
}

export type ScenarioRepository = ReturnType<typeof createScenarioRepository>
