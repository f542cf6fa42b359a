import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluate } from '../engine/evaluate'
import { evaluateView } from '../engine/branches'
import { kpis } from './kpis'
import { shiftDate, shiftedDoc, timingSweep, SweepError } from './timing-sweep'
import { shippedModel } from '../testing/fixtures'
import { cpuMsOnce } from '../testing/cpu-time'

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
    expect(sweep.base).toBe(kpis(evaluateView(model, doc).economies.us.defense, 20).peakExposure)
    const later = shiftedDoc(model, doc, { kind: 'measure', id: 'cn-mofcom-18' }, 3)!.doc
    expect(sweep.points[7].value).toBe(kpis(evaluateView(model, later).economies.us.defense, 20).peakExposure)
    expect(sweep.label).toBe('REE licensing (No. 18)')
  })

  it('sweeps the scenario as the charts show it: the branch view (one branch or the mixture), not the document without its branches', () => {
    expect(doc.branches.length).toBeGreaterThan(1)
    const opts = { target: { kind: 'measure' as const, id: 'cn-mofcom-18' }, economy: 'us' as const, sector: 'electronics' as const, kpi: 'peakExposure' as const, quarters: 1, threshold: 20 }
    const bases = [...doc.branches.map((b) => b.id), 'mixture'].map((view) => {
      const viewed = { ...doc, branchView: view }
      const base = timingSweep(model, viewed, opts).base
      expect(base, view).toBe(kpis(evaluateView(model, viewed).economies.us.electronics, 20).peakExposure)
      return base
    })
    // The views differ here, and at least one differs from the bare document (what the sweep used to read).
    expect(new Set(bases).size).toBeGreaterThan(1)
    const bare = kpis(evaluate(model, doc).economies.us.electronics, 20).peakExposure
    expect(bases.some((b) => b !== bare)).toBe(true)
  })

  it('within the horizon, a later licensing start moves the exposure it causes later (No. 18 alone at 30 % approval, autos)', () => {
    // Model 2 ties long-run adaptation to the first stress, so an earlier start also adapts earlier and
    // the horizon average need not fall with a later start (it did not, by 0.1 point); what must hold is
    // that exposure starts no earlier. Defence reads < 1 since DPAS priority, so autos is swept.
    const alone = { ...doc, measures: doc.measures.map((m) => (m.id === 'cn-mofcom-18' ? { ...m, params: { ...m.params, approval: 30, 'initial-approval': 10 } } : { ...m, enabled: false })) }
    const firstExposed = (shift: number): number => {
      const d = shiftedDoc(model, alone, { kind: 'measure', id: 'cn-mofcom-18' }, shift)!.doc
      return evaluate(model, d).economies.us.autos.exposure.findIndex((v) => v > 0.5)
    }
    const firsts = [0, 1, 2, 3, 4].map(firstExposed)
    expect(firsts[0]).toBeGreaterThanOrEqual(0)
    for (let i = 1; i < firsts.length; i++) expect(firsts[i]).toBeGreaterThan(firsts[i - 1] as number)
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

  it('runs a 24-quarter sweep (25 evaluations) in well under 100 ms of CPU time', () => {
    const opts = { target: { kind: 'measure' as const, id: 'cn-mofcom-18' }, economy: 'us' as const, sector: 'defense' as const, kpi: 'peakExposure' as const, quarters: 12, threshold: 20 }
    let sweep = timingSweep(model, doc, opts) // warm: the first call compiles
    // CPU time of this process, not wall time: "< 500 ms wall" failed on a loaded machine, where a 15 ms job
    // can wait seconds for a core. CPU time barely moves with the load (11–18 ms here at load 8–10), so the
    // bound can be the target itself (≤ 100 ms; `npm run bench:sweep` prints the figure), tighter than
    // before. The least of 5 runs: one run slowed by a GC pause does not count. (A calibration ratio against
    // 25 bare evaluations was tried and dropped: the engine re-evaluates a document it has just seen faster,
    // so the ratio did not tell one evaluation per point from two.)
    let sweepMs = Infinity
    for (let run = 0; run < 5; run++) sweepMs = Math.min(sweepMs, cpuMsOnce(() => (sweep = timingSweep(model, doc, opts))))
    expect(sweep.points).toHaveLength(25)
    expect(sweepMs).toBeLessThan(100)
  })
})
