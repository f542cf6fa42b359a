import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { classifyStorageError, openDatabase, StorageError } from './open'
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

  it('syncs every commit (synchronous=FULL) so an acknowledged save survives power loss', () => {
    const db = openDatabase(tempFile())
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })

  it('finds damage inside the file at start-up and leaves the file byte for byte as it was', () => {
    const file = tempFile()
    const db = openDatabase(file)
    db.transaction(() => {
      const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`)
      for (let i = 0; i < 500; i++) insert.run(`k${i}`, JSON.stringify('v'.repeat(200)))
    })()
    db.close()
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 8192, bytes.length - 4096) // header intact, b-tree pages garbage
    writeFileSync(file, bytes)
    const before = sha(file)
    expect(() => openDatabase(file)).toThrow(StorageError)
    try {
      openDatabase(file)
    } catch (e) {
      expect((e as StorageError).kind).toBe('corrupt')
      expect((e as Error).message).toMatch(/is damaged .*left untouched/)
    }
    expect(sha(file)).toBe(before)
  })

  it('refuses a newer database before writing anything to it, not even the WAL switch', () => {
    const file = tempFile()
    const raw = new BetterSqlite3(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    raw.close()
    const before = sha(file)
    expect(() => openDatabase(file)).toThrow(/newer version/)
    expect(sha(file)).toBe(before)
  })

  /** A library as a crash leaves it: the main file, a WAL holding recent commits and its -shm index, copied while open. */
  function crashState(write: (db: BetterSqlite3.Database) => void): string {
    const live = tempFile()
    const db = openDatabase(live)
    db.pragma('wal_autocheckpoint = 0')
    write(db)
    const file = tempFile()
    for (const side of ['', '-wal', '-shm']) copyFileSync(live + side, file + side)
    db.close()
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
    return file
  }
  const digests = (file: string) => ['', '-wal', '-shm'].map((side) => (existsSync(file + side) ? sha(file + side) : 'missing'))

  it('leaves a newer database with a WAL from a crash byte for byte as it was, -wal and -shm included', () => {
    const file = crashState((db) => {
      db.prepare(`INSERT INTO settings (key, value) VALUES ('recent', '1')`).run()
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`)
    })
    const before = digests(file)
    expect(() => openDatabase(file)).toThrow(/newer version/)
    expect(digests(file)).toEqual(before)
    expect(readdirSync(dirname(file))).toEqual(['test.sqlite', 'test.sqlite-shm', 'test.sqlite-wal']) // no check copy left behind
  })

  it('leaves a damaged database with a WAL from a crash byte for byte as it was, -wal and -shm included', () => {
    const file = crashState((db) => {
      const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`)
      db.transaction(() => {
        for (let i = 0; i < 500; i++) insert.run(`k${i}`, JSON.stringify('v'.repeat(200)))
      })()
      db.pragma('wal_checkpoint(TRUNCATE)')
      insert.run('recent', '"in the WAL only"')
    })
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 16384, bytes.length - 8192) // header and schema intact, b-tree pages garbage
    writeFileSync(file, bytes)
    const before = digests(file)
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect((error as StorageError).kind).toBe('corrupt')
    expect(digests(file)).toEqual(before)
  })

  it('still opens a healthy database left with a WAL by a crash, with the commits the WAL holds', () => {
    const file = crashState((db) => db.prepare(`INSERT INTO settings (key, value) VALUES ('recent', '"kept"')`).run())
    const db = openDatabase(file)
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'recent'`).pluck().get()).toBe('"kept"')
    db.close()
  })

  it('turns a full disk into a clear message, and the failed write leaves earlier data intact', () => {
    const file = tempFile()
    const db = openDatabase(file)
    db.prepare(`INSERT INTO settings (key, value) VALUES ('kept', '1')`).run()
    // Simulated full disk: the database may not grow past its current size.
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    let error: unknown
    try {
      db.transaction(() => {
        const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`)
        for (let i = 0; i < 200; i++) insert.run(`big${i}`, JSON.stringify('x'.repeat(4000)))
      })()
    } catch (e) {
      error = e
    }
    expect((error as { code?: string }).code).toBe('SQLITE_FULL')
    const classified = classifyStorageError(error, file)
    expect(classified.kind).toBe('full')
    expect(classified.message).toMatch(/disk holding .* is full.*not saved.*Free some space/)
    expect(db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['kept'])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('tells a full disk from a failing one when SQLite only says "disk I/O error" (as it does creating its WAL on a full disk)', () => {
    const ioerr = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })
    const whenFull = classifyStorageError(ioerr, 'f.sqlite', () => 0)
    expect(whenFull.kind).toBe('full')
    expect(whenFull.message).toMatch(/disk holding f\.sqlite is full.*Free some space.*would not help/)
    expect(classifyStorageError(ioerr, 'f.sqlite', () => 50e9).kind).toBe('other')
    expect(classifyStorageError(Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' }), 'f.sqlite', () => 50e9).kind).toBe('full')
  })

  it('names the cause and the fix for the other failures a person can act on', () => {
    const cases: [unknown, string, RegExp][] = [
      [Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), 'readonly', /Cannot write .*writable.*CHOKEPOINT_DATA_DIR/],
      [Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }), 'readonly', /Cannot write/],
      [Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), 'busy', /busy.*another program/],
      [Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }), 'corrupt', /damaged/],
      [new Error('something else'), 'other', /Storage error/]
    ]
    for (const [error, kind, message] of cases) {
      const c = classifyStorageError(error, 'f.sqlite')
      expect(c.kind).toBe(kind)
      expect(c.message).toMatch(message)
    }
  })
})

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
