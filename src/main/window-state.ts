import type { Rectangle } from 'electron'
import { readFileSync, writeFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'

/** Window size and position, remembered between runs in a small JSON file next to the database. */
export type WindowState = { bounds: Rectangle; maximized: boolean }

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false }

export function loadWindowState(dataDir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as Partial<WindowState>
    const b = raw.bounds
    const valid = b && [b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n)) && b.width >= 640 && b.height >= 480
    return valid ? { bounds: b, maximized: raw.maximized === true } : DEFAULT
  } catch {
    return DEFAULT
  }
}

/** Written atomically (temp file + rename) so a crash never leaves half a file. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, 'window-state.json')
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 })
    renameSync(`${file}.tmp`, file)
  } catch {
    // losing the window position is harmless
  }
}
