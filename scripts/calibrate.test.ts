import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import calibrationJson from '../resources/scenarios/2025-as-it-happened.chokepoint.json'
import observedJson from '../resources/data/observed-2025.json'
import { evaluateView, parseScenarioDoc } from '../src/core/index'
import { compareCalibration } from '../src/core/calibration/compare'
import { parseObserved } from '../src/core/calibration/observed'
import { shippedModel } from '../src/core/testing/fixtures'

describe('npm run calibrate', () => {
  it('prints the quarterly table and every check, and exits 1 exactly when a check fails', () => {
    const parsed = parseScenarioDoc(calibrationJson)
    if (!parsed.ok) throw new Error('calibration scenario invalid')
    const report = compareCalibration(evaluateView(shippedModel(), parsed.doc), parseObserved(observedJson))
    const r = spawnSync('npx', ['tsx', 'scripts/calibrate.ts', '--no-write'], { encoding: 'utf8' })
    expect(r.stdout).toMatch(/^\| period \| global, observed \(t\)/)
    expect(r.stdout).toContain('| 2025 Q2 | 7,053 | 0.48 |')
    for (const c of report.checks) expect(r.stdout).toContain(`| ${c.label} |`)
    expect(r.stdout).not.toContain('wrote docs/')
    const failing = report.checks.filter((c) => !c.pass)
    expect(r.status).toBe(failing.length > 0 ? 1 : 0)
    for (const c of failing) expect(r.stderr).toContain(c.id)
  })
})
