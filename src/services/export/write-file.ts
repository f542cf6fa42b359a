import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { StorageError, type StorageErrorKind } from '../db/open'

/**
 * A file could not be written; `message` says which file and why, in words a person can act on. A
 * StorageError, so it crosses the API as `{code: 'storage', message}`.
 */
export class ExportWriteError extends StorageError {
  constructor(message: string, kind: StorageErrorKind) {
    super(message, kind)
    this.name = 'ExportWriteError'
  }
}

const kindOf = (e: unknown): StorageErrorKind => {
  const code = (e as { code?: unknown }).code
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'readonly' : code === 'ENOSPC' ? 'full' : 'other'
}

const reason = (e: unknown): string => {
  const code = (e as { code?: unknown }).code
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EISDIR':
      return 'a folder has that name'
    default:
      return e instanceof Error ? e.message : String(e)
  }
}

/**
 * Writes a file all-or-nothing: the bytes go to a temporary file beside the target, are flushed to disk,
 * then renamed over the target. On any failure the temporary file is removed and the target is untouched
 * (an existing file keeps its old content), so no half-written export is ever left behind.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<typeof open>> | null = null
  try {
    handle = await open(temp, 'wx', 0o644)
    await handle.writeFile(bytes)
    await handle.sync()
    await handle.close()
    handle = null
    await rename(temp, path)
  } catch (e) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw new ExportWriteError(`Could not write ${path}: ${reason(e)}. Nothing was written; choose another folder or free some space.`, kindOf(e))
  }
}
