// Facts about the local Electron install, shared by `npm start`, the native build and the Electron e2e specs.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')

/** The installed electron package's version, or null. */
export function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version
  } catch {
    return null
  }
}

/** Absolute path of the Electron executable if it has been downloaded, else null (never triggers a download). */
export function electronBinary() {
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

/** Where the Electron-ABI build of better-sqlite3 lives (node_modules keeps the Node-ABI one for tests). */
export function electronNativeBinding(version = electronVersion()) {
  return join(ROOT, '.native', `electron-${version}`, 'better_sqlite3.node')
}
