#!/usr/bin/env node
// `npm start`: open the desktop app. Gets the Electron binary and an Electron-ABI SQLite build if they are
// missing, builds, and launches. Where Electron cannot start it fails fast with one message that names
// `npm run web` (no stack trace).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { downloadElectron } from './electron-download.mjs'
import { ROOT, electronBinary, electronNativeBinding, electronVersion } from './electron-env.mjs'

const FALLBACK = 'The same app runs in your browser: npm run web'

function giveUp(reason) {
  console.error(`\nChokepoint's desktop app cannot start: ${reason}.\n${FALLBACK}\n`)
  process.exit(1)
}

function step(label, cmd, args, timeoutMs) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], timeout: timeoutMs, encoding: 'utf8' })
  if (r.status !== 0) {
    // The first line that is not a stack frame says what went wrong ("TypeError: fetch failed").
    const lines = (r.stderr || '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '))
    const why = r.error?.code === 'ETIMEDOUT' ? 'timed out' : lines[0] || `exit ${r.status}`
    giveUp(`${label} failed (${why.slice(0, 200)})`)
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) giveUp('there is no graphical display (DISPLAY is not set)')

if (!electronBinary()) {
  console.log(`First start: fetching the Electron runtime ${electronVersion()} (about 100 MB, once only; no time limit, retried if it drops)…`)
  try {
    await downloadElectron({ version: electronVersion() })
  } catch (e) {
    console.error(`\nChokepoint's desktop app cannot start: ${e.message}\n`)
    process.exit(1)
  }
  // Electron's own install step now finds the verified zip in its cache and only unpacks it.
  step('unpacking Electron', process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], 300_000)
  if (!electronBinary()) giveUp('the Electron binary is missing after its install step')
}
if (!existsSync(electronNativeBinding())) {
  console.log('First start: getting the SQLite driver built for Electron (a prebuilt binary in seconds, or a 1–5 minute compile)…')
  step('building better-sqlite3 for Electron', process.execPath, [join(ROOT, 'scripts', 'native-electron.mjs')], 900_000)
}
step('building the app', process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], 120_000)

const started = Date.now()
const child = spawn(electronBinary(), [ROOT], { cwd: ROOT, stdio: 'inherit' })
child.on('error', (e) => giveUp(`Electron failed to launch (${e.message})`))
child.on('exit', (code, signal) => {
  // A crash right at start (missing libraries, no GPU/display) is the case to explain; a normal quit is not.
  if (code !== 0 && Date.now() - started < 5000) giveUp(`Electron exited at start (${signal ?? `code ${code}`})`)
  process.exit(code ?? 0)
})
