import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { openDatabase } from './db/open'
import { createDispatch, type Handlers } from './dispatch'
import { createDraftRepository } from './repositories/drafts'
import { createScenarioRepository } from './repositories/scenarios'
import { scenarioHandlers } from './handlers/scenarios'

/**
 * Storage failures in the middle of a session, through the same dispatch the hosts call. The full disk is
 * simulated with `PRAGMA max_page_count` (the database may not grow), which fails exactly like ENOSPC:
 * SQLITE_FULL, transaction rolled back.
 */
const dirs: string[] = []
const dbs: Database[] = []
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

function libraryDispatch() {
  const dir = mkdtempSync(join(tmpdir(), 'cp-full-'))
  dirs.push(dir)
  const db = openDatabase(join(dir, 'chokepoint.sqlite'))
  dbs.push(db)
  const clock = () => new Date()
  const handlers = scenarioHandlers({
    scenarios: createScenarioRepository(db, clock),
    drafts: createDraftRepository(db, clock, () => {}),
    model,
    migrations: { migrations: [] },
    clock,
    examples: () => []
  })
  const logged: string[] = []
  // Only the library methods are called here; the rest of the map is not needed.
  const dispatch = createDispatch(handlers as unknown as Handlers, (_level, message) => void logged.push(message))
  return { db, dispatch, logged }
}

describe('a full disk during a session', () => {
  it('refuses the save with a clear storage error, keeps what was saved, and saves again once there is room', async () => {
    const { db, dispatch, logged } = libraryDispatch()
    const first = await dispatch('scenario.save', { doc: defaultScenario(model, 'Saved before the disk filled') })
    expect(first.ok).toBe(true)
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)

    const big = { ...defaultScenario(model, 'Too big for the disk'), notes: 'n'.repeat(19_000) }
    const refused = await dispatch('scenario.save', { doc: big })
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } })
    if (refused.ok) return
    expect(refused.error.message).toMatch(/disk .* is full, so the change was not saved\. Free some space/)
    expect(JSON.stringify(refused)).not.toMatch(/\n\s+at /)
    expect(logged.some((m) => /full/.test(m))).toBe(true)

    const list = await dispatch('scenario.list', {})
    expect(list.ok && (list.value as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['Saved before the disk filled'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT count(*) FROM scenario_versions').pluck().get()).toBe(1)

    db.pragma('max_page_count = 1073741823')
    expect(await dispatch('scenario.save', { doc: big })).toMatchObject({ ok: true })
  })
})
