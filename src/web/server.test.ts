import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, type Services } from '../services'
import { startWebHost } from './server'
import { withLoopDelay } from './testing/loop-delay'

let services: Services
let host: Awaited<ReturnType<typeof startWebHost>>
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-web-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Chokepoint</title>')
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder')
  services = createServices({ dataDir: join(dir, 'data'), runtime: 'web', log: () => {} })
  host = await startWebHost({ dispatch: services.dispatch, rendererDir, token: 'test-token-123', maxBodyBytes: 4096, bodyTimeoutMs: 500 })
})
afterAll(async () => {
  await host.close()
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> }
function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      }
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}
const auth = { authorization: 'Bearer test-token-123', 'content-type': 'application/json' }

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect((host.server.address() as { address: string }).address).toBe('127.0.0.1')
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=test-token-123`)
  })

  it('answers an API call with the token', async () => {
    const r = await call('/api/scenario.list', { headers: auth, body: '{}' })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { items: [] } })
  })

  it('refuses API calls without or with a wrong token (403)', async () => {
    expect((await call('/api/scenario.list', { body: '{}' })).status).toBe(403)
    const wrong = await call('/api/scenario.list', { headers: { authorization: 'Bearer test-token-124' }, body: '{}' })
    expect(wrong.status).toBe(403)
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('refuses foreign Host and Origin headers', async () => {
    expect((await call('/api/scenario.list', { headers: { ...auth, host: 'evil.example:80' }, body: '{}' })).status).toBe(403)
    expect((await call('/', { method: 'GET', headers: { host: 'attacker.test' } })).status).toBe(403)
    expect((await call('/api/scenario.list', { headers: { ...auth, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403)
  })

  it('gives a validation error for malformed input and stays up', async () => {
    const bad = await call('/api/scenario.save', { headers: auth, body: '{"doc": 5}' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const notJson = await call('/api/scenario.list', { headers: auth, body: '{not json' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await call('/api/scenario.list', { headers: auth, body: '{}' })).status).toBe(200)
  })

  it('refuses oversized bodies with 413', async () => {
    const r = await call('/api/scenario.list', { headers: auth, body: JSON.stringify({ query: 'x'.repeat(10_000) }) })
    expect(r.status).toBe(413)
  })

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await call('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    const escape = await call('/..%2Fsecret.txt', { method: 'GET' })
    expect(escape.status).toBe(404)
    expect(escape.body).not.toContain('outside the renderer folder')
  })

  it('cuts off a client that never finishes its body', async () => {
    const started = performance.now()
    const { value: r, maxDelayMs } = await withLoopDelay(
      () =>
        new Promise<number>((resolve) => {
          const req = request({ host: '127.0.0.1', port: host.port, path: '/api/scenario.list', method: 'POST', headers: { ...auth, host: `127.0.0.1:${host.port}`, 'content-length': '100' } }, (res) => resolve(res.statusCode ?? 0))
          req.on('error', () => resolve(-1))
          req.write('{"qu')
        })
    )
    expect([408, -1]).toContain(r)
    // The 500 ms deadline with 2.5 s to spare, plus however late this process's event loop ran meanwhile
    // (a loaded machine made a flat 3 s fail; see withLoopDelay).
    expect(performance.now() - started).toBeLessThan(3000 + maxDelayMs)
  })
})
