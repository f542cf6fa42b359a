import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, type Services } from '../services'
import { startWebHost } from './server'
import { call, statusOf } from './testing/http'
import { watchLoopDelay } from './testing/loop-delay'

/**
 * The host's own limits, as a local program without the token would meet them: bodies over the cap sent in
 * pieces, more connections than the host serves, connections left idle.
 */
let dir: string
let services: Services
let host: Awaited<ReturnType<typeof startWebHost>>
const TOKEN = 'limits-token-abcdefghijklmnop'
const MAX_BODY = 64 * 1024
const MAX_CONNECTIONS = 20
const IDLE_MS = 600

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-limits-'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Chokepoint</title>')
  services = createServices({ dataDir: join(dir, 'data'), runtime: 'web', log: () => {} })
  host = await startWebHost({
    dispatch: services.dispatch,
    rendererDir: join(dir, 'renderer'),
    token: TOKEN,
    maxBodyBytes: MAX_BODY,
    maxConnections: MAX_CONNECTIONS,
    idleTimeoutMs: IDLE_MS,
    bodyTimeoutMs: 5_000
  })
})
afterAll(async () => {
  await host.close()
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }

/**
 * Sends an oversized chunked body in pieces, `gapMs` apart, like a simple client: it writes the whole body
 * and only then reads the answer. A connection reset while it writes means it never sees one ('').
 */
function oversizedInPieces(piece: number, gapMs: number, caps = 4): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1')
    socket.pause()
    const chunks: Buffer[] = []
    let reset = false
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', () => (reset = true))
    socket.on('close', () => resolve(reset ? '' : Buffer.concat(chunks).toString('utf8')))
    socket.write(`POST /api/scenario.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`)
    let sent = 0
    const timer = setInterval(() => {
      if (socket.destroyed) return clearInterval(timer)
      if (sent > MAX_BODY * caps) {
        clearInterval(timer)
        socket.write('0\r\n\r\n')
        socket.resume() // sent it all: now read the answer
        return
      }
      socket.write(`${piece.toString(16)}\r\n${'x'.repeat(piece)}\r\n`)
      sent += piece
    }, gapMs)
  })
}

describe('web host limits', () => {
  it('answers a body over the cap sent in pieces with 413, every time (not a reset connection)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push(statusOf(await oversizedInPieces(4096 + i * 1024, 2)))
    expect(statuses).toEqual(statuses.map(() => 413))
    expect((await call(host.port, '/api/scenario.list', { headers: auth, body: '{}' })).status).toBe(200)
  })

  it('answers 413 to a client that keeps sending pieces for seconds after passing the cap', { timeout: 30_000 }, async () => {
    // ≈ 2 s of sending, most of it after the refusal (the host lingers up to 3 s): the answer must still arrive, not a reset.
    const answers = await Promise.all(Array.from({ length: 4 }, () => oversizedInPieces(8192, 40, 6)))
    expect(answers.map(statusOf)).toEqual([413, 413, 413, 413])
  })

  it('caps the connections it holds and closes idle ones, and still answers afterwards', { timeout: 30_000 }, async () => {
    const sockets: Socket[] = []
    const closedAt: Promise<number>[] = []
    const loop = watchLoopDelay()
    const started = performance.now()
    for (let i = 0; i < MAX_CONNECTIONS * 3; i++) {
      const socket = connect(host.port, '127.0.0.1')
      socket.on('error', () => {})
      socket.resume()
      closedAt.push(new Promise((resolve) => socket.on('close', () => resolve(performance.now() - started))))
      sockets.push(socket)
    }
    await Promise.all(sockets.map((s) => new Promise((r) => (s.readyState === 'open' ? r(null) : s.once('connect', r).once('close', r)))))
    await new Promise((r) => setTimeout(r, 100))
    const held = await new Promise<number>((r) => host.server.getConnections((_e, n) => r(n)))
    expect(held).toBeLessThanOrEqual(MAX_CONNECTIONS)
    // Every idle connection is closed by the host (the extra ones at once, the rest after the idle time).
    const closed = await Promise.all(closedAt)
    loop.stop()
    // Plus however late this process's event loop ran meanwhile (a loaded machine made a flat bound fail).
    expect(Math.max(...closed)).toBeLessThan(IDLE_MS + 3_000 + loop.maxDelayMs())
    expect((await call(host.port, '/api/scenario.list', { headers: auth, body: '{}' })).status).toBe(200)
  })
})
