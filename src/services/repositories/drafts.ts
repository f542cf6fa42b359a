import type { Database } from 'better-sqlite3'
import type { ScenarioDoc } from '../../core'
import type { Draft, DraftSummary } from '../../shared/contract'
import { parseStoredDoc } from '../scenario-files'

type Row = { slot: string; doc: string; scenario_id: string | null; base_version: number | null; dirty: number; saved_at: string }

/** The draft id of clients that name none (API callers from before drafts belonged to tabs). */
export const DEFAULT_DRAFT_ID = 'main'

/**
 * Autosaved working drafts, one per window or tab (its draft id). Each save replaces that draft in one
 * statement, so after a crash or kill each holds its last complete state (SQLite's WAL keeps committed
 * writes across a process kill). Writes carry the tab's sequence number: one older than the stored one is
 * ignored, so a slow autosave can never bring back a state the tab has since moved past (an undone edit).
 */
export function createDraftRepository(db: Database, now: () => Date, onUnreadable: (error: unknown) => void = () => {}) {
  const stmts = {
    get: db.prepare<[string], Row>(`SELECT slot, doc, scenario_id, base_version, dirty, saved_at FROM drafts WHERE slot = ? AND dirty = 1`),
    list: db.prepare<[], Row>(`SELECT slot, doc, scenario_id, base_version, dirty, saved_at FROM drafts WHERE dirty = 1 ORDER BY saved_at DESC LIMIT 100`),
    put: db.prepare(
      `INSERT INTO drafts (slot, doc, scenario_id, base_version, dirty, saved_at, seq) VALUES (@slot, @doc, @scenarioId, @baseVersion, @dirty, @savedAt, @seq)
       ON CONFLICT (slot) DO UPDATE SET doc = excluded.doc, scenario_id = excluded.scenario_id, base_version = excluded.base_version,
       dirty = excluded.dirty, saved_at = excluded.saved_at, seq = excluded.seq WHERE excluded.seq >= drafts.seq`
    ),
    // The tombstone keeps the sequence number, so an older save still in flight cannot revive the draft.
    discard: db.prepare(
      `INSERT INTO drafts (slot, doc, scenario_id, base_version, dirty, saved_at, seq) VALUES (@slot, '{}', NULL, NULL, 0, @savedAt, @seq)
       ON CONFLICT (slot) DO UPDATE SET doc = '{}', scenario_id = NULL, base_version = NULL, dirty = 0, saved_at = excluded.saved_at, seq = excluded.seq
       WHERE excluded.seq >= drafts.seq`
    ),
    seq: db.prepare<[string], number>(`SELECT seq FROM drafts WHERE slot = ?`).pluck(),
    // Old tombstones serve no purpose once every write that could race them is long done.
    prune: db.prepare<[string]>(`DELETE FROM drafts WHERE dirty = 0 AND saved_at < ?`)
  }
  const parse = (row: Row): Draft | null => {
    try {
      return { doc: parseStoredDoc(row.doc), scenarioId: row.scenario_id, baseVersion: row.base_version, dirty: true, savedAt: row.saved_at }
    } catch (e) {
      onUnreadable(e)
      return null
    }
  }
  return {
    /** The draft, or null when there is none or it can no longer be read (then it is reported, not thrown). */
    load(draftId: string = DEFAULT_DRAFT_ID): Draft | null {
      const row = stmts.get.get(draftId)
      return row ? parse(row) : null
    },
    /** Every unsaved draft (of any tab), newest first: what recovery offers. */
    list(): DraftSummary[] {
      return stmts.list.all().flatMap((row) => {
        const draft = parse(row)
        return draft ? [{ draftId: row.slot, name: draft.doc.name, scenarioId: draft.scenarioId, baseVersion: draft.baseVersion, savedAt: draft.savedAt }] : []
      })
    },
    /** Writes the tab's draft unless a newer write (higher `seq`) of the same draft is already stored. */
    save(draft: { draftId?: string; seq?: number; doc: ScenarioDoc; scenarioId: string | null; baseVersion: number | null; dirty: boolean }): { savedAt: string } {
      const savedAt = now().toISOString()
      const row = { slot: draft.draftId ?? DEFAULT_DRAFT_ID, seq: draft.seq ?? 0, savedAt }
      if (!draft.dirty) stmts.discard.run(row)
      else stmts.put.run({ ...row, doc: JSON.stringify(draft.doc), scenarioId: draft.scenarioId, baseVersion: draft.baseVersion, dirty: 1 })
      return { savedAt }
    },
    /**
     * Drops a draft. With the tab's `seq`, as of that write; without (recovery discarding another tab's
     * draft), as of the draft as stored now: a tab still alive and editing goes on autosaving past it.
     */
    discard(draftId: string = DEFAULT_DRAFT_ID, seq?: number): void {
      const savedAt = now()
      stmts.discard.run({ slot: draftId, seq: seq ?? stmts.seq.get(draftId) ?? 0, savedAt: savedAt.toISOString() })
      stmts.prune.run(new Date(savedAt.getTime() - 24 * 60 * 60 * 1000).toISOString())
    }
  }
}

export type DraftRepository = ReturnType<typeof createDraftRepository>
