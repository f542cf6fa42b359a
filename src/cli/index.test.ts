import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultScenario } from '../core/index'
import { guessShare } from './guess-count'
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

  it('explains broken JSON with its line and column, and newer versions', async () => {
    expect((await capture(['validate', writeDoc('broken.json', '{ "name": ')])).err).toMatch(/not valid JSON \(the problem is at the end of the file/)
    const midway = await capture(['validate', writeDoc('comma.json', '{\n  "name": "x",\n  "seed": 1,\n}\n')])
    expect(midway.code).toBe(1)
    expect(midway.err).toContain('not valid JSON (the problem is at line 4, column 1)')
    const run = await capture(['run', writeDoc('comma2.json', '{\n  "name": oops\n}')])
    expect(run.code).toBe(1)
    expect(run.err).toContain('line 2, column 11')
    const newer = await capture(['validate', writeDoc('newer.json', { ...defaultScenario(model), schemaVersion: 99 })])
    expect(newer.code).toBe(1)
    expect(newer.err).toMatch(/newer version of Chokepoint/)
  })
})

/** A ranged assumption and a value above its range. */
const ranged = model.assumptions.find((a) => a.low !== undefined && a.high !== undefined && a.high > a.low)
if (!ranged || ranged.high === undefined || ranged.low === undefined) throw new Error('no ranged assumption')
const tooHigh = ranged.high + (ranged.high - ranged.low)

describe('cli input checks (issue 11 item 7)', () => {
  it('validate reports an override outside its range, with the range and the value used (exit 1)', async () => {
    const r = await capture(['validate', writeDoc('range.json', { ...defaultScenario(model), overrides: { [ranged.id]: tooHigh } })])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`overrides.${ranged.id}: ${tooHigh} is outside the documented range ${ranged.low}–${ranged.high}`)
    expect(r.err).toContain(`the model uses ${ranged.high}`)
  })

  it('run warns and runs the clamped value: same CSV and same bands as the range end', async () => {
    const above = await capture(['run', writeDoc('above.json', { ...defaultScenario(model), overrides: { [ranged.id]: tooHigh } }), '--samples', '16'])
    const atEnd = await capture(['run', writeDoc('end.json', { ...defaultScenario(model), overrides: { [ranged.id]: ranged.high } }), '--samples', '16'])
    expect(above.code).toBe(0)
    expect(above.err).toMatch(/^warning: .*above\.json: overrides\./m)
    expect(above.out.replaceAll('above.json', 'end.json')).toBe(atEnd.out)
  })

  it('run refuses an unknown measure id (exit 1, nothing printed), as import does', async () => {
    const doc = defaultScenario(model)
    doc.measures.push({ id: 'cn-mofcom-99', enabled: true, params: {}, start: '2026-01-01', end: null, suspensions: [] })
    const r = await capture(['run', writeDoc('unknown-run.json', doc)])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toContain(`measures[${doc.measures.length - 1}].id: unknown measure "cn-mofcom-99"`)
  })

  it('prints how many inputs are GUESS and their share (validate on stdout, run on stderr)', async () => {
    const c = guessShare(model)
    const share = Math.round((100 * c.guess) / c.total)
    const v = await capture(['validate', writeDoc('g.json', defaultScenario(model))])
    expect(v.out).toContain(`GUESS inputs (dataset ${model.datasetVersion}): ${c.guess} of ${c.total} (${share} %)`)
    const r = await capture(['run', writeDoc('g2.json', defaultScenario(model))])
    expect(r.err).toContain(`${c.guess} of ${c.total} (${share} %)`)
    expect(r.out).not.toContain('GUESS')
  })

  it('guessShare: GUESS counts from the provenance module, over every assumption, measure parameter and allied project', () => {
    const c = guessShare(model)
    expect(c.total).toBe(model.assumptions.length + model.measures.reduce((n, m) => n + m.params.length, 0) + model.projects.length)
    expect(c.assumptions.guess).toBe(model.assumptions.filter((a) => /\bGUESS\b/.test(a.source)).length)
    expect(c.guess).toBe(c.assumptions.guess + c.params.guess + c.projects.guess)
    const one = { ...model, assumptions: model.assumptions.map((a, i) => (i === 0 ? { ...a, source: 'GUESS — a rationale long enough to pass' } : a)) }
    const wasGuess = /\bGUESS\b/.test(model.assumptions[0]?.source ?? '')
    expect(guessShare(one).guess).toBe(c.guess + (wasGuess ? 0 : 1))
  })

  it('exit codes as a real process: 1 for an unknown measure on run, 2 for usage', () => {
    const doc = defaultScenario(model)
    doc.measures.push({ id: 'us-nope', enabled: true, params: {}, start: '2026-01-01', end: null, suspensions: [] })
    const file = writeDoc('proc-unknown.json', doc)
    const bad = spawnSync('npx', ['tsx', 'src/cli/index.ts', 'run', file], { encoding: 'utf8' })
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('unknown measure "us-nope"')
    expect(spawnSync('npx', ['tsx', 'src/cli/index.ts'], { encoding: 'utf8' }).status).toBe(2)
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
