import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

describe('migration 1: scenarios and their version history', () => {
  it('creates tables whose constraints hold: unique live names, versions cascade with their scenario', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma('foreign_keys = ON')
    MIGRATIONS[0].up(db)
    const insert = db.prepare(`INSERT INTO scenarios (id, name, doc, schema_version, version, created_at, updated_at, deleted_at) VALUES (?, ?, '{}', 1, 1, 'now', 'now', ?)`)
    insert.run('a', 'Alpha', null)
    expect(() => insert.run('b', 'ALPHA', null)).toThrow(/UNIQUE/)
    insert.run('c', 'alpha', 'deleted-at') // a trashed scenario may share a live name
    db.prepare(`INSERT INTO scenario_versions (scenario_id, version, doc, schema_version, created_at) VALUES ('a', 1, '{}', 1, 'now')`).run()
    db.prepare(`DELETE FROM scenarios WHERE id = 'a'`).run()
    expect(db.prepare('SELECT count(*) FROM scenario_versions').pluck().get()).toBe(0)
    expect(() => db.prepare(`INSERT INTO scenarios (id, name, doc, schema_version, version, created_at, updated_at) VALUES ('d', 'D', '{}', 'x', 1, 'n', 'n')`).run()).toThrow()
    db.close()
  })
})

describe('migration 2: library search lookup tables', () => {
  it('fills tag and measure tables from existing scenarios, skipping blank tags and malformed documents', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma('foreign_keys = ON')
    MIGRATIONS[0].up(db)
    const insert = db.prepare(`INSERT INTO scenarios (id, name, tags, doc, schema_version, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, 'now', 'now')`)
    const doc = (measures: { id: string; enabled: boolean }[]) => JSON.stringify({ measures })
    insert.run('a', 'Alpha', '["Workshop", " allies "]', doc([{ id: 'cn-licensing', enabled: true }, { id: 'us-tariff', enabled: false }]))
    insert.run('b', 'Beta', '[]', doc([{ id: 'us-tariff', enabled: true }]))
    insert.run('c', 'Broken', '[]', '{not json')
    MIGRATIONS[1].up(db)
    expect(db.prepare('SELECT scenario_id, tag FROM scenario_tags ORDER BY scenario_id, tag').all()).toEqual([
      { scenario_id: 'a', tag: 'allies' },
      { scenario_id: 'a', tag: 'Workshop' }
    ])
    expect(db.prepare('SELECT scenario_id, measure_id FROM scenario_measures ORDER BY scenario_id').all()).toEqual([
      { scenario_id: 'a', measure_id: 'cn-licensing' },
      { scenario_id: 'b', measure_id: 'us-tariff' }
    ])
    // Tags match case-insensitively through the index; rows follow their scenario when it is deleted.
    expect(db.prepare(`SELECT scenario_id FROM scenario_tags WHERE tag = 'workshop'`).pluck().all()).toEqual(['a'])
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT scenario_id FROM scenario_measures WHERE measure_id = 'us-tariff'`).all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX scenario_measures_measure/)
    db.prepare(`DELETE FROM scenarios WHERE id = 'a'`).run()
    expect(db.prepare('SELECT count(*) FROM scenario_tags').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM scenario_measures').pluck().get()).toBe(1)
    db.close()
  })
})

describe('migration 3: autosaved draft slot', () => {
  it('creates a one-row-per-slot drafts table that refuses a non-boolean dirty flag', () => {
    const db = new BetterSqlite3(':memory:')
    MIGRATIONS[0].up(db)
    MIGRATIONS[1].up(db)
    MIGRATIONS[2].up(db)
    const put = db.prepare(`INSERT INTO drafts (slot, doc, scenario_id, base_version, dirty, saved_at) VALUES ('main', '{}', NULL, NULL, ?, 'now')
      ON CONFLICT (slot) DO UPDATE SET dirty = excluded.dirty`)
    put.run(1)
    put.run(0)
    expect(db.prepare('SELECT slot, dirty FROM drafts').all()).toEqual([{ slot: 'main', dirty: 0 }])
    expect(() => put.run(2)).toThrow(/CHECK/)
    db.close()
  })
})

describe('migration 4: covering indexes for the live list', () => {
  it('searches the live list from an index alone and drops lookups of trashed scenarios', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma('foreign_keys = ON')
    MIGRATIONS.slice(0, 3).forEach((m) => m.up(db))
    const insert = db.prepare(`INSERT INTO scenarios (id, name, tags, doc, schema_version, version, created_at, updated_at, deleted_at) VALUES (?, ?, '["t"]', '{"measures":[{"id":"m","enabled":true}]}', 1, 1, 'now', ?, ?)`)
    insert.run('live', 'Live', '2026-01-02', null)
    insert.run('gone', 'Gone', '2026-01-01', 'trashed')
    db.exec(`INSERT INTO scenario_tags VALUES ('live', 't'), ('gone', 't'); INSERT INTO scenario_measures VALUES ('live', 'm'), ('gone', 'm');`)
    MIGRATIONS[3].up(db)
    expect(db.prepare('SELECT scenario_id FROM scenario_tags').pluck().all()).toEqual(['live'])
    expect(db.prepare('SELECT scenario_id FROM scenario_measures').pluck().all()).toEqual(['live'])
    for (const [index, order] of [['scenarios_live_by_updated', 'updated_at DESC, id'], ['scenarios_live_by_name', 'name COLLATE NOCASE, id']]) {
      const sql = `SELECT count(*) FROM scenarios s INDEXED BY ${index} WHERE s.deleted_at IS NULL AND (s.name LIKE '%i%' OR s.notes LIKE '%i%')`
      expect(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => (r as { detail: string }).detail).join(' ')).toMatch(new RegExp(`COVERING INDEX ${index}`))
      expect(db.prepare(sql).pluck().get()).toBe(1)
      expect(db.prepare(`SELECT id FROM scenarios s INDEXED BY ${index} WHERE s.deleted_at IS NULL ORDER BY ${order}`).pluck().all()).toEqual(['live'])
    }
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'scenarios_live_updated'`).pluck().get()).toBe(0)
    db.close()
  })
})
