import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The library holds what a ministry or company fears and plans: other local users must not read it. The data
 * folder is 0700 and every file Chokepoint writes there 0600, whatever the umask. (Windows: the per-user
 * profile folder's ACL already does this; the mode bits are ignored there.)
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Creates `dir` as a private folder, or makes an existing one private when it is a Chokepoint data folder
 * (it holds `marker`) or empty — never a shared folder someone pointed CHOKEPOINT_DATA_DIR at, like /tmp.
 */
export function ensurePrivateDir(dir: string, marker: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    return
  }
  if (process.platform === 'win32') return
  if (existsSync(join(dir, marker)) || readdirSync(dir).length === 0) ownerOnly(dir)
}

/** Narrows an existing file to its owner (0600 for ours; quietly skips one that is gone or not ours). */
export function makePrivate(file: string): void {
  if (process.platform === 'win32' || !existsSync(file)) return
  ownerOnly(file)
}

/**
 * Before SQLite creates a database: an empty 0600 file in its place, so the database and the -wal/-shm
 * files SQLite creates beside it (it gives them the database's mode) are private from their first byte.
 */
export function createPrivateFile(file: string): void {
  if (!existsSync(file)) writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' })
}

/** Removes group and other access; the owner's own bits stay (a folder made read-only on purpose stays so). */
function ownerOnly(path: string) {
  try {
    const mode = statSync(path).mode & 0o777
    if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700)
  } catch {
    // not ours to change (another owner): leave it, the OS permissions stand
  }
}
