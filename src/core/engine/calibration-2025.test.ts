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
 * tolerance. The Model-1 engine failed six of them (no restocking overshoot, no US lag, no legacy-chip
 * channel, defence drawing pro rata); Model 2 meets all but the two in OPEN_GAPS.
 */
/**
 * Checks the model does not meet yet, each with the reason — stated here rather than skipped, and held by a
 * test that fails as soon as one is met, so it moves back among the strict checks. The Nexperia stop covers
 * 15 % of legacy-chip flows at a China share of 0.3 against 0.8 months of cover pooled across parts, so almost
 * nothing goes unmet in Q4; it needs cover per part (a follow-up issue). `npm run calibrate` prints them as FAIL.
 */
const OPEN_GAPS = new Set(['autos-q4-stoppages', 'autos-q4-legacy-chips'])
const parsed = parseScenarioDoc(calibrationJson)
if (!parsed.ok) throw new Error(`calibration scenario invalid: ${JSON.stringify(parsed.errors)}`)
const report = compareCalibration(evaluateView(shippedModel(), parsed.doc), parseObserved(observedJson))

describe('calibration: the model against 2025 (strict)', () => {
  for (const c of report.checks.filter((x) => !OPEN_GAPS.has(x.id))) {
    it(`${c.label}: model within ${c.low.toFixed(2)}–${c.high.toFixed(2)} (observed ${c.observed})`, () => {
      expect(c.model, `${c.id}: ${c.why}`).toBeGreaterThanOrEqual(c.low)
      expect(c.model, `${c.id}: ${c.why}`).toBeLessThanOrEqual(c.high)
    })
  }

  it('the open gaps are still open (when one is met, move it back among the strict checks)', () => {
    const open = report.checks.filter((c) => OPEN_GAPS.has(c.id))
    expect(open.map((c) => c.id).sort()).toEqual([...OPEN_GAPS].sort())
    for (const c of open) expect(c.model >= c.low && c.model <= c.high, `${c.id} is met now (${c.model})`).toBe(false)
  })

  it('covers every target named in issue 11 item 5', () => {
    expect(report.checks.map((c) => c.id).sort()).toEqual([
      'autos-q1-quiet', 'autos-q2-stoppages', 'autos-q3-stoppages', 'autos-q4-legacy-chips', 'autos-q4-stoppages',
      'defence-no-collapse', 'q2-trough-global', 'q2-trough-us', 'q3-overshoot-global', 'q4-overshoot-global',
      'q4-us-lag', 'q4-us-level', 'year-global', 'year-us'
    ])
  })
})
