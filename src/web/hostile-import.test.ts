import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScenario, parseScenarioDoc } from '../core'
import { model } from '../shared/dataset'
import type { Result } from '../shared/result'
import { createServices, type Services } from '../services'
import { startWebHost } from './server'
import { databaseDigest, expectCleanRefusal, prototypeSnapshot } from './testing/hostile'
import { call } from './testing/http'
import { cpuMsAsync } from '../core/testing/cpu-time'

/**
 * Hostile scenario files on import, through dispatch (the desktop app's IPC) and over HTTP (the web host's
 * upload), plus the core's `parseScenarioDoc` on its own. The file checks themselves belong to the library
 * (src/services/scenario-files.ts) and the model (src/core/scenario/upgrade.ts); this suite holds them to
 * the boundary's promises: a clear refusal, a bounded answer, nothing written, the host still up.
 */
let services: Services
let host: Awaited<ReturnType<typeof startWebHost>>
let dir: string
let digest: string
const protoBefore = prototypeSnapshot()
const TOKEN = 'import-token-0123456789'
const good = defaultScenario(model, 'Imported')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cp-import-'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Chokepoint</title>')
  services = createServices({ dataDir: join(dir, 'data'), runtime: 'web', log: () => {} })
  await services.dispatch('scenario.save', { doc: defaultScenario(model, 'Existing work') })
  digest = databaseDigest(services.dbFile)
  host = await startWebHost({ dispatch: services.dispatch, rendererDir: join(dir, 'renderer'), token: TOKEN })
})
afterAll(async () => {
  await host.close()
  services.close()
  rmSync(dir, { recursive: true, force: true })
})

const importing = (contents: string, name = 'hostile.chokepoint.json') => ({ files: [{ name, contents }] })
/**
 * Refused, within `withinMs` of this process's CPU time. CPU, not wall time: the bound is about the work a
 * hostile file makes the host do (parse, check, refuse), and a loaded machine stretched the wall time of
 * the same work past it. The dispatch runs in this process, so its CPU time is what is counted. Measured at
 * load 10: ≤ 205 ms (a million levels of nesting), most under 50 ms; the bounds were 3–5 s of wall time.
 */
async function refusedQuickly(input: unknown, code: string | string[], withinMs = 1_000) {
  const { ms, value: result } = await cpuMsAsync(() => services.dispatch('scenario.importFile', input))
  expect(ms).toBeLessThan(withinMs)
  expectCleanRefusal(result, (c) => expect([code].flat()).toContain(c))
  if (!result.ok) expect(result.error.message.length).toBeLessThanOrEqual(8000)
  return result as Extract<Result<unknown>, { ok: false }>
}
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

describe('hostile scenario files on import', () => {
  it('refuses a 50 MB file at the boundary, over IPC and over HTTP, without reading it into the library', async () => {
    const fifty = ' '.repeat(50 * 1024 * 1024)
    await refusedQuickly(importing(fifty), 'invalid_input')
    const reply = await call(host.port, '/api/scenario.importFile', { headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(importing(fifty)) })
    expect(reply.status).toBe(413)
  })

  it('refuses a file over the import limit with a message naming the limit', async () => {
    const padded = JSON.stringify(good).replace('{', `{${' '.repeat(6_000_000)}`)
    const r = await refusedQuickly(importing(padded), 'too_large')
    expect(r.error.message).toMatch(/largest scenario file accepted is 5 MB/)
  })

  it('refuses a zip-bomb-like document (a million levels of nesting) as invalid, quickly', async () => {
    const bomb = `{"format":"chokepoint.scenario","schemaVersion":1,"name":"Bomb","notes":${deep(1_000_000)}}`
    const r = await refusedQuickly(importing(bomb), 'invalid_input')
    expect(r.error.message).toMatch(/notes/)
    const nestedObjects = `{"format":"chokepoint.scenario","schemaVersion":1,"name":"Bomb","overrides":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`
    await refusedQuickly(importing(nestedObjects), 'invalid_input')
  })

  it('bounds the answer to a bundle of a thousand broken scenarios', async () => {
    const bundle = JSON.stringify({ format: 'chokepoint.bundle', bundleVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', scenarios: Array.from({ length: 1000 }, () => ({ format: 'chokepoint.scenario', schemaVersion: 1, name: 'x'.repeat(500) })) })
    await refusedQuickly(importing(bundle), 'invalid_input')
  })

  it('refuses too many files, future versions, prototype keys and non-JSON, naming each problem', async () => {
    await refusedQuickly({ files: Array.from({ length: 21 }, (_, i) => ({ name: `f${i}.chokepoint.json`, contents: JSON.stringify(good) })) }, 'invalid_input')
    const newer = await refusedQuickly(importing(JSON.stringify({ ...good, schemaVersion: 99 })), 'invalid_input')
    expect(newer.error.message).toMatch(/newer version of Chokepoint/)
    await refusedQuickly(importing('{"format":"chokepoint.bundle","bundleVersion":1,"__proto__":{"polluted":true},"scenarios":[]}'), 'invalid_input')
    const notJson = await refusedQuickly(importing('{"format": "chokepoint.scenario", NaN}'), 'invalid_input')
    expect(notJson.error.message).toMatch(/not valid JSON .*line 1, column/)
    await refusedQuickly(importing('\u0000'.repeat(1000)), 'invalid_input')
    await refusedQuickly({ files: [{ name: 'n'.repeat(301), contents: '{}' }] }, 'invalid_input')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a file whose format marker is nested a hundred thousand levels deep never crashes or writes', async () => {
    const r = await refusedQuickly(importing(`{"format":${deep(100_000)}}`), 'invalid_input')
    expect(r.error.message).toMatch(/not a Chokepoint scenario file \(its format is an array/)
  })

  it('after all of it: the library is unchanged, no prototype polluted, and a good file still imports', async () => {
    expect(databaseDigest(services.dbFile)).toBe(digest)
    expect(prototypeSnapshot()).toBe(protoBefore)
    const ok = await services.dispatch('scenario.importFile', importing(JSON.stringify(good)))
    expect(ok).toMatchObject({ ok: true, value: { imported: [{ name: 'Imported' }] } })
  })
})

describe('parseScenarioDoc (src/core) under hostile documents', () => {
  it('answers deep nesting, huge values and prototype keys with errors, not exceptions', () => {
    const cases: unknown[] = [
      JSON.parse(`{"format":"chokepoint.scenario","schemaVersion":1,"notes":${deep(1_000_000)}}`),
      JSON.parse(`{"measures":[${'{"params":'.repeat(50_000)}1${'}'.repeat(50_000)}]}`), // the prototype (v0) format, upgraded first
      { ...good, name: 'n'.repeat(5_000_000) },
      { ...good, seed: NaN },
      { ...good, horizon: { start: '2025-Q1', quarters: Infinity } },
      JSON.parse(`{"format":"chokepoint.scenario","schemaVersion":1,"__proto__":{"polluted":true}}`),
      { ...good, measures: new Array(1_000_000).fill(good.measures[0]) },
      null,
      'text',
      []
    ]
    for (const input of cases) {
      const parsed = parseScenarioDoc(input)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.errors.length).toBeGreaterThan(0)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(parseScenarioDoc(JSON.parse(JSON.stringify(good)))).toMatchObject({ ok: true })
    // A "__proto__" key inside a record is dropped by the schema, never turned into a prototype.
    const sneaky = parseScenarioDoc({ ...JSON.parse(JSON.stringify(good)), overrides: JSON.parse('{"__proto__":{"polluted":1}}') })
    expect(sneaky.ok).toBe(true)
    if (sneaky.ok) {
      expect(Object.getPrototypeOf(sneaky.doc.overrides)).toBe(Object.prototype)
      expect(Object.keys(sneaky.doc.overrides)).not.toContain('__proto__')
    }
  })
})
