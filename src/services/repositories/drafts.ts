import type { Database } from 'better-sqlite3'
import type { ScenarioDoc } from '../../core'
import type { Draft } from '../../shared/contract'
import { parseStoredDoc } from '../scenario-files'

type Row = { doc: string; scenario_id: string | null; base_version: number | null; dirty: number; saved_at: string }

/** The one draft slot the workspace autosaves into (one working scenario per data folder). */
const SLOT = 'main'

/**
 * The autosaved working draft. Each save replaces the slot in one statement, so after a crash or kill
 * the slot holds the last complete draft (SQLite's WAL keeps committed writes across a process kill).
 */
export function createDraftRepository(db: Database, now: () => Date, onUnreadable: (error: unknown) => void = () => {}) {
  const stmts = {
    get: db.prepare<[string], Row>(`SELECT doc, scenario_id, base_version, dirty, saved_at FROM drafts WHERE slot = ?`),
    put: db.prepare(
      `INSERT INTO drafts (slot, doc, scenario_id, base_version, dirty, saved_at) VALUES (@slot, @doc, @scenarioId, @baseVersion, @dirty, @savedAt)
       ON CONFLICT (slot) DO UPDATE SET doc = excluded.doc, scenario_id = excluded.scenario_id, base_version = excluded.base_version,
       dirty = excluded.dirty, saved_at = excluded.saved_at`
    ),
    remove: db.prepare<[string]>(`DELETE FROM drafts WHERE slot = ?`)
  }
  return {
    /** The draft, or null when there is none or it can no longer be read (then it is reported, not thrown). */
    load(): Draft | null {
      const row = stmts.get.get(SLOT)
      if (!row) return null
      try {
        return { doc: parseStoredDoc(row.doc), scenarioId: row.scenario_id, baseVersion: row.base_version, dirty: row.dirty === 1, savedAt: row.saved_at }
      } catch (e) {
        onUnreadable(e)
        return null
      }
    },
    save(draft: { doc: ScenarioDoc; scenarioId: string | null; baseVersion: number | null; dirty: boolean }): { savedAt: string } {
      const savedAt = now().toISOString()
      stmts.put.run({ slot: SLOT, doc: JSON.stringify(draft.doc), scenarioId: draft.scenarioId, baseVersion: draft.baseVersion, dirty: draft.dirty ? 1 : 0, savedAt })
      return { savedAt }
    },
    discard(): void {
      stmts.remove.run(SLOT)
    }
  }
}

export type DraftRepository = ReturnType<typeof createDraftRepository>
