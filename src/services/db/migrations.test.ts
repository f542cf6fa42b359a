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
