import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, defaultScenario, evaluateView } from '../core'
import { model } from '../shared/dataset'
import { exportCommand } from './export-command'
import { pngSize } from '../services/export/testing/png'
import { readDeck } from '../services/export/testing/pptx'
import { parseCsv } from '../services/export/testing/csv'

const dirs: string[] = []
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-cli-export-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  return exportCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }))
}

function scenarioFile(dir: string, name: string) {
  const file = join(dir, `${name}.chokepoint.json`)
  writeFileSync(file, JSON.stringify(defaultScenario(model, name)))
  return file
}

describe('cli export', () => {
  it('writes a deck whose charts hold the model’s numbers', async () => {
    const dir = temp()
    const r = await run([scenarioFile(dir, 'Workshop A'), '--format', 'pptx', '--out', join(dir, 'deck.pptx')])
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toMatch(/wrote .*deck\.pptx \(\d+ KB\)/)
    const deck = await readDeck(readFileSync(join(dir, 'deck.pptx')))
    const dy = deck.charts[0].series.find((s) => s.name === CHANNEL_LABELS.dy_tb)
    expect(dy?.values).toEqual(evaluateView(model, defaultScenario(model, 'Workshop A')).economies.us.defense.byChannel.dy_tb)
  })

  it('exports every scenario of a folder, three charts each, into a folder', async () => {
    const dir = temp()
    const scenarios = join(dir, 'workshop')
    mkdirSync(scenarios)
    scenarioFile(scenarios, 'Alpha')
    scenarioFile(scenarios, 'Beta')
    const out = join(dir, 'out')
    const r = await run([scenarios, '--format', 'png', '--out', out, '--scale', '2', '--economy', 'cn'])
    expect(r.code).toBe(0)
    const files = readdirSync(out).sort()
    expect(files).toEqual(['alpha', 'beta'].flatMap((n) => ['autos', 'defense', 'electronics'].map((s) => `${n}_${s}-exposure-cn@2x.png`)).sort())
    expect(pngSize(readFileSync(join(out, files[0])))).toEqual({ width: 3840, height: 2160 })
  })

  it('writes the all-series CSV without --sector, and one chart’s data with it', async () => {
    const dir = temp()
    const file = scenarioFile(dir, 'Gamma')
    expect((await run([file, '--format', 'csv', '--out', join(dir, 'all.csv')])).code).toBe(0)
    expect(parseCsv(readFileSync(join(dir, 'all.csv'), 'utf8'))[0].slice(0, 2)).toEqual(['Scenario', 'Quarter'])
    expect((await run([file, '--format', 'csv', '--sector', 'autos', '--out', join(dir, 'autos.csv')])).code).toBe(0)
    expect(parseCsv(readFileSync(join(dir, 'autos.csv'), 'utf8'))[0][0]).toBe('Quarter')
  })

  it('scales each sector chart to its data with --axis each, and refuses an unknown axis', async () => {
    const dir = temp()
    const file = scenarioFile(dir, 'Eta')
    const maxes = async (args: string[]) => {
      const out = join(dir, `deck${args.join('-')}.pptx`)
      expect((await run([file, '--format', 'pptx', '--out', out, ...args])).code).toBe(0)
      const deck = await readDeck(readFileSync(out))
      return deck.charts.slice(0, 3).map((c) => Number(/<c:valAx>[\s\S]*?<c:max val="([\d.]+)"\/>/.exec(c.xml)?.[1]))
    }
    const shared = await maxes([])
    const each = await maxes(['--axis', 'each'])
    expect(new Set(shared).size).toBe(1)
    expect(Math.max(...each)).toBe(shared[0])
    expect(new Set(each).size).toBeGreaterThan(1)
    const bad = await run([file, '--format', 'pptx', '--axis', 'log', '--out', join(dir, 'x.pptx')])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('axis')
  })

  it('refuses a scenario file whose name holds a character XML forbids, naming it', async () => {
    const dir = temp()
    const file = join(dir, 'word.chokepoint.json')
    writeFileSync(file, JSON.stringify(defaultScenario(model, 'Pasted\u000Bfrom Word')))
    const r = await run([file, '--format', 'pptx', '--out', join(dir, 'x.pptx')])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/name.*U\+000B at position 7/)
    expect(readdirSync(dir)).toEqual(['word.chokepoint.json'])
  })

  it('names what is wrong in a bad scenario file and writes nothing', async () => {
    const dir = temp()
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ ...defaultScenario(model, 'Bad'), horizon: { start: '2025-Q5', quarters: 24 } }))
    const r = await run([bad, '--format', 'svg', '--sector', 'defense', '--out', join(dir, 'x.svg')])
    expect(r.code).toBe(2)
    expect(r.err).toContain('horizon.start')
    expect(readdirSync(dir)).toEqual(['bad.json'])
  })

  it('refuses unclear usage with the usage text', async () => {
    const dir = temp()
    const file = scenarioFile(dir, 'Delta')
    const noSector = await run([file, '--format', 'png', '--out', join(dir, 'one.png')])
    expect(noSector.code).toBe(2)
    expect(noSector.err).toMatch(/3 files would be written|--out must be a folder/)
    const badFormat = await run([file, '--format', 'docx', '--out', join(dir, 'x.docx')])
    expect(badFormat.code).toBe(2)
    expect(badFormat.err).toContain('Usage: npm run cli -- export')
  })

  it('fails with exit code 1 and no half-written file when the target cannot be written', async () => {
    const dir = temp()
    const file = scenarioFile(dir, 'Epsilon')
    const r = await run([file, '--format', 'svg', '--sector', 'defense', '--out', join(dir, 'missing', 'x.svg')])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/“Epsilon”: Could not write .*x\.svg: the folder does not exist/)
    expect(readdirSync(dir)).toEqual(['Epsilon.chokepoint.json'])
  })

  it('writes into an existing folder under the suggested name', async () => {
    const dir = temp()
    const file = scenarioFile(dir, 'Zeta')
    const target = join(dir, 'charts.svg')
    mkdirSync(target)
    expect((await run([file, '--format', 'svg', '--sector', 'defense', '--out', target])).code).toBe(0)
    expect(readdirSync(target)).toEqual(['zeta_defense-exposure-us.svg'])
  })
})
