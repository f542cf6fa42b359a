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
 * channel, defence drawing pro rata); Model 2 meets all 14. The two late-October (Nexperia) checks were open
 * gaps until legacy chips got per-part cover and a weakest-link line multiplier (docs/MODEL.md §3.4).
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

  it('the late-October stoppage comes from the Nexperia stop: without it the checks fail', () => {
    const doc = structuredClone(parsed.doc)
    // The scenario leaves the stop at its catalogue default (on, 4 Oct – 9 Nov 2025): switch it off explicitly.
    doc.measures = [...doc.measures.filter((m) => m.id !== 'cn-nexperia-stop'),
      { id: 'cn-nexperia-stop', enabled: false, params: {}, start: '2025-10-04', end: '2025-11-09', suspensions: [] }]
    const off = compareCalibration(evaluateView(shippedModel(), doc), parseObserved(observedJson))
    const get = (id: string) => off.checks.find((c) => c.id === id) as (typeof off.checks)[number]
    expect(get('autos-q4-legacy-chips').pass).toBe(false)
    expect(get('autos-q4-stoppages').pass).toBe(false)
  })

  it('covers every target named in issue 11 item 5', () => {
    expect(report.checks.map((c) => c.id).sort()).toEqual([
      'autos-q1-quiet', 'autos-q2-stoppages', 'autos-q3-stoppages', 'autos-q4-legacy-chips', 'autos-q4-stoppages',
      'defence-no-collapse', 'q2-trough-global', 'q2-trough-us', 'q3-overshoot-global', 'q4-overshoot-global',
      'q4-us-lag', 'q4-us-level', 'year-global', 'year-us'
    ])
  })
})
