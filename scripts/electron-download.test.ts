import { afterEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error -- plain ESM script shared with `npm start`, no type declarations
import { downloadElectron, explainDownloadFailure, progressPrinter } from './electron-download.mjs'

/** The download of `npm start` against a local server that is slow, fails once, or cuts the file short. */
const FILE = 'electron-v45.5.0-linux-x64.zip'
const payload = randomBytes(256 * 1024)
const checksums = { [FILE]: createHash('sha256').update(payload).digest('hex') }
type Mode = 'slow' | 'fail-once' | 'truncate-once' | 'missing'

const servers: Server[] = []
const dirs: string[] = []
afterEach(() => {
  servers.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

async function serve(mode: Mode) {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(req.url ?? '')
    const first = seen.length === 1
    if (req.url !== `/v45.5.0/${FILE}` || mode === 'missing') return res.writeHead(404).end()
    if (mode === 'fail-once' && first) return res.writeHead(503).end()
    res.writeHead(200, { 'content-length': payload.length, 'content-type': 'application/zip' })
    if (mode === 'truncate-once' && first) {
      res.write(payload.subarray(0, payload.length / 2))
      setTimeout(() => res.destroy(), 20)
      return
    }
    // Slow: 16 pieces, 40 ms apart, so progress is seen in between.
    const pieces = mode === 'slow' ? 16 : 1
    const size = payload.length / pieces
    let i = 0
    const next = () => {
      res.write(payload.subarray(i * size, (i + 1) * size))
      if (++i < pieces) setTimeout(next, 40)
      else res.end()
    }
    next()
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { mirror: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]))

async function download(mode: Mode) {
  const { mirror, seen } = await serve(mode)
  const cacheRoot = mkdtempSync(join(tmpdir(), 'cp-electron-cache-'))
  dirs.push(cacheRoot)
  const progress: { transferred: number; total: number }[] = []
  const log: string[] = []
  const result = downloadElectron({
    version: '45.5.0', platform: 'linux', arch: 'x64', checksums, cacheRoot, env: {},
    mirrorOptions: { mirror }, backoffMs: [10],
    onProgress: (p: { transferred: number; total: number }) => progress.push({ ...p }),
    log: (line: string) => log.push(line)
  })
  return { result, seen, progress, log, cacheRoot }
}

describe('Electron download for npm start', () => {
  it('shows progress all through a slow download', async () => {
    const { result, progress } = await download('slow')
    const file = await result
    expect(readFileSync(file).equals(payload)).toBe(true)
    expect(progress.length).toBeGreaterThanOrEqual(16)
    expect(progress.every((p) => p.total === payload.length)).toBe(true)
    expect(progress.map((p) => p.transferred)).toEqual([...progress.map((p) => p.transferred)].sort((a, b) => a - b))
    expect(progress.at(-1)?.transferred).toBe(payload.length)
  })

  it('retries a failed request and says so', async () => {
    const { result, seen, log } = await download('fail-once')
    expect(readFileSync(await result).equals(payload)).toBe(true)
    expect(seen).toHaveLength(2)
    expect(log[0]).toMatch(/attempt 1 of 4 failed .*503.*retrying/)
  })

  it('starts clean after a truncated download: only the complete, verified file is kept', async () => {
    const { result, seen, cacheRoot } = await download('truncate-once')
    const file = await result
    expect(seen).toHaveLength(2)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(checksums[FILE])
    expect(filesUnder(cacheRoot).map((f) => statSync(f).size)).toEqual([payload.length])
  })

  it('gives up on a missing file quickly, explains it in one line, and leaves nothing behind', async () => {
    const { result, seen, cacheRoot } = await download('missing')
    const error = await result.then(() => null, (e: Error) => e)
    expect(error?.message).toMatch(/^downloading Electron failed: the mirror has no such file \(404\).*npm run web$/)
    expect(error?.message).not.toContain('\n')
    expect(seen.length).toBe(2)
    expect(filesUnder(cacheRoot)).toEqual([])
  })

  it('names the settings that apply when a download fails', () => {
    const offline = Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } })
    expect(explainDownloadFailure(offline, {})).toContain('set HTTPS_PROXY')
    expect(explainDownloadFailure(offline, { HTTPS_PROXY: 'http://proxy:3128', ELECTRON_MIRROR: 'https://mirror.example/' })).toContain(
      'settings in effect: ELECTRON_MIRROR=https://mirror.example/, HTTPS_PROXY=http://proxy:3128'
    )
  })

  it('prints percent, size and speed', () => {
    const out = { isTTY: false, text: '', write(s: string) { this.text += s } }
    const print = progressPrinter('Downloading Electron 45.5.0', out)
    print({ transferred: 52_000_000, total: 104_000_000 }, 20_000)
    expect(out.text).toBe('Downloading Electron 45.5.0: 50% of 104.0 MB, 2.6 MB/s\n')
  })
})
