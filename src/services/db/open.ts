import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'
import { constants, copyFileSync, existsSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { MIGRATIONS, type Migration } from './migrations'

/** `empty`: a 0-byte library file although backups exist (told apart by the caller, who knows the backups). */
export type StorageErrorKind = 'newer' | 'corrupt' | 'empty' | 'readonly' | 'full' | 'busy' | 'other'

/** A storage problem a person can act on (the message says what happened and what to do). */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: StorageErrorKind
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

export type OpenOptions = {
  /** Path of a better-sqlite3 binary built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string
  migrations?: readonly Migration[]
  /** Called once, before pending migrations run on an existing database (the caller takes a backup). */
  beforeMigrate?: (db: Database, from: number, to: number) => void
}

/**
 * Opens (creating if needed) the database at `file`: WAL journal, foreign keys on, a busy timeout for the
 * desktop app and the web host sharing one file, a structural check, and pending migrations applied in
 * one transaction. A database written by a newer version, or a damaged one, is refused and never modified:
 * the checks run on a copy (see `inspectCopy`), so the file, its -wal and its -shm stay byte for byte as
 * they were.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS
  if (existsSync(file) && statSync(file).size > 0) inspectCopy(file, migrations.length, options)
  let db: Database
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw classify(e, file)
  }
  try {
    // First: another process (the desktop app and the web host share the file) may hold a lock right now.
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    // FULL, not NORMAL: with WAL, NORMAL may drop the last acknowledged saves on power loss; FULL syncs the
    // WAL at each commit (≈ 0.2 ms per save measured on the 2-core CI machines) so an acknowledged save stays saved.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    const current = db.pragma('user_version', { simple: true }) as number
    if (current > 0 && current < migrations.length) options.beforeMigrate?.(db, current, migrations.length)
    migrate(db, migrations, file)
    return db
  } catch (e) {
    // Only a file that passed the checks gets here (or a new one): closing it normally is safe.
    db.close()
    throw e instanceof StorageError ? e : classify(e, file)
  }
}

/**
 * Asks the refusing questions (newer schema? damaged?) of a copy of the file and its WAL, in a private
 * folder beside it. Opening the file itself would change it even when refused: SQLite writes the -shm index
 * on open, and closing the last connection checkpoints the WAL into the file and deletes the -wal and -shm.
 * The copy is a clone where the file system can (copy-on-write), else a plain copy (≈ the cost of the
 * quick_check that reads every page anyway). A copy taken while another process checkpoints can be torn:
 * a damaged verdict is only trusted when a second copy agrees.
 */
function inspectCopy(file: string, known: number, options: OpenOptions, attempt = 1): void {
  let dir: string | null = null
  try {
    dir = mkdtempSync(join(dirname(file), `.${basename(file)}.check-`))
    const copy = join(dir, 'check.sqlite')
    copyFileSync(file, copy, constants.COPYFILE_FICLONE)
    // The -shm is not copied: SQLite rebuilds its index from the WAL.
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`, constants.COPYFILE_FICLONE)
    const db = new BetterSqlite3(copy, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
    try {
      refuseNewer(db.pragma('user_version', { simple: true }) as number, known, file)
      assertStructurallySound(db, file)
    } finally {
      db.close()
    }
  } catch (e) {
    const error = classify(e, file)
    if (error.kind === 'corrupt' && attempt === 1 && existsSync(`${file}-wal`)) return inspectCopy(file, known, options, 2)
    throw error
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** Applies migrations after `user_version` in one transaction; refuses a database from the future. */
export function migrate(db: Database, migrations: readonly Migration[], file = 'the database'): void {
  const current = db.pragma('user_version', { simple: true }) as number
  refuseNewer(current, migrations.length, file)
  if (current === migrations.length) return
  // IMMEDIATE, and the version read again inside: another process starting at the same moment may have
  // migrated while this one waited for the lock.
  db.transaction(() => {
    const now = db.pragma('user_version', { simple: true }) as number
    refuseNewer(now, migrations.length, file)
    for (let i = now; i < migrations.length; i++) migrations[i].up(db)
    db.pragma(`user_version = ${migrations.length}`)
  }).immediate()
}

function refuseNewer(current: number, known: number, file: string) {
  if (current > known)
    throw new StorageError(
      `${file} was written by a newer version of Chokepoint (schema ${current}; this version knows ${known}). ` +
        'Update Chokepoint to open it; the file was not changed.',
      'newer'
    )
}

/**
 * `PRAGMA quick_check` walks every page (≈ 1 ms per MB here), so damage is found at start-up, where the
 * person can be offered a backup, rather than in the middle of a save.
 */
function assertStructurallySound(db: Database, file: string) {
  const problems = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[]
  const text = problems.map((p) => p.quick_check.replace(/\s+/g, ' ').trim())
  if (text.length !== 1 || text[0] !== 'ok')
    throw new StorageError(`${file} is damaged (${text.slice(0, 3).join('; ')}). It was left untouched.`, 'corrupt')
}

/** Bytes free for this user on the disk holding `file` (Infinity when it cannot be told). */
export function freeBytesNear(file: string): number {
  try {
    const fs = statfsSync(dirname(file))
    return fs.bavail * fs.bsize
  } catch {
    return Infinity
  }
}

/** Below this, a vague I/O failure is taken for what it nearly always is: a full disk. */
const NEARLY_FULL_BYTES = 1024 * 1024

/**
 * Maps a SQLite/file-system failure to a message that says what happened and what to do. SQLite reports
 * a disk that fills while it creates its WAL or index as a bare "disk I/O error"; the free space tells
 * that apart from a failing disk (whose advice — restore or start afresh — would be wrong for a full one).
 */
function classify(e: unknown, file: string, freeBytes: (file: string) => number = freeBytesNear): StorageError {
  if (e instanceof StorageError) return e
  const code = String((e as { code?: unknown }).code ?? '')
  const text = e instanceof Error ? e.message : String(e)
  if ((code.startsWith('SQLITE_IOERR') || /disk I\/O error/i.test(text)) && freeBytes(file) < NEARLY_FULL_BYTES) return full(file)
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || /not a database|malformed/i.test(text))
    return new StorageError(`${file} is damaged or is not a Chokepoint database (${text}). It was left untouched.`, 'corrupt')
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|database or disk is full|ENOSPC/i.test(text)) return full(file)
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || /readonly|unable to open|EACCES|EROFS|EPERM/i.test(text))
    return new StorageError(
      `Cannot write to ${file} (${text}). Check that the data folder exists and is writable, or choose another one with CHOKEPOINT_DATA_DIR. Nothing was changed.`,
      'readonly'
    )
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StorageError(`${file} is busy: another program holds a lock on it. Close it and try again; nothing was changed.`, 'busy')
  return new StorageError(`Storage error on ${file}: ${text}`, 'other')
}

export { classify as classifyStorageError }

const full = (file: string) =>
  new StorageError(
    `The disk holding ${file} is full, so the change was not saved. Free some space and try again (restoring a backup or starting afresh would not help); what was saved before is intact.`,
    'full'
  )
