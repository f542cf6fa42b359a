import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Log } from './dispatch'
import { openDatabase, StorageError, type OpenOptions } from './db/open'
import { createPrivateFile, makePrivate, PRIVATE_DIR_MODE } from './private-files'

/** Backups live next to the database, in `backups/`, named so that name order is time order. */
export const BACKUP_DIR = 'backups'
export const KEEP_BACKUPS = 5
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000
/** Clocks drift a little between processes: a name this far ahead still counts. */
const FUTURE_TOLERANCE_MS = 60_000
const NAME = /^chokepoint-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/

export type BackupInfo = { file: string; createdAt: Date; bytes: number }

export const backupDirOf = (dbFile: string) => join(dirname(dbFile), BACKUP_DIR)
/** A file-name-safe timestamp (no colons, for Windows). */
export const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-')

/**
 * The backups of `dbFile` taken up to `now`, newest first. A name dated in the future (written while the
 * clock was wrong) is left out: counted as the newest, it would stop every new backup until that date,
 * be offered for restore ahead of real ones, and never be rotated out. It stays on disk, untouched.
 */
export function listBackups(dbFile: string, now: Date = new Date()): BackupInfo[] {
  const dir = backupDirOf(dbFile)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const [date, time] = m[1].split('T')
      const iso = `${date}T${time.slice(0, 2)}:${time.slice(3, 5)}:${time.slice(6, 8)}.${time.slice(9, 12)}Z`
      return { file: join(dir, name), createdAt: new Date(iso), bytes: statSync(join(dir, name)).size }
    })
    .filter((b) => b.createdAt.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
}

/** A backup is usable if SQLite can read it end to end and it carries our schema. */
export function verifyBackup(file: string, options: { nativeBinding?: string } = {}): boolean {
  let db: Database | null = null
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    const check = db.pragma('quick_check', { simple: true })
    const version = db.pragma('user_version', { simple: true }) as number
    return check === 'ok' && version > 0
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/** Deletes all but the newest `keep` backups (only files named like ours, only in the backup folder). */
export function pruneBackups(dbFile: string, keep = KEEP_BACKUPS, now: Date = new Date()): void {
  for (const old of listBackups(dbFile, now).slice(keep)) rmSync(old.file, { force: true })
}

/**
 * Copies the live database with SQLite's online backup API (it yields to the event loop between steps, so
 * the host keeps answering), checks the copy, then renames it into place: a half-written or damaged copy
 * never counts as a backup and never pushes a good one out of the rotation.
 */
export async function takeBackup(db: Database, dbFile: string, now: Date, options: { keep?: number; nativeBinding?: string } = {}): Promise<BackupInfo> {
  const dir = backupDirOf(dbFile)
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const final = join(dir, `chokepoint-${stamp(now)}.sqlite`)
  const partial = `${final}.partial`
  try {
    await db.backup(partial)
    sealCopy(partial, dbFile, options)
    makePrivate(partial)
    renameSync(partial, final)
  } finally {
    removeWithSideFiles(partial)
  }
  pruneBackups(dbFile, options.keep, now)
  return { file: final, createdAt: now, bytes: statSync(final).size }
}

/** The same, synchronously (`VACUUM INTO`), for the copy taken just before a migration. */
export function takeBackupSync(db: Database, dbFile: string, now: Date, options: { keep?: number; nativeBinding?: string } = {}): BackupInfo {
  const dir = backupDirOf(dbFile)
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const final = join(dir, `chokepoint-${stamp(now)}.sqlite`)
  const partial = `${final}.partial`
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    sealCopy(partial, dbFile, options)
    makePrivate(partial)
    renameSync(partial, final)
  } finally {
    removeWithSideFiles(partial)
  }
  pruneBackups(dbFile, options.keep, now)
  return { file: final, createdAt: now, bytes: statSync(final).size }
}

/**
 * Makes a fresh copy a self-contained file (rollback journal, so no -wal/-shm files appear beside it when it
 * is read) and checks it end to end; a copy that fails is not a backup.
 */
function sealCopy(partial: string, dbFile: string, options: { nativeBinding?: string }) {
  let copy: Database | null = null
  try {
    copy = new BetterSqlite3(partial, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    copy.pragma('journal_mode = DELETE')
  } catch {
    // reported below as a failed check
  } finally {
    copy?.close()
  }
  if (!verifyBackup(partial, options)) throw new Error(`the copy of ${basename(dbFile)} failed its integrity check; the database itself may be damaged`)
}

function removeWithSideFiles(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
}

/**
 * A 0-byte library file would open as an empty library, and the first save would make that real. When
 * backups exist, an empty file is far more likely a lost library (a failed copy, a sync tool, a full disk)
 * than a new one: refuse it, untouched, so the person is offered the backups.
 */
function refuseEmptyWithBackups(dbFile: string) {
  if (!existsSync(dbFile) || statSync(dbFile).size > 0) return
  const newest = listBackups(dbFile)[0]
  if (!newest) return
  throw new StorageError(
    `${dbFile} is empty (0 bytes), but backups of the library exist (the newest from ${newest.createdAt.toISOString()}). ` +
      'The library may have been lost by a failed copy or a full disk. It was left untouched.',
    'empty'
  )
}

export type BackupOptions = OpenOptions & {
  clock?: () => Date
  log?: Log
  keep?: number
  /** How old the newest backup may get before another is taken. */
  intervalMs?: number
}

/**
 * Opens the database and keeps rotating backups of it: one before any migration, one at start-up when the
 * newest is older than `intervalMs`, and then whenever it gets that old while the app runs (checked hourly).
 * Backups never block opening: a failed backup is logged and retried at the next check.
 */
export function openWithBackups(dbFile: string, options: BackupOptions = {}) {
  const clock = options.clock ?? (() => new Date())
  const log = options.log ?? (() => {})
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS
  const copyOptions = { keep: options.keep, nativeBinding: options.nativeBinding }
  const isNew = !existsSync(dbFile)
  refuseEmptyWithBackups(dbFile)
  // Private from the first byte (SQLite gives the -wal and -shm the database's mode); an existing library too.
  createPrivateFile(dbFile)
  for (const side of ['', '-wal', '-shm']) makePrivate(dbFile + side)
  const db = openDatabase(dbFile, {
    ...options,
    beforeMigrate: (raw, from, to) => {
      const info = takeBackupSync(raw, dbFile, clock(), copyOptions)
      log('info', `Backed up the database before upgrading it from schema ${from} to ${to}: ${info.file}`)
    }
  })

  let running: Promise<BackupInfo | null> | null = null
  let stopped = false
  const backupIfDue = (): Promise<BackupInfo | null> => {
    if (stopped) return Promise.resolve(null)
    if (running) return running
    const newest = listBackups(dbFile, clock())[0]
    if (newest && clock().getTime() - newest.createdAt.getTime() < intervalMs) return Promise.resolve(null)
    running = takeBackup(db, dbFile, clock(), copyOptions)
      .catch((e: unknown) => {
        if (!stopped) log('warn', `Automatic backup failed: ${e instanceof Error ? e.message : String(e)}`)
        return null
      })
      .finally(() => {
        running = null
      })
    return running
  }
  // A database created just now holds nothing worth copying; the first periodic check backs it up.
  if (!isNew) void backupIfDue()
  const timer = setInterval(() => void backupIfDue(), Math.min(intervalMs, 60 * 60 * 1000))
  timer.unref()

  return {
    db,
    /** Takes a backup now if the newest is older than the interval; resolves with it (or null). */
    backupIfDue,
    /** Resolves once a backup in progress (if any) has finished. */
    settled: () => running ?? Promise.resolve(null),
    stop: () => {
      stopped = true
      clearInterval(timer)
    }
  }
}
