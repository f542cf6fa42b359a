import { describe, expect, it } from 'vitest'
import observedJson from '../../../resources/data/observed-2025.json'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import type { EngineResult } from '../engine/types'
import { shippedModel } from '../testing/fixtures'
import { compareCalibration, TOLERANCE } from './compare'
import { observedRatios, parseObserved, quarterOfMonth } from './observed'

const observed = parseObserved(observedJson)
const model = shippedModel()
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** A 2025 run of the engine whose export diagnostics are then set by hand, to test the comparison itself. */
const runWith = (global: number[], usBound: number[]): EngineResult => {
  const doc = { ...defaultScenario(model), horizon: { start: '2025-Q1', quarters: 4 } }
  const r = structuredClone(evaluate(model, doc))
  r.diagnostics.magnetExportsIndex = { global, usBound }
  return r
}
const exact = () => {
  const g = observedRatios(observed.flows.global).quarter
  const u = observedRatios(observed.flows.usBound).quarter
  return runWith([...g], [...u])
}

describe('observed 2025 data', () => {
  it('adds up: months to quarters, quarters to the year, 2024 quarters to the 2024 total (to 1 t)', () => {
    for (const flow of [observed.flows.global, observed.flows.usBound]) {
      for (const q of flow.quarters) {
        const months = flow.months.filter((m) => quarterOfMonth(m.month) === q.quarter)
        if (months.length === 3) expect(sum(months.map((m) => m.tonnes))).toBeCloseTo(q.tonnes, 0)
      }
      expect(Math.abs(sum(flow.quarters.map((q) => q.tonnes)) - flow.year.tonnes)).toBeLessThanOrEqual(1)
      expect(Math.abs(sum(flow.base2024.quarters.map((q) => q.tonnes)) - flow.base2024.year.tonnes)).toBeLessThanOrEqual(1)
    }
  })

  it('reproduces the review\'s ratios (Q2 ≈ 0.48 global, ≈ 0.36 US; year 0.99 and 0.80)', () => {
    const g = observedRatios(observed.flows.global)
    const u = observedRatios(observed.flows.usBound)
    expect(g.quarter[1]).toBeCloseTo(0.48, 2)
    expect(u.quarter[1]).toBeCloseTo(0.36, 2)
    expect(g.year).toBeCloseTo(0.987, 2)
    expect(u.year).toBeCloseTo(0.797, 2)
  })

  it('refuses malformed data with the path of the problem', () => {
    const bad = structuredClone(observedJson) as { flows: { global: { months: { tonnes: unknown }[] } } }
    ;(bad.flows.global.months[0] as { tonnes: unknown }).tonnes = -5
    expect(() => parseObserved(bad)).toThrow(/flows\.global\.months\.0\.tonnes/)
  })
})

describe('compareCalibration', () => {
  it('a model that matches the observed ratios passes every flow check', () => {
    const report = compareCalibration(exact(), observed)
    const flowChecks = report.checks.filter((c) => c.id.startsWith('q') || c.id.startsWith('year'))
    expect(flowChecks.length).toBe(8)
    for (const c of flowChecks) expect(c.pass, c.id).toBe(true)
    expect(report.global[4]?.model).toBeCloseTo(observedRatios(observed.flows.global).year, 6)
  })

  it('a model without the restocking overshoot fails Q3/Q4 (flat at the 2024 level)', () => {
    const g = observedRatios(observed.flows.global).quarter
    const u = observedRatios(observed.flows.usBound).quarter
    const report = compareCalibration(runWith([g[0] as number, g[1] as number, 1, 1], [...u]), observed)
    const byId = new Map(report.checks.map((c) => [c.id, c]))
    expect(byId.get('q3-overshoot-global')?.pass).toBe(false)
    expect(byId.get('q4-overshoot-global')?.pass).toBe(false)
    // …and the US lag disappears when global falls back to the US level.
    expect(byId.get('q4-us-lag')?.pass).toBe(false)
  })

  it('tolerances are the stated ones, centred on the observed figure', () => {
    const c = compareCalibration(exact(), observed).checks.find((x) => x.id === 'q2-trough-global')
    if (!c) throw new Error('q2-trough-global missing')
    expect(c.high - c.low).toBeCloseTo(2 * TOLERANCE.globalQuarter, 9)
    expect((c.high + c.low) / 2).toBeCloseTo(observedRatios(observed.flows.global).quarter[1] as number, 9)
  })

  it('maps events to their quarter and reads the exposure of that economy × sector there', () => {
    const r = exact()
    const report = compareCalibration(r, observed)
    const honda = report.events.find((e) => e.id === 'honda-celaya-nexperia')
    expect(honda?.quarter).toBe('2025-Q4')
    expect(honda?.exposure).toBe(r.economies.us.autos.exposure[3])
    const clepa = report.events.find((e) => e.id === 'clepa-lines-shut')
    expect(clepa?.quarter).toBe('2025-Q2')
    const defence = report.events.find((e) => e.kind === 'absence')
    expect(defence?.exposure).toBe(Math.max(...r.economies.us.defense.exposure.slice(0, 4)))
  })

  it('says which quarter is missing when the run does not cover 2025', () => {
    const doc = { ...defaultScenario(model), horizon: { start: '2026-Q1', quarters: 4 } }
    expect(() => compareCalibration(evaluate(model, doc), observed)).toThrow(/2025-Q1/)
  })
})
