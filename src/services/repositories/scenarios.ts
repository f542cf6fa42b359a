import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { SCENARIO_SCHEMA_VERSION, scenarioDocSchema, type ScenarioDoc } from '../../core'
import type { ScenarioRecord, ScenarioSummary } from '../../shared/contract'

/** Thrown for conditions the caller reports as `not_found` / `conflict`. */
export class RepoError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict',
    message: string
  ) {
    super(message)
  }
}

type Row = {
  id: string
  name: string
  notes: string
  tags: string
  doc: string
  version: number
  created_at: string
  updated_at: string
}

const toSummary = (r: Row): ScenarioSummary => ({
  id: r.id,
  name: r.name,
  notes: r.notes,
  tags: JSON.parse(r.tags) as string[],
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

/**
 * Scenarios and their version history. All SQL for them lives here. Every write is one transaction:
 * the scenario row and its new version land together or not at all.
 */
export function createScenarioRepository(db: Database, now: () => Date) {
  const stmts = {
    list: db.prepare<[string, string], Row>(
      `SELECT id, name, notes, tags, doc, version, created_at, updated_at FROM scenarios
       WHERE deleted_at IS NULL AND (? = '' OR name LIKE ? ESCAPE '\\')
       ORDER BY updated_at DESC, name COLLATE NOCASE`
    ),
    get: db.prepare<[string], Row>(
      `SELECT id, name, notes, tags, doc, version, created_at, updated_at FROM scenarios WHERE id = ? AND deleted_at IS NULL`
    ),
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
    softDelete: db.prepare(`UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`)
  }

  const assertNameFree = (name: string, exceptId?: string) => {
    const clash = stmts.byName.get(name)
    if (clash && clash.id !== exceptId) throw new RepoError('conflict', `A scenario named "${name}" already exists. Choose another name.`)
  }

  return {
    /** Live scenarios, most recently changed first; `query` filters by name (case-insensitive substring). */
    list(query = ''): ScenarioSummary[] {
      const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      return stmts.list.all(query, like).map(toSummary)
    },

    get(id: string): ScenarioRecord {
      const row = stmts.get.get(id)
      if (!row) throw new RepoError('not_found', `No scenario with id ${id}.`)
      // The JSON column crosses a boundary too: parse it rather than trust it.
      const doc = scenarioDocSchema.parse(JSON.parse(row.doc)) as ScenarioDoc
      return { ...toSummary(row), doc }
    },

    /** Creates (no id) or updates a scenario; either way a new version is recorded. Name comes from the doc. */
    save(input: { id?: string; doc: ScenarioDoc; label?: string }): ScenarioSummary {
      const { doc } = input
      const at = now().toISOString()
      const values = {
        name: doc.name,
        notes: doc.notes,
        tags: JSON.stringify(doc.tags),
        doc: JSON.stringify(doc),
        schemaVersion: SCENARIO_SCHEMA_VERSION,
        now: at
      }
      const id = input.id ?? randomUUID()
      db.transaction(() => {
        assertNameFree(doc.name, input.id)
        if (input.id) {
          const changed = stmts.update.run({ ...values, id })
          if (changed.changes === 0) throw new RepoError('not_found', `No scenario with id ${id}.`)
        } else {
          stmts.insert.run({ ...values, id })
        }
        stmts.addVersion.run({ id, label: input.label ?? null, now: at })
      })()
      return toSummary(stmts.get.get(id) as Row)
    },

    /** Moves a scenario to the trash (its versions are kept until the trash is emptied). */
    remove(id: string): void {
      const changed = stmts.softDelete.run(now().toISOString(), id)
      if (changed.changes === 0) throw new RepoError('not_found', `No scenario with id ${id}.`)
    }
  }
}

export type ScenarioRepository = ReturnType<typeof createScenarioRepository>
