import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations'

/** A storage problem a person can act on (the message says what happened and what to do). */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'newer' | 'corrupt' | 'readonly' | 'full' | 'other'
  ) {
    super(message)
  }
}

export type OpenOptions = {
  /** Path of a better-sqlite3 binary built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string
  migrations?: readonly Migration[]
}

/**
 * Opens (creating if needed) the database at `file`: WAL journal, foreign keys on, a busy timeout for the
 * desktop app and the web host sharing one file, and pending migrations applied in one transaction.
 * A database written by a newer version is refused, never modified.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS
  let db: Database
  try {
    db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw classify(e, file)
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL') // safe with WAL: a crash loses no committed transaction's integrity
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations, file)
    return db
  } catch (e) {
    db.close()
    throw e instanceof StorageError ? e : classify(e, file)
  }
}

/** Applies migrations after `user_version` in one transaction; refuses a database from the future. */
export function migrate(db: Database, migrations: readonly Migration[], file = 'the database'): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > migrations.length) {
    throw new StorageError(
      `${file} was written by a newer version of Chokepoint (schema ${current}; this version knows ${migrations.length}). ` +
        'Update Chokepoint to open it; the file was not changed.',
      'newer'
    )
  }
  if (current === migrations.length) return
  db.transaction(() => {
    for (let i = current; i < migrations.length; i++) migrations[i].up(db)
    db.pragma(`user_version = ${migrations.length}`)
  })()
}

function classify(e: unknown, file: string): StorageError {
  const code = (e as { code?: string }).code ?? ''
  const text = e instanceof Error ? e.message : String(e)
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(text))
    return new StorageError(`${file} is damaged or is not a Chokepoint database (${text}). It was left untouched.`, 'corrupt')
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || /readonly|unable to open/i.test(text))
    return new StorageError(`Cannot write to ${file} (${text}). Check that the data folder is writable.`, 'readonly')
  if (code === 'SQLITE_FULL' || /disk is full|database or disk is full/i.test(text))
    return new StorageError(`The disk holding ${file} is full. Free some space; nothing was lost.`, 'full')
  return new StorageError(`Storage error on ${file}: ${text}`, 'other')
}

export { classify as classifyStorageError }
