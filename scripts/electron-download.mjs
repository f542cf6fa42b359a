// Fetches the Electron binary for `npm start` (issue 16): visible progress, no fixed time cap, retries, and
// one line that explains a failure. Uses Electron's own downloader (@electron/get: mirror settings, proxy,
// checksums from node_modules/electron/checksums.json, a cache it only fills with a complete, verified file),
// so a dropped or truncated download never leaves a broken install: the next start begins clean.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from './electron-env.mjs'

const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')
const require = createRequire(join(ELECTRON_DIR, 'package.json'))

/** @electron/get, resolved from the electron package that depends on it. */
export const loadElectronGet = async () => import(pathToFileURL(require.resolve('@electron/get')).href)

/** Environment variables that change where or how the download goes, as set here (for the failure message). */
export function downloadSettings(env = process.env) {
  const names = ['ELECTRON_MIRROR', 'ELECTRON_CUSTOM_DIR', 'npm_config_electron_mirror', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'electron_config_cache']
  return names.filter((n) => env[n]).map((n) => `${n}=${env[n]}`)
}

const usesProxy = (env) => Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy)

/**
 * A failure that waiting will not fix (no DNS, nothing listening, no such file): one quick retry, then the
 * explanation — an offline laptop hears why within seconds. Everything else (resets, stalls, truncation,
 * 5xx) is retried with backoff.
 */
export function isDefinite(error) {
  const code = error?.cause?.code ?? error?.code
  return code === 'ENOTFOUND' || code === 'ECONNREFUSED' || /Response code 40[34]/.test(String(error?.message))
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

/**
 * A progress reporter: one updating line on a terminal, else a line every 10 %.
 * `({ transferred, total }, elapsedMs)` → the text it printed (for tests), or null when it printed nothing.
 */
export function progressPrinter(label, out = process.stdout) {
  let lastTenth = -1
  let lastPrint = 0
  return ({ transferred, total }, elapsedMs) => {
    const speed = elapsedMs > 0 ? `${mb((transferred / elapsedMs) * 1000)}/s` : ''
    const done = total ? Math.min(1, transferred / total) : 0
    const text = total
      ? `${label}: ${Math.floor(done * 100)}% of ${mb(total)}, ${speed}`
      : `${label}: ${mb(transferred)}, ${speed}`
    if (out.isTTY) {
      if (elapsedMs - lastPrint < 250 && done < 1) return null
      lastPrint = elapsedMs
      out.write(`\r${text}   ${done >= 1 ? '\n' : ''}`)
      return text
    }
    const tenth = Math.floor(done * 10)
    if (tenth === lastTenth) return null
    lastTenth = tenth
    out.write(`${text}\n`)
    return text
  }
}

/** One line on why a download failed and what applies here; always ends by naming `npm run web`. */
export function explainDownloadFailure(error, env = process.env) {
  const code = error?.cause?.code ?? error?.code
  const message = String(error?.message ?? error)
  let why
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') why = 'the download host cannot be resolved — offline, or DNS blocked?'
  else if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CONNECT_TIMEOUT')
    why = `the connection failed (${code}) — offline, or a firewall/proxy in the way?`
  else if (/checksum|sha256|SHASUMS/i.test(message)) why = 'the file arrived damaged (checksum mismatch) every time'
  else if (/Response code 404/.test(message)) why = 'the mirror has no such file (404) — check ELECTRON_MIRROR'
  else if (/Response code/.test(message)) why = message.replace(/\s+for\s+\S+$/, '')
  else why = message.split('\n')[0].slice(0, 160)
  const settings = downloadSettings(env)
  const hint = settings.length
    ? `settings in effect: ${settings.join(', ')}`
    : 'behind a proxy, set HTTPS_PROXY; with a mirror, set ELECTRON_MIRROR'
  return `downloading Electron failed: ${why}; ${hint}. The same app runs in your browser: npm run web`
}

/**
 * Downloads the Electron zip into @electron/get's cache (verified against the checksums) and returns its path.
 * Tries `attempts` times, waiting `backoffMs[i]` between tries; `log` gets one line per failed try.
 */
export async function downloadElectron({
  version,
  platform = process.platform,
  arch = process.arch,
  checksums = require('./checksums.json'),
  mirrorOptions,
  cacheRoot = process.env.electron_config_cache,
  attempts = 4,
  backoffMs = [2_000, 5_000, 15_000],
  env = process.env,
  onProgress = progressPrinter(`Downloading Electron ${version}`),
  log = (line) => console.log(line),
  now = () => Date.now()
}) {
  const get = await loadElectronGet()
  if (usesProxy(env)) get.initializeProxy()
  let lastError
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started = now()
    try {
      return await get.downloadArtifact({
        version,
        artifactName: 'electron',
        platform,
        arch,
        checksums,
        cacheRoot,
        mirrorOptions,
        downloadOptions: { quiet: true, getProgressCallback: (p) => void onProgress(p, now() - started) }
      })
    } catch (error) {
      lastError = error
      if (isDefinite(error) && attempt >= 2) break
      if (attempt < attempts) {
        const wait = isDefinite(error) ? Math.min(1_000, backoffMs[0] ?? 0) : (backoffMs[Math.min(attempt - 1, backoffMs.length - 1)] ?? 0)
        log(`Download attempt ${attempt} of ${attempts} failed (${String(error?.cause?.code ?? error?.message ?? error).split('\n')[0].slice(0, 120)}); retrying in ${(wait / 1000).toFixed(wait < 1000 ? 1 : 0)} s…`)
        await new Promise((r) => setTimeout(r, wait))
      }
    }
  }
  throw Object.assign(new Error(explainDownloadFailure(lastError, env)), { cause: lastError })
}
