import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { listBackups, stamp, verifyBackup, type BackupInfo } from './backup'
import { StorageError } from './db/open'

/**
 * The ways forward when the database cannot be opened. Nothing here deletes a database: a file that is
 * replaced is renamed aside first (with its WAL, which may hold the last saves), so it can still be
 * inspected or sent for repair.
 */
export type RecoveryAction = 'restore-backup' | 'start-fresh'
export const RECOVERY_ACTIONS: readonly RecoveryAction[] = ['restore-backup', 'start-fresh']

const SIDE_FILES = ['-wal', '-shm', '-journal']

/** Renames `dbFile` and its side files to `<name>.<reason>-<time>.sqlite`; returns the new path, or null if there was no file. */
export function setAside(dbFile: string, reason: string, now: Date): string | null {
  if (!existsSync(dbFile)) return null
  const name = basename(dbFile).replace(/\.sqlite$/, '')
  const target = join(dirname(dbFile), `${name}.${reason}-${stamp(now)}.sqlite`)
  // The main file last: if a rename fails midway, the original name still points at the database.
  for (const side of SIDE_FILES) if (existsSync(dbFile + side)) renameSync(dbFile + side, target + side)
  renameSync(dbFile, target)
  return target
}

/** The newest backup that passes its integrity check (a damaged one is skipped, not deleted). */
export function latestUsableBackup(dbFile: string, options: { nativeBinding?: string } = {}, now: Date = new Date()): BackupInfo | null {
  return listBackups(dbFile, now).find((b) => verifyBackup(b.file, options)) ?? null
}

export type RecoveryOutcome = { action: RecoveryAction; setAsideAs: string | null; restoredFrom: BackupInfo | null }

/** Puts the newest usable backup in place of the database; the current file is kept aside. */
export function restoreLatestBackup(dbFile: string, now: Date, options: { nativeBinding?: string } = {}): RecoveryOutcome {
  const backup = latestUsableBackup(dbFile, options, now)
  if (!backup) throw new StorageError(`There is no usable backup of ${dbFile} to restore.`, 'other')
  const temp = `${dbFile}.restoring`
  copyFileSync(backup.file, temp)
  try {
    const setAsideAs = setAside(dbFile, 'replaced', now)
    renameSync(temp, dbFile)
    return { action: 'restore-backup', setAsideAs, restoredFrom: backup }
  } finally {
    rmSync(temp, { force: true })
  }
}

/** Moves the database aside so the next start creates an empty library. */
export function startFresh(dbFile: string, now: Date): RecoveryOutcome {
  return { action: 'start-fresh', setAsideAs: setAside(dbFile, 'set-aside', now), restoredFrom: null }
}

export function recover(action: RecoveryAction, dbFile: string, now: Date, options: { nativeBinding?: string } = {}): RecoveryOutcome {
  return action === 'restore-backup' ? restoreLatestBackup(dbFile, now, options) : startFresh(dbFile, now)
}

export type RecoveryAdvice = {
  title: string
  message: string
  /** What the person may do; empty when only they can fix it (permissions, disk space). */
  actions: RecoveryAction[]
  latestBackup: BackupInfo | null
}

/** What to tell a person whose database could not be opened, and which ways forward make sense. */
export function recoveryAdvice(error: unknown, dbFile: string, options: { nativeBinding?: string } = {}): RecoveryAdvice {
  const message = error instanceof Error ? error.message : String(error)
  // Restoring or starting afresh cannot help when the folder is not writable, the disk is full or another
  // program holds the file: those are fixed outside the app, and the message says how. Nor is a failure
  // that is not about the database at all a reason to move the library aside.
  if (!(error instanceof StorageError) || error.kind === 'readonly' || error.kind === 'full' || error.kind === 'busy')
    return { title: 'Chokepoint cannot open its data', message, actions: [], latestBackup: null }
  const kind = error.kind
  const latestBackup = latestUsableBackup(dbFile, options)
  const actions: RecoveryAction[] = latestBackup ? ['restore-backup', 'start-fresh'] : ['start-fresh']
  const title =
    kind === 'newer'
      ? 'This library was saved by a newer Chokepoint'
      : kind === 'corrupt'
        ? 'The Chokepoint library is damaged'
        : kind === 'empty'
          ? 'The Chokepoint library file is empty'
          : 'Chokepoint cannot open its data'
  return { title, message, actions, latestBackup }
}

/** One line per way forward, for the web host's console. */
export function describeActions(advice: RecoveryAdvice, how: Record<RecoveryAction, string>): string[] {
  return advice.actions.map((a) =>
    a === 'restore-backup'
      ? `To open the latest backup (${advice.latestBackup?.createdAt.toISOString()}), keeping the current file aside: ${how[a]}`
      : `To start with an empty library, keeping the current file aside: ${how[a]}`
  )
}
