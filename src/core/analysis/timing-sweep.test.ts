import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import { kpis } from './kpis'
import { shiftDate, shiftedDoc, timingSweep, SweepError } from './timing-sweep'
import { shippedModel } from '../testing/fixtures'

const model = shippedModel()

describe('shiftDate', () => {
  it('moves by whole quarters and clamps the day to the target month', () => {
    expect(shiftDate('2025-04-04', 1)).toBe('2025-07-04')
    expect(shiftDate('2025-04-04', -2)).toBe('2024-10-04')
    expect(shiftDate('2025-01-31', 1)).toBe('2025-04-30')
    expect(shiftDate('2024-11-30', 1)).toBe('2025-02-28')
    expect(shiftDate('2025-12-01', 0)).toBe('2025-12-01')
  })
})

describe('timingSweep', () => {
  const doc = defaultScenario(model)

  it('evaluates one point per shift; shift 0 is the scenario itself and each point is the KPI of the shifted scenario', () => {
    const sweep = timingSweep(model, doc, { target: { kind: 'measure', id: 'cn-mofcom-18' }, economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 4, threshold: 20 })
    expect(sweep.points.map((p) => p.shift)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4])
    expect(sweep.points[4].setting).toBe('2025-04-04')
    expect(sweep.points[0].setting).toBe('2024-04-04')
    expect(sweep.base).toBe(kpis(evaluate(model, doc).economies.us.defense, 20).peakExposure)
    const later = shiftedDoc(model, doc, { kind: 'measure', id: 'cn-mofcom-18' }, 3)!.doc
    expect(sweep.points[7].value).toBe(kpis(evaluate(model, later).economies.us.defense, 20).peakExposure)
    expect(sweep.label).toBe('REE licensing (No. 18)')
  })

  it('an earlier licensing start (within the horizon) raises the average exposure it causes (defense)', () => {
    // From 2024-Q2 on (shift ≥ −4). A start far before the horizon lets adaptation begin before the first
    // quarter shown, so the earliest points may sit lower: that is what a sweep is for.
    const sweep = timingSweep(model, doc, { target: { kind: 'measure', id: 'cn-mofcom-18' }, economy: 'us', sector: 'defense', kpi: 'meanExposure', quarters: 6, threshold: 20 })
    // Up to the start as set: later stays beyond it flatten out once the shock falls past the worst quarters.
    const inside = sweep.points.filter((p) => p.shift >= -4 && p.shift <= 0)
    for (let i = 1; i < inside.length; i++) expect(inside[i].value).toBeLessThan(inside[i - 1].value)
    expect(sweep.points.find((p) => p.shift === 6)!.value).toBeLessThan(sweep.base)
  })

  it('switches on a measure that is off, keeps its length, and leaves suspensions on their dates', () => {
    const withEnd = { ...doc, measures: doc.measures.map((m) => (m.id === 'us-tariff-additional' ? { ...m, enabled: false, start: '2025-11-01', end: '2026-11-01' } : m)) }
    const shifted = shiftedDoc(model, withEnd, { kind: 'measure', id: 'us-tariff-additional' }, -2)!.doc.measures.find((m) => m.id === 'us-tariff-additional')!
    expect(shifted).toMatchObject({ enabled: true, start: '2025-05-01', end: '2026-05-01' })
  })

  it('sweeps a trigger lag within 0–20 quarters only', () => {
    const withTrigger = { ...doc, triggers: [{ id: 't-1', ifMeasure: 'cn-mofcom-18', thenMeasure: 'us-tariff-additional', lagQuarters: 2, intensity: 1 }] }
    const sweep = timingSweep(model, withTrigger, { target: { kind: 'trigger', id: 't-1' }, economy: 'cn', sector: 'electronics', kpi: 'peakCost', quarters: 4, threshold: 20 })
    expect(sweep.points.map((p) => p.setting)).toEqual(['0 q', '1 q', '2 q', '3 q', '4 q', '5 q', '6 q'])
    expect(sweep.label).toBe('Trigger lag: REE licensing (No. 18) → Additional tariff')
  })

  it('refuses a missing target or an out-of-range reach, naming it', () => {
    expect(() => timingSweep(model, doc, { target: { kind: 'measure', id: 'nope' }, economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 2, threshold: 20 })).toThrow(/no measure “nope”/)
    expect(() => timingSweep(model, doc, { target: { kind: 'trigger', id: 't-9' }, economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 2, threshold: 20 })).toThrow(SweepError)
    expect(() => timingSweep(model, doc, { target: { kind: 'measure', id: 'cn-mofcom-18' }, economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 21, threshold: 20 })).toThrow(/1–20 quarters/)
  })

  it('runs a 24-quarter sweep (25 evaluations) in well under 100 ms', () => {
    const opts = { target: { kind: 'measure' as const, id: 'cn-mofcom-18' }, economy: 'us' as const, sector: 'defense' as const, kpi: 'peakExposure' as const, quarters: 12, threshold: 20 }
    timingSweep(model, doc, opts)
    const t = performance.now()
    const sweep = timingSweep(model, doc, opts)
    expect(sweep.points).toHaveLength(25)
    // Generous bound for a shared test machine; the benchmark prints the real figure.
    expect(performance.now() - t).toBeLessThan(500)
  })
})
