/**
 * `npm run doctor` (issue 16): what this machine can run — the desktop app, the web host, PDF export —
 * where the data lives, which versions are installed, and what to do about each missing piece.
 * The checks are pure over a `Probe` (what the machine says), so each can be tested with the piece present
 * and absent; `probe.ts` asks the real machine.
 */
export type Status = 'ok' | 'missing' | 'info'
export type Check = { area: string; name: string; status: Status; detail: string; fix?: string }

export type Probe = {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  nodeVersion: string
  appVersion: string
  dataset: { datasetVersion: string; asOf: string; catalogueVersion: string }
  electron: { version: string | null; binary: string | null; nativeBinding: string; nativeBindingExists: boolean }
  buildTools: { missing: string[]; advice: string }
  /** null when better-sqlite3 loads under Node, else the error message. */
  nodeSqliteError: string | null
  rendererBuilt: boolean
  chromium: string | null
  dataDir: { path: string; exists: boolean; bytes: number; files: number; writable: boolean }
}

const MIN_NODE = [20, 19] as const

const nodeOk = (v: string) => {
  const [major = 0, minor = 0] = v.replace(/^v/, '').split('.').map(Number)
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])
}

/** Human-readable size: bytes, KB, MB or GB (decimal units). */
export const formatBytes = (n: number) =>
  n < 1e3 ? `${n} B` : n < 1e6 ? `${(n / 1e3).toFixed(1)} KB` : n < 1e9 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e9).toFixed(2)} GB`

function desktopChecks(p: Probe): Check[] {
  const area = 'Desktop app (npm start)'
  const hasDisplay = p.platform !== 'linux' || Boolean(p.env.DISPLAY || p.env.WAYLAND_DISPLAY)
  const checks: Check[] = [
    hasDisplay
      ? { area, name: 'Display', status: 'ok', detail: p.platform === 'linux' ? `DISPLAY=${p.env.DISPLAY ?? ''}${p.env.WAYLAND_DISPLAY ? ` WAYLAND_DISPLAY=${p.env.WAYLAND_DISPLAY}` : ''}`.trim() : 'desktop session' }
      : { area, name: 'Display', status: 'missing', detail: 'no graphical display (DISPLAY and WAYLAND_DISPLAY are not set)', fix: 'run it from a desktop session, or use the browser: npm run web' },
    p.electron.binary
      ? { area, name: 'Electron runtime', status: 'ok', detail: `${p.electron.version} at ${p.electron.binary}` }
      : {
          area,
          name: 'Electron runtime',
          status: 'missing',
          detail: `Electron ${p.electron.version ?? '?'} is not downloaded yet (about 100 MB)`,
          fix: `npm start fetches it, with progress, when the network reaches the download host${p.env.ELECTRON_MIRROR ? ` (ELECTRON_MIRROR=${p.env.ELECTRON_MIRROR})` : ''}; behind a proxy set HTTPS_PROXY, with a mirror ELECTRON_MIRROR`
        }
  ]
  if (p.electron.nativeBindingExists) checks.push({ area, name: 'SQLite for Electron', status: 'ok', detail: p.electron.nativeBinding })
  else
    checks.push({
      area,
      name: 'SQLite for Electron',
      status: 'missing',
      detail: 'better-sqlite3 is not built for Electron yet',
      fix: p.buildTools.missing.length
        ? `npm start gets a prebuilt binary (network) or compiles it; compiling here needs ${p.buildTools.missing.join(', ')} — ${p.buildTools.advice}`
        : 'npm start gets a prebuilt binary (network) or compiles it (1–5 minutes; the build tools are present)'
    })
  return checks
}

function webChecks(p: Probe): Check[] {
  const area = 'Browser (npm run web)'
  return [
    nodeOk(p.nodeVersion)
      ? { area, name: 'Node.js', status: 'ok', detail: p.nodeVersion }
      : { area, name: 'Node.js', status: 'missing', detail: `${p.nodeVersion} is older than 20.19`, fix: 'install Node.js 20 LTS (20.19 or later)' },
    p.nodeSqliteError === null
      ? { area, name: 'SQLite for Node', status: 'ok', detail: 'better-sqlite3 loads' }
      : { area, name: 'SQLite for Node', status: 'missing', detail: p.nodeSqliteError.split('\n')[0].slice(0, 160), fix: 'run npm install again (it builds better-sqlite3 for this Node)' },
    p.rendererBuilt
      ? { area, name: 'App build', status: 'ok', detail: 'out/renderer is built' }
      : { area, name: 'App build', status: 'info', detail: 'not built yet', fix: 'npm run web builds it first (a few seconds)' }
  ]
}

function exportChecks(p: Probe): Check[] {
  const area = 'Exports'
  return [
    p.chromium
      ? { area, name: 'PDF export', status: 'ok', detail: `Chromium at ${p.chromium}` }
      : {
          area,
          name: 'PDF export',
          status: 'missing',
          detail: p.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${p.env.CHROMIUM_PATH} does not exist` : 'no Chromium found',
          fix: 'install Chromium (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH; slides, PNG, SVG and CSV work without it'
        }
  ]
}

function dataChecks(p: Probe): Check[] {
  const area = 'Data'
  const d = p.dataDir
  if (!d.exists) return [{ area, name: 'Data folder', status: 'info', detail: `${d.path} (not created yet: the first start creates it)` }]
  return [
    d.writable
      ? { area, name: 'Data folder', status: 'ok', detail: `${d.path} — ${formatBytes(d.bytes)} in ${d.files} file${d.files === 1 ? '' : 's'}` }
      : { area, name: 'Data folder', status: 'missing', detail: `${d.path} is not writable`, fix: 'fix its permissions, or set CHOKEPOINT_DATA_DIR to a writable folder' }
  ]
}

function versionChecks(p: Probe): Check[] {
  const area = 'Versions'
  return [
    { area, name: 'Chokepoint', status: 'info', detail: p.appVersion },
    { area, name: 'Dataset', status: 'info', detail: `${p.dataset.datasetVersion} (as of ${p.dataset.asOf}; catalogue ${p.dataset.catalogueVersion})` },
    { area, name: 'Electron', status: 'info', detail: `${p.electron.version ?? 'not installed'}${p.electron.binary ? '' : ' (binary not downloaded)'}` },
    { area, name: 'Node.js', status: 'info', detail: p.nodeVersion }
  ]
}

/** Every check, in the order they are printed. */
export const runChecks = (p: Probe): Check[] => [...desktopChecks(p), ...webChecks(p), ...exportChecks(p), ...dataChecks(p), ...versionChecks(p)]

const MARK: Record<Status, string> = { ok: '✓', missing: '✗', info: '·' }

/** The one screen `npm run doctor` prints: a verdict per way of running, then each check with its fix. */
export function formatReport(checks: Check[]): string {
  const missingIn = (area: string) => checks.some((c) => c.area === area && c.status === 'missing')
  const lines = [
    'Chokepoint doctor',
    `  Desktop app (npm start): ${missingIn('Desktop app (npm start)') ? 'cannot start yet — see ✗ below' : 'ready'}`,
    `  Browser (npm run web):   ${missingIn('Browser (npm run web)') ? 'cannot start — see ✗ below' : 'ready'}`,
    `  PDF export:              ${missingIn('Exports') ? 'unavailable — see ✗ below' : 'ready'}`
  ]
  let area = ''
  for (const c of checks) {
    if (c.area !== area) lines.push('', c.area)
    area = c.area
    lines.push(`  ${MARK[c.status]} ${c.name}: ${c.detail}`)
    if (c.fix && c.status !== 'ok') lines.push(`      → ${c.fix}`)
  }
  return lines.join('\n') + '\n'
}
