import { describe, expect, it } from 'vitest'
import uncertaintyJson from '../../../resources/data/uncertainty.json'
import { loadUncertainty, policyRange } from '../analysis/uncertainty-spec'
import { defaultScenario } from '../model/default-scenario'
import { scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * Approval paths per element group within one measure (docs/MODEL.md §3.2): No. 18 licenses Y/Sc more
 * sparingly than magnets — yttrium stayed scarce into 2026 while NdFeB licences flowed.
 */
const model = shippedModel()
const at = (q: string) => evaluate(model, defaultScenario(model)).quarters.indexOf(q)

describe('element-group approvals (No. 18)', () => {
  it('late 2025 in the default: magnets flow again, Y/Sc stays short', () => {
    const r = evaluate(model, defaultScenario(model)).economies.us.electronics.byChannel
    const q = at('2026-Q1')
    expect(r.y_sc[q]).toBeGreaterThan(0.5)
    expect(r.y_sc[q]).toBeGreaterThan(10 * (r.ndfeb[q] as number))
  })

  it('the Y/Sc rate moves the Y/Sc channel only; the magnet rate leaves Y/Sc alone', () => {
    const run = (params: Record<string, number>) => evaluate(model, scenarioWith(model, { 'cn-mofcom-18': { params } })).economies.us.electronics.byChannel
    const base = run({})
    const tightY = run({ 'approval-y-sc': 20 })
    expect(sum(tightY.y_sc)).toBeGreaterThan(sum(base.y_sc) + 1)
    const tightMagnets = run({ approval: 60 })
    expect(sum(tightMagnets.ndfeb)).toBeGreaterThan(sum(base.ndfeb))
    // A lower magnet rate does not raise Y/Sc (its share of the index can only fall through the composition).
    expect(sum(tightMagnets.y_sc)).toBeLessThanOrEqual(sum(base.y_sc) + 1e-9)
  })

  it('the Y/Sc rate never goes above the measure\'s first-weeks rate during the initial period', () => {
    const loose = evaluate(model, scenarioWith(model, { 'cn-mofcom-18': { params: { 'approval-y-sc': 80, 'initial-approval': 10 } } }))
    const looser = evaluate(model, scenarioWith(model, { 'cn-mofcom-18': { params: { 'approval-y-sc': 80, 'initial-approval': 50 } } }))
    const q2 = at('2025-Q2')
    expect(loose.economies.us.electronics.byChannel.y_sc[q2]).toBeGreaterThan(looser.economies.us.electronics.byChannel.y_sc[q2] as number)
  })

  it('the uncertainty sampler picks up every approval rate of a licensing measure, with the catalogue\'s range', () => {
    const spec = loadUncertainty(uncertaintyJson, model, { strict: true })
    for (const m of model.measures.filter((x) => x.mechanism === 'licensing')) {
      for (const p of m.params.filter((x) => x.id === 'approval' || x.id.startsWith('approval-'))) {
        const entry = spec.policy.find((e) => e.measure === m.id && e.param === p.id)
        expect(entry, `${m.id}.${p.id} is not sampled`).toBeDefined()
        expect(policyRange(entry as (typeof spec.policy)[number], p)).toEqual({ low: p.low, high: p.high })
      }
    }
  })
})
