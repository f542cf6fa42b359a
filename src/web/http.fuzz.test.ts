import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import type { Result } from '../shared/result'
import { createServices, type Services } from '../services'
import { startWebHost } from './server'
import { databaseDigest, expectCleanRefusal, hostileValue, isValidInput, METHODS, nearMiss, prototypeSnapshot, validSeeds } from './testing/hostile'
import { call, rawExchange, statusOf, type Reply } from './testing/http'

/**
 * The same hostile inputs as dispatch.fuzz.test.ts, but as a browser or script would send them: JSON bodies
 * (and bodies that are not quite JSON) posted to the real web host over loopback.
 */
let services: Services
let host: Awaited<ReturnType<typeof startWebHost>>
let dir: string
let id: string
let digestBefore: string
const protoBefore = prototypeSnapshot()
const TOKEN = 'fuzz-token-0123456789'
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-httpfuzz-'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Chokepoint</title>')
  services = createServices({ dataDir: join(dir, 'data'), runtime: 'web', log: () => {} })
  const saved = await services.dispatch('scenario.save', { doc: defaultScenario(model, 'Existing work') })
  if (!saved.ok) throw new Error(saved.error.message)
  id = (saved.value as { id: string }).id
  digestBefore = databaseDigest(services.dbFile)
  host = await startWebHost({ dispatch: services.dispatch, rendererDir: join(dir, 'renderer'), token: TOKEN })
})
afterAll(async () => {
  await host.close()
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

const post = (method: string, body: string | Buffer) => call(host.port, `/api/${encodeURIComponent(method)}`, { headers: auth, body })

/** A refusal over HTTP: 200 with the dispatch refusal, or 400 for a body that is not JSON; never a 5xx. */
function expectRefused(reply: Reply, code = 'invalid_input') {
  expect(reply.status, reply.body.slice(0, 200)).toBeLessThan(500)
  const result = JSON.parse(reply.body) as Result<unknown>
  expectCleanRefusal(result, (c) => expect(c).toBe(code))
}

/** JSON text of a value, or null when JSON cannot carry it (BigInt, cycles). */
const asJson = (v: unknown): string | null => {
  try {
    return JSON.stringify(v) ?? null
  } catch {
    return null
  }
}

describe('web host API under hostile bodies (every contract method)', () => {
  for (const method of METHODS) {
    it(`${method}: hostile JSON bodies get a clean refusal`, async () => {
      const seed = validSeeds(id)[method] ?? {}
      await fc.assert(
        fc.asyncProperty(fc.oneof(nearMiss(seed), hostileValue), async (input) => {
          const body = asJson(input)
          fc.pre(body !== null && !isValidInput(method, JSON.parse(body)))
          expectRefused(await post(method, body!))
        }),
        { numRuns: 12 }
      )
    })

    it(`${method}: bodies that are not JSON, or that JSON turns into Infinity, are refused`, async () => {
      for (const body of ['{"a":NaN}', '{"query": Infinity}', '{"id": -Infinity}', "{'a': 1}", '[', '{"a":1', 'undefined', '\ufeff{}', '{"a":1}{"b":2}']) {
        const reply = await post(method, body)
        expect(reply.status, body).toBe(400)
        expectRefused(reply)
      }
      expectRefused(await post(method, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))
      for (const body of ['null', '42', '"text"', 'true', '[]', '{"seed": 1e400, "id": 1e400}', '{"__proto__": {"polluted": true}}', `{"constructor": {"prototype": {"polluted": true}}}`])
        if (!isValidInput(method, JSON.parse(body))) expectRefused(await post(method, body))
    })
  }

  it('survives deep nesting, a body just under the size limit and a flood of hostile requests at once', async () => {
    expectRefused(await post('scenario.save', `${'['.repeat(200_000)}${']'.repeat(200_000)}`))
    expectRefused(await post('scenario.save', `{"doc": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`))
    expectRefused(await post('scenario.list', JSON.stringify({ query: 'q'.repeat(15 * 1024 * 1024) })))
    expectRefused(await post('scenario.importFile', JSON.stringify({ files: [{ name: 'big.chokepoint.json', contents: ' '.repeat(12_000_000) }] })))
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => post(METHODS[i % METHODS.length], i % 2 ? '{"a":NaN}' : JSON.stringify({ __bad: i }))))
    for (const reply of flood) expectRefused(reply)
    expect((await post('scenario.list', '{}')).status).toBe(200)
  })

  it('refuses prototype and malformed method names in the URL without a server error', async () => {
    for (const path of ['/api/__proto__', '/api/constructor', '/api/toString', '/api/%E0%A4%A', '/api/%', `/api/${'m'.repeat(5_000)}`, '/api/scenario.list%00', '/api/', '/api/..%2fapp.info']) {
      const reply = await call(host.port, path, { headers: auth, body: '{}' })
      expect(reply.status, path).toBeLessThan(500)
      expectRefused(reply, 'unknown_method')
    }
  })

  it('answers a request line and headers that are not HTTP with a 400 and stays up', async () => {
    for (const bytes of ['GARBAGE\r\n\r\n', 'POST /api/app.info HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\n\r\n`, '\u0000\u0001\u0002\r\n\r\n']) {
      const { text } = await rawExchange(host.port, bytes, 3_000)
      expect([400, 403, 414, 431], JSON.stringify(text.slice(0, 80))).toContain(statusOf(text))
    }
    expect((await post('app.info', '{}')).status).toBe(200)
  })

  it('after all of it: the database is unchanged and no prototype was polluted', () => {
    expect(databaseDigest(services.dbFile)).toBe(digestBefore)
    expect(prototypeSnapshot()).toBe(protoBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
