import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultScenario } from '../core/index'
import { bandSimulation } from '../shared/bands'
import { model, uncertainty } from '../shared/dataset'
import { main } from './index'

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-variance-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const capture = async (argv: string[]) => {
  let out = ''
  let err = ''
  const code = await main(argv, { stdout: (s) => { out += s }, stderr: (s) => { err += s } }, model)
  return { code, out, err }
}
const file = join(dir, 'default.json')
writeFileSync(file, JSON.stringify(defaultScenario(model)))

describe('cli variance', () => {
  it('prints the factors that drive the band, largest first, with intervals and totals', async () => {
    const r = await capture(['variance', file, '--sector', 'defense', '--kpi', 'quarter', '--quarter', '2028-Q1', '--samples', '32'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/what drives the band of exposure in 2028-Q1, us defense/)
    expect(r.out).toMatch(/Beijing posture and policy/)
    expect(r.out).toMatch(/N = 32, \d+ engine runs, seeded/)
    const shares = [...r.out.matchAll(/^\S.*?\s(-?\d+) %\s+\(/gm)].map((m) => Number(m[1]))
    expect(shares.length).toBeGreaterThanOrEqual(6)
    expect([...shares].sort((a, b) => b - a)).toEqual(shares)
    // Same seed, same figures.
    expect((await capture(['variance', file, '--kpi', 'quarter', '--quarter', '2028-Q1', '--samples', '32'])).out).toBe(r.out)
  })

  it('gives JSON and refuses bad flags with a readable message', async () => {
    const j = await capture(['variance', file, '--kpi', 'mean', '--samples', '16', '--format', 'json', '--structure', 'correlated'])
    expect(j.code).toBe(0)
    const parsed = JSON.parse(j.out)
    expect(parsed.samples).toBe(16)
    expect(parsed.factors.find((f: { id: string }) => f.id === 'beijing').total).toBe(0)
    const bad = await capture(['variance', file, '--kpi', 'median'])
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/--kpi must be one of peak, mean, cost-peak, quarter, not "median"/)
  })
})

describe('cli run and the app agree', () => {
  it('--samples 200 reproduces the app’s bands byte for byte', async () => {
    const out = join(dir, 'run.json')
    const r = await capture(['run', file, '--format', 'json', '--samples', '200', '--out', out])
    expect(r.code).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8'))
    const app = bandSimulation(model, uncertainty, defaultScenario(model))
    expect(JSON.stringify(report.runs[0].bands)).toBe(JSON.stringify(app))
  })

  it('--structure independent narrows the US electronics 2030-Q4 band against the full structure', async () => {
    const width = async (structure: string) => {
      const out = join(dir, `${structure}.json`)
      await capture(['run', file, '--format', 'json', '--samples', '150', '--structure', structure, '--out', out])
      const b = JSON.parse(readFileSync(out, 'utf8')).runs[0].bands
      const h = b.quarters.indexOf('2030-Q4')
      return b.economies.us.electronics.exposure.p90[h] - b.economies.us.electronics.exposure.p10[h]
    }
    expect(await width('full')).toBeGreaterThan(await width('independent'))
  })
})
