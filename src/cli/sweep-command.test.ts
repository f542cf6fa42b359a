import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultScenario, evaluateView, kpis, shiftedDoc } from '../core/index'
import { model } from '../shared/dataset'
import { main } from './index'

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-sweep-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const run = async (argv: string[]) => {
  let out = ''
  let err = ''
  const code = await main(argv, { stdout: (s) => { out += s }, stderr: (s) => { err += s } }, model)
  return { code, out, err }
}
const doc = defaultScenario(model, 'CLI sweep')
const file = join(dir, 'scenario.json')
writeFileSync(file, JSON.stringify(doc))

describe('cli sweep', () => {
  it('prints the sweep as CSV: one row per shift, the KPI of the shifted scenario', async () => {
    const r = await run(['sweep', file, '--measure', 'cn-mofcom-57', '--quarters', '2', '--kpi', 'meanExposure', '--sector', 'electronics'])
    expect(r.code).toBe(0)
    const rows = r.out.trim().split('\r\n').map((l) => l.split(','))
    expect(rows[0]).toEqual(['Shift (quarters)', 'Start date', 'Average exposure (index 0–100)'])
    expect(rows.slice(1).map((x) => x[0])).toEqual(['-2', '-1', '0', '1', '2'])
    const shifted = shiftedDoc(model, doc, { kind: 'measure', id: 'cn-mofcom-57' }, 2)!.doc
    // The scenario as the app's charts show it (its branch view), as every sweep reads it.
    expect(Number(rows[5][2])).toBeCloseTo(kpis(evaluateView(model, shifted).economies.us.electronics, 20).meanExposure, 9)
    expect(rows[5][1]).toBe('2026-05-08')
  })

  it('writes a PNG with --out, and explains usage errors with exit code 2', async () => {
    const png = join(dir, 'sweep.png')
    const r = await run(['sweep', file, '--measure', 'cn-mofcom-18', '--format', 'png', '--out', png])
    expect(r.code).toBe(0)
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
    expect((await run(['sweep', file])).err).toMatch(/exactly one of --measure ID or --trigger ID/)
    const bad = await run(['sweep', file, '--measure', 'cn-mofcom-18', '--quarters', '30'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--quarters/)
    const missing = await run(['sweep', file, '--trigger', 't-1'])
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/no trigger “t-1”/) })
  })
})
