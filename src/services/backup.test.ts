import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { listBackups, openWithBackups, pruneBackups, takeBackup, verifyBackup, BACKUP_DIR } from './backup'
import { latestUsableBackup, recoveryAdvice, restoreLatestBackup, setAside, startFresh } from './backup-recovery'
import { openDatabase, StorageError } from './db/open'
import { MIGRATIONS } from './db/migrations'

const dirs: string[] = []
const tempDb = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-bak-'))
  dirs.push(d)
  return join(d, 'chokepoint.sqlite')
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const insertScenario = (db: BetterSqlite3.Database, name: string) =>
  db
    .prepare(`INSERT INTO scenarios (id, name, doc, schema_version, version, created_at, updated_at) VALUES (?, ?, '{}', 1, 1, 'now', 'now')`)
    .run(`id-${name}`, name)
const names = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true })
  const out = db.prepare('SELECT name FROM scenarios ORDER BY name').pluck().all()
  db.close()
  return out
}
/** Overwrites the middle of the file (past the header page) with garbage, as a failing disk would. */
function damagePages(file: string) {
  const bytes = readFileSync(file)
  bytes.fill(0x5a, 4096, bytes.length - 1024)
  writeFileSync(file, bytes)
}
const at = (iso: string) => new Date(iso)

describe('rotating backups', () => {
  it('takes a verified copy that holds the data, named by time, and keeps only the newest N', async () => {
    const file = tempDb()
    const db = openDatabase(file)
    insertScenario(db, 'Alpha')
    for (let day = 1; day <= 7; day++) await takeBackup(db, file, at(`2026-11-0${day}T09:30:00.000Z`), { keep: 5 })
    const backups = listBackups(file)
    expect(backups.map((b) => b.createdAt.toISOString().slice(0, 10))).toEqual(['2026-11-07', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03'])
    expect(backups[0].file).toBe(join(file, '..', BACKUP_DIR, 'chokepoint-2026-11-07T09-30-00-000Z.sqlite'))
    expect(names(backups[0].file)).toEqual(['Alpha'])
    expect(readdirSync(join(file, '..', BACKUP_DIR)).filter((f) => f.endsWith('.partial'))).toEqual([])
    db.close()
  })

  it('never lets a copy of a damaged database count as a backup or push a good one out', async () => {
    const file = tempDb()
    const db = openDatabase(file)
    db.transaction(() => {
      for (let i = 0; i < 400; i++) insertScenario(db, `S${i} ${'x'.repeat(300)}`)
    })()
    await takeBackup(db, file, at('2026-11-01T00:00:00.000Z'))
    db.close()
    damagePages(file)
    const raw = new BetterSqlite3(file) // opened without the start-up check, as a long-running session would be
    await expect(takeBackup(raw, file, at('2026-11-02T00:00:00.000Z'))).rejects.toThrow(/integrity check/)
    raw.close()
    expect(listBackups(file).map((b) => b.createdAt.toISOString())).toEqual(['2026-11-01T00:00:00.000Z'])
    expect(readdirSync(join(file, '..', BACKUP_DIR))).toEqual(['chokepoint-2026-11-01T00-00-00-000Z.sqlite'])
  })

  it('prunes only its own files', () => {
    const file = tempDb()
    const dir = join(file, '..', BACKUP_DIR)
    mkdirSync(dir)
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `chokepoint-2026-11-0${i}T00-00-00-000Z.sqlite`), 'x')
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    pruneBackups(file, 1)
    expect(readdirSync(dir).sort()).toEqual(['chokepoint-2026-11-03T00-00-00-000Z.sqlite', 'notes.txt'])
  })

  it('backs up before migrating and then whenever the newest backup is a day old', async () => {
    const file = tempDb()
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) })
    insertScenario(old, 'Before upgrade')
    old.close()
    let now = at('2026-11-10T08:00:00.000Z')
    const storage = openWithBackups(file, { clock: () => now, intervalMs: 24 * 3600_000 })
    // The pre-migration copy is at the old schema and holds the data.
    const [pre] = listBackups(file)
    const copy = new BetterSqlite3(pre.file, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    copy.close()
    expect(names(pre.file)).toEqual(['Before upgrade'])
    await storage.settled()
    expect(listBackups(file)).toHaveLength(1) // the start-up check found a fresh backup
    now = at('2026-11-10T20:00:00.000Z')
    expect(await storage.backupIfDue()).toBeNull()
    now = at('2026-11-11T08:00:01.000Z')
    const daily = await storage.backupIfDue()
    expect(daily?.createdAt).toEqual(now)
    expect(listBackups(file)).toHaveLength(2)
    storage.stop()
    storage.db.close()
  })

  it('a backup cut short by closing the database leaves no partial file behind', async () => {
    const file = tempDb()
    const db = openDatabase(file)
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insertScenario(db, `S${i} ${'y'.repeat(2000)}`)
    })()
    const pending = takeBackup(db, file, at('2026-11-01T00:00:00.000Z'))
    db.close()
    await expect(pending).rejects.toThrow()
    expect(listBackups(file)).toEqual([])
    expect(readdirSync(join(file, '..', BACKUP_DIR))).toEqual([])
  })
})

describe('recovery', () => {
  async function libraryWithBackups() {
    const file = tempDb()
    const db = openDatabase(file)
    insertScenario(db, 'Old')
    await takeBackup(db, file, at('2026-11-01T00:00:00.000Z'))
    insertScenario(db, 'Newer')
    await takeBackup(db, file, at('2026-11-02T00:00:00.000Z'))
    insertScenario(db, 'Latest, not yet backed up')
    db.close()
    return file
  }

  it('setAside renames the database with its WAL and never deletes', () => {
    const file = tempDb()
    const db = new BetterSqlite3(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE t (x)')
    db.exec('INSERT INTO t VALUES (1)')
    const raw = readFileSync(file)
    const wal = readFileSync(`${file}-wal`)
    const aside = setAside(file, 'damaged', at('2026-11-03T10:00:00.000Z'))!
    db.close()
    expect(aside).toBe(join(file, '..', 'chokepoint.damaged-2026-11-03T10-00-00-000Z.sqlite'))
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(aside).equals(raw)).toBe(true)
    expect(readFileSync(`${aside}-wal`).equals(wal)).toBe(true)
    expect(setAside(file, 'again', new Date())).toBeNull()
  })

  it('restores the newest usable backup, skipping a damaged one, and keeps the current file aside', async () => {
    const file = await libraryWithBackups()
    const [newest] = listBackups(file)
    damagePages(newest.file)
    writeFileSync(file, 'garbage '.repeat(1000))
    expect(verifyBackup(newest.file)).toBe(false)
    expect(latestUsableBackup(file)?.createdAt.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    const outcome = restoreLatestBackup(file, at('2026-11-04T00:00:00.000Z'))
    expect(outcome.restoredFrom?.createdAt.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(readFileSync(outcome.setAsideAs!, 'utf8')).toBe('garbage '.repeat(1000))
    expect(names(file)).toEqual(['Old'])
    expect(listBackups(file)).toHaveLength(2) // backups are never consumed
    openDatabase(file).close()
  })

  it('starts fresh with the old file kept aside', async () => {
    const file = await libraryWithBackups()
    const outcome = startFresh(file, at('2026-11-04T00:00:00.000Z'))
    expect(existsSync(file)).toBe(false)
    expect(names(outcome.setAsideAs!)).toEqual(['Latest, not yet backed up', 'Newer', 'Old'])
  })

  it('offers restore only where it can help and only when a usable backup exists', async () => {
    const file = await libraryWithBackups()
    const kinds = ['corrupt', 'newer', 'other', 'readonly', 'full', 'busy'] as const
    const actions = Object.fromEntries(kinds.map((k) => [k, recoveryAdvice(new StorageError('m', k), file).actions]))
    expect(actions).toEqual({
      corrupt: ['restore-backup', 'start-fresh'],
      newer: ['restore-backup', 'start-fresh'],
      other: ['restore-backup', 'start-fresh'],
      readonly: [],
      full: [],
      busy: []
    })
    expect(recoveryAdvice(new Error('a bug elsewhere'), file).actions).toEqual([])
    const bare = tempDb()
    expect(recoveryAdvice(new StorageError('m', 'corrupt'), bare).actions).toEqual(['start-fresh'])
    expect(recoveryAdvice(new StorageError('m', 'corrupt'), file).latestBackup?.createdAt.toISOString()).toBe('2026-11-02T00:00:00.000Z')
  })

  it('refuses a 0-byte library file when backups exist, leaves it as it is, and offers the backup', async () => {
    const file = await libraryWithBackups()
    writeFileSync(file, '')
    let error: unknown
    try {
      openWithBackups(file, { clock: () => at('2026-11-04T00:00:00.000Z') })
    } catch (e) {
      error = e
    }
    expect((error as StorageError).kind).toBe('empty')
    expect((error as Error).message).toMatch(/empty \(0 bytes\).*backups.*left untouched/)
    expect(readFileSync(file).length).toBe(0)
    expect(existsSync(`${file}-wal`)).toBe(false)
    const advice = recoveryAdvice(error, file)
    expect(advice.actions).toEqual(['restore-backup', 'start-fresh'])
    expect(advice.title).toMatch(/empty/)
    restoreLatestBackup(file, at('2026-11-04T00:00:00.000Z'))
    expect(names(file)).toEqual(['Newer', 'Old'])
  })

  it('opens a 0-byte file as a new library when there is no backup to offer', () => {
    const file = tempDb()
    writeFileSync(file, '')
    const storage = openWithBackups(file)
    expect(storage.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    storage.stop()
    storage.db.close()
  })
})

describe('backups dated in the future (a clock that was once wrong)', () => {
  it('do not stop new backups, are not restored, and are never rotated out', async () => {
    const file = tempDb()
    const db = openDatabase(file)
    insertScenario(db, 'Real')
    await takeBackup(db, file, at('2026-11-01T00:00:00.000Z'))
    // Written while the clock said 2031.
    await takeBackup(db, file, at('2031-01-01T00:00:00.000Z'))
    const future = join(dirname(file), BACKUP_DIR, 'chokepoint-2031-01-01T00-00-00-000Z.sqlite')
    const now = at('2026-11-03T00:00:00.000Z')
    expect(listBackups(file, now).map((b) => b.createdAt.toISOString())).toEqual(['2026-11-01T00:00:00.000Z'])
    expect(latestUsableBackup(file, {}, now)?.createdAt.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    db.close()
    const storage = openWithBackups(file, { clock: () => now, keep: 1 })
    const taken = await storage.settled()
    storage.stop()
    storage.db.close()
    expect(taken?.createdAt.toISOString()).toBe('2026-11-03T00:00:00.000Z') // due: a day past the real newest
    expect(listBackups(file, now).map((b) => b.createdAt.toISOString())).toEqual(['2026-11-03T00:00:00.000Z'])
    expect(existsSync(future)).toBe(true) // kept, out of the rotation
  })
})

describe('file permissions', () => {
  it.runIf(process.platform !== 'win32')('keeps the data folder 0700 and the database, its WAL and its backups 0600 whatever the umask', async () => {
    const previous = process.umask(0o022)
    try {
      const root = mkdtempSync(join(tmpdir(), 'cp-perm-'))
      dirs.push(root)
      const dataDir = join(root, 'data')
      const { createServices } = await import('./index')
      const services = createServices({ dataDir, runtime: 'web', log: () => {} })
      await services.dispatch('scenario.save', { doc: (await import('../core')).defaultScenario((await import('../shared/dataset')).model, 'Private') })
      const backup = await services.backupIfDue()
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8)
      expect(mode(dataDir)).toBe('700')
      for (const f of readdirSync(dataDir).filter((n) => n.startsWith('chokepoint.sqlite'))) expect(mode(join(dataDir, f)), f).toBe('600')
      expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['chokepoint.sqlite', 'chokepoint.sqlite-wal']))
      expect(mode(backup!.file)).toBe('600')
      services.close()
      // An existing library left readable by others is narrowed at the next start.
      chmodSync(dataDir, 0o755)
      chmodSync(join(dataDir, 'chokepoint.sqlite'), 0o644)
      createServices({ dataDir, runtime: 'web', log: () => {} }).close()
      expect(mode(dataDir)).toBe('700')
      expect(mode(join(dataDir, 'chokepoint.sqlite'))).toBe('600')
    } finally {
      process.umask(previous)
    }
  })
})
