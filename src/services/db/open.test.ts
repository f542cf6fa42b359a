import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase, StorageError } from './open'
import { MIGRATIONS, type Migration } from './migrations'

const dirs: string[] = []
const tempFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-db-'))
  dirs.push(d)
  return join(d, 'test.sqlite')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('openDatabase', () => {
  it('creates the schema at the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(tempFile())
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['scenarios', 'scenario_versions', 'settings']))
    db.close()
  })

  it('refuses a database written by a newer version and leaves it unchanged', () => {
    const file = tempFile()
    const raw = new BetterSqlite3(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 3}`)
    raw.close()
    expect(() => openDatabase(file)).toThrow(/newer version of Chokepoint/)
    const again = new BetterSqlite3(file)
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 3)
    again.close()
  })

  it('runs pending migrations in one transaction: a failing one leaves the earlier version intact', () => {
    const file = tempFile()
    openDatabase(file).close()
    const broken: Migration[] = [
      ...MIGRATIONS,
      { name: 'good part', up: (db) => db.exec('CREATE TABLE extra (x INTEGER)') },
      { name: 'fails', up: () => { throw new Error('boom') } }
    ]
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/boom/)
    const db = new BetterSqlite3(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'extra'`).pluck().get()).toBe(0)
    db.close()
  })

  it('reports a file that is not a database as damaged, without touching it', () => {
    const file = tempFile()
    writeFileSync(file, 'this is not sqlite'.repeat(100))
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).kind).toBe('corrupt')
    expect((error as Error).message).toMatch(/damaged or is not a Chokepoint database/)
  })
})
