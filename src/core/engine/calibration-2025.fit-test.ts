import { describe, expect, it } from 'vitest'
import calibrationJson from '../../../resources/scenarios/2025-as-it-happened.chokepoint.json'
import observedJson from '../../../resources/data/observed-2025.json'
import { compareCalibration } from '../calibration/compare'
import { parseObserved } from '../calibration/observed'
import { parseScenarioDoc } from '../scenario/upgrade'
import { shippedModel } from '../testing/fixtures'
import { evaluateView } from './branches'

/**
 * The model against 2025 (docs/CALIBRATION.md): every check of `compareCalibration` with its stated
 * tolerance. STRICT: the Model-1 engine fails six of them (no restocking overshoot, no US lag, no
 * legacy-chip channel, defence drawing pro rata). This file is named `.fit-test.ts` so the suite stays
 * green until the Model-2 engine lands; enable it by renaming it to `calibration-2025.test.ts`, or run it
 * now with `npx vitest run -c vitest.calibration.config.mts`.
 */
const parsed = parseScenarioDoc(calibrationJson)
if (!parsed.ok) throw new Error(`calibration scenario invalid: ${JSON.stringify(parsed.errors)}`)
const report = compareCalibration(evaluateView(shippedModel(), parsed.doc), parseObserved(observedJson))

describe('calibration: the model against 2025 (strict)', () => {
  for (const c of report.checks) {
    it(`${c.label}: model within ${c.low.toFixed(2)}–${c.high.toFixed(2)} (observed ${c.observed})`, () => {
      expect(c.model, `${c.id}: ${c.why}`).toBeGreaterThanOrEqual(c.low)
      expect(c.model, `${c.id}: ${c.why}`).toBeLessThanOrEqual(c.high)
    })
  }

  it('covers every target named in issue 11 item 5', () => {
    expect(report.checks.map((c) => c.id).sort()).toEqual([
      'autos-q1-quiet', 'autos-q2-stoppages', 'autos-q3-stoppages', 'autos-q4-legacy-chips', 'autos-q4-stoppages',
      'defence-no-collapse', 'q2-trough-global', 'q2-trough-us', 'q3-overshoot-global', 'q4-overshoot-global',
      'q4-us-lag', 'q4-us-level', 'year-global', 'year-us'
    ])
  })
})
