import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import type { ScenarioDoc } from '../scenario/schema'
import { allOff, always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * The defence block (docs/MODEL.md §3.3–3.4): DPAS priority on compliant supply, military end-use
 * approvals, and DFARS 2027 as a compliance shift relieved by waivers and compliant pre-stocks.
 */
const model = shippedModel()
const defence = (doc: ScenarioDoc) => evaluate(model, doc).economies.us.defense
const withDfars = (params: Record<string, number>, base = allOff(model)): ScenarioDoc =>
  scenarioWith(model, { 'us-dfars-2027': always('2027-01-01', params) }, base)
const h = (q: string): number => evaluate(model, defaultScenario(model)).quarters.indexOf(q)

describe('defence block', () => {
  it('DFARS alone with its valves is mainly a cost: cost pressure rises, exposure stays small', () => {
    const d = defence(withDfars({}))
    // Cost by cost share (cost.ts): the compliant premium on magnets worth ≈0.01 % of defence cost is a
    // small cost, but a cost — and it grows with the magnets' cost share.
    expect(d.cost[h('2027-Q2')]).toBeGreaterThan(0)
    const dear = withDfars({})
    dear.overrides['cost-share-us-defense-ndfeb'] = 0.0005 // the high end of its range
    expect(defence(dear).cost[h('2027-Q2')]).toBeGreaterThan(2 * (d.cost[h('2027-Q2')] as number))
    expect(Math.max(...d.exposure)).toBeLessThan(5)
    expect(Math.max(...d.exposure.slice(0, h('2027-Q1')))).toBe(0)
  })

  it('without waivers or pre-stocks DFARS becomes a denial of the non-compliant share (exposure rises)', () => {
    const valves = sum(defence(withDfars({})).exposure)
    const none = sum(defence(withDfars({ waiver: 0, 'prestock-quarters': 0 })).exposure)
    expect(none).toBeGreaterThan(valves + 1)
  })

  it('more waivers or more pre-stock never raise defence exposure', () => {
    const at = (p: Record<string, number>) => sum(defence(withDfars({ waiver: 0, 'prestock-quarters': 0, ...p })).exposure)
    expect(at({ waiver: 50 })).toBeLessThanOrEqual(at({ waiver: 0 }))
    expect(at({ waiver: 100 })).toBeLessThanOrEqual(at({ waiver: 50 }))
    expect(at({ 'prestock-quarters': 4 })).toBeLessThan(at({ 'prestock-quarters': 0 }))
  })

  it('more DPAS reach lowers defence exposure under No. 18', () => {
    const doc = defaultScenario(model)
    const pro = structuredClone(doc)
    pro.overrides['dpas-reach'] = 0.3 // the low end of its range (overrides are clamped to it)
    expect(sum(defence(doc).exposure)).toBeLessThan(sum(defence(pro).exposure))
  })

  it('defence priority costs civil sectors little: autos exposure moves by under one point', () => {
    const doc = defaultScenario(model)
    const pro = structuredClone(doc)
    pro.overrides['dpas-reach'] = 0.3 // the low end of its range (overrides are clamped to it)
    const a = evaluate(model, doc).economies.us.autos.exposure
    const b = evaluate(model, pro).economies.us.autos.exposure
    a.forEach((v, i) => expect(v - (b[i] as number)).toBeLessThan(1))
    a.forEach((v, i) => expect(v).toBeGreaterThanOrEqual((b[i] as number) - 1e-9))
  })
})
