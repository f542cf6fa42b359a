import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultScenario } from '../core/index'
import { loadShippedModel, main } from './index'

const model = loadShippedModel()
const dir = mkdtempSync(join(tmpdir(), 'chokepoint-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const capture = async (argv: string[]) => {
  let out = ''
  let err = ''
  const code = await main(argv, { stdout: (s) => { out += s }, stderr: (s) => { err += s } }, model)
  return { code, out, err }
}

const writeDoc = (name: string, doc: unknown): string => {
  const file = join(dir, name)
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc))
  return file
}

describe('cli validate', () => {
  it('accepts a valid scenario', async () => {
    const r = await capture(['validate', writeDoc('ok.json', defaultScenario(model))])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^OK: "As known \(baseline\)"/)
  })

  it('names the offending path of a bad file and exits non-zero', async () => {
    const bad = JSON.parse(JSON.stringify(defaultScenario(model)))
    bad.horizon.start = '2025-Q5'
    const r = await capture(['validate', writeDoc('bad.json', bad)])
    expect(r.code).toBe(1)
    expect(r.err).toContain('horizon.start')
    expect(r.err).toMatch(/YYYY-Qn/)
  })

  it('reports model-level problems (unknown measure) with their path', async () => {
    const doc = defaultScenario(model)
    doc.measures.push({ id: 'cn-mofcom-99', enabled: true, params: {}, start: '2026-01-01', end: null, suspensions: [] })
    const r = await capture(['validate', writeDoc('unknown.json', doc)])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`measures[${doc.measures.length - 1}].id`)
  })

  it('explains broken JSON and newer versions', async () => {
    expect((await capture(['validate', writeDoc('broken.json', '{ "name": ')])).err).toMatch(/not valid JSON/)
    const newer = await capture(['validate', writeDoc('newer.json', { ...defaultScenario(model), schemaVersion: 99 })])
    expect(newer.code).toBe(1)
    expect(newer.err).toMatch(/newer version of Chokepoint/)
  })
})

describe('cli run', () => {
  it('prints CSV with units in the headers, one row per quarter × economy × sector', async () => {
    const r = await capture(['run', writeDoc('one.json', defaultScenario(model))])
    expect(r.code).toBe(0)
    const lines = r.out.trim().split('\n')
    expect(lines[0]).toContain('exposure (index 0–100)')
    expect(lines[0]).toContain('cost pressure (index 0–100)')
    expect(lines.length).toBe(1 + 24 * 6)
  })

  it('runs a directory in one go, with Monte Carlo bands, to a file', async () => {
    const sub = mkdtempSync(join(dir, 'many-'))
    writeFileSync(join(sub, 'a.json'), JSON.stringify(defaultScenario(model, 'A')))
    writeFileSync(join(sub, 'b.json'), JSON.stringify({ ...defaultScenario(model, 'B'), horizon: { start: '2026-Q1', quarters: 8 } }))
    const out = join(dir, 'out.json')
    const r = await capture(['run', sub, '--format', 'json', '--samples', '20', '--out', out])
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8'))
    expect(report.runs.map((x: { name: string }) => x.name)).toEqual(['A', 'B'])
    expect(report.runs[1].quarters[0]).toBe('2026-Q1')
    expect(report.runs[0].bands.economies.us.defense.exposure.p90.length).toBe(24)
  })

  it('fails cleanly on a missing path and bad flags', async () => {
    expect((await capture(['run', join(dir, 'nope.json')])).code).toBe(1)
    expect((await capture(['run', writeDoc('x.json', defaultScenario(model)), '--format', 'xml'])).err).toMatch(/--format/)
    expect((await capture(['frobnicate'])).code).toBe(2)
  })

  it('works as a real process (npx tsx)', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/index.ts', 'validate', 'resources/scenarios/allied-build-out.chokepoint.json'], { encoding: 'utf8' })
    expect(out).toMatch(/^OK: "Allied build-out"/)
  })
})
