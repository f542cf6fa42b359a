import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { allOff, always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import type { ScenarioDoc } from '../scenario/schema'
import { cellCostX, SHOCK_GAP } from './cost'
import { evaluateView } from './branches'
import { evaluate } from './evaluate'

/**
 * Cost by cost share (docs/MODEL.md §3.5): X = Σ share·(m − 1)/margin. These tests fail if cost goes
 * back to criticality weights, if the weight stops scaling the price term, or if the margin stops
 * being the reference.
 */
const model = shippedModel()
const v = (id: string): number => model.baseValues[model.assumptionIndex.get(id) ?? -1] as number
const usAutosCost = (doc: ScenarioDoc): number => sum(evaluate(model, doc).economies.us.autos.cost)
/** No. 18 alone from 2025: gaps on NdFeB, Dy/Tb, SmCo, Y/Sc and Gd/Lu. */
const no18 = (): ScenarioDoc => scenarioWith(model, { 'cn-mofcom-18': always('2025-04-04') }, allOff(model))
const withOverrides = (doc: ScenarioDoc, o: Record<string, number>): ScenarioDoc => ({ ...doc, overrides: { ...doc.overrides, ...o } })

describe('cellCostX', () => {
  it('scales the price term with the cost share: the same spike on a 30 % input moves X 300× one on a 0.1 % input', () => {
    const small = cellCostX(1 / 0.07, 0.001, 2, SHOCK_GAP, 0, 0, 0, 0, 0, 0)
    const large = cellCostX(1 / 0.07, 0.3, 2, SHOCK_GAP, 0, 0, 0, 0, 0, 0)
    expect(small).toBeCloseTo((0.001 * 2) / 0.07, 12)
    expect(large / small).toBeCloseTo(300, 9)
  })

  it('reads 1 (index 50) when the cost rise equals the margin, and the gap below half the flows scales the shock', () => {
    // 10 % of cost, price +70 % at a full shock: a 7 % rise in cost against a 7 % margin.
    expect(cellCostX(1 / 0.07, 0.1, 0.7, 0.9, 0, 0, 0, 0, 0, 0)).toBeCloseTo(1, 12)
    expect(cellCostX(1 / 0.07, 0.1, 0.7, SHOCK_GAP / 2, 0, 0, 0, 0, 0, 0)).toBeCloseTo(0.5, 12)
  })

  it('charges the compliant premium only on a covered share, and the tariff by the side\'s share of it', () => {
    expect(cellCostX(10, 0.01, 0, 0, 0.47, 0, 1, 0, 0, 0)).toBe(0)
    expect(cellCostX(10, 0.01, 0, 0, 0.47, 0.5, 0.8, 0, 0, 0)).toBeCloseTo(10 * 0.01 * 0.47 * 0.5 * 0.8, 12)
    const importer = cellCostX(10, 0.3, 0, 0, 0, 0, 0, 0.1, 1, 0.96)
    const exporter = cellCostX(10, 0.3, 0, 0, 0, 0, 0, 0.1, 1, 0.04)
    expect(importer).toBeCloseTo(10 * 0.3 * 0.1 * 0.96, 12)
    expect(importer / exporter).toBeCloseTo(24, 9)
  })
})

describe('cost pressure by cost share (engine)', () => {
  it('a price spike on a tiny-share input (Y/Sc in cars) moves autos cost less than the same spike on a larger one (magnets)', () => {
    expect(v('cost-share-us-autos-y-sc')).toBeLessThan(v('cost-share-us-autos-ndfeb'))
    const base = usAutosCost(no18())
    const ySpike = usAutosCost(withOverrides(no18(), { 'price-shock-y-sc': 6 })) - usAutosCost(withOverrides(no18(), { 'price-shock-y-sc': 1.1 }))
    const magnetSpike = usAutosCost(withOverrides(no18(), { 'price-shock-ndfeb': 6 })) - usAutosCost(withOverrides(no18(), { 'price-shock-ndfeb': 1.15 }))
    expect(base).toBeGreaterThan(0)
    expect(ySpike).toBeGreaterThan(0)
    expect(magnetSpike).toBeGreaterThan(5 * ySpike)
  })

  it('a larger cost share raises cost pressure; criticality weights no longer do', () => {
    const base = usAutosCost(no18())
    expect(usAutosCost(withOverrides(no18(), { 'cost-share-us-autos-ndfeb': 0.004 }))).toBeGreaterThan(base)
    // Criticality moves exposure (what is missing), not cost (what is paid).
    const critical = withOverrides(no18(), { 'crit-us-autos-ndfeb': 0.5 })
    expect(usAutosCost(critical)).toBe(base)
    expect(sum(evaluate(model, critical).economies.us.autos.exposure)).not.toBe(sum(evaluate(model, no18()).economies.us.autos.exposure))
    // Even a criticality of 0 (the low end of germanium's range for cars) leaves the cell's cost in place.
    const doc = defaultScenario(model)
    const zero = { ...doc, overrides: { ...doc.overrides, 'crit-us-autos-germanium': 0 } }
    expect(v('cost-share-us-autos-germanium')).toBeGreaterThan(0)
    expect(evaluateView(model, zero).economies.us.autos.cost).toEqual(evaluateView(model, doc).economies.us.autos.cost)
  })

  it('a thinner margin reads as more cost pressure for the same price rise', () => {
    const base = usAutosCost(no18())
    expect(usAutosCost(withOverrides(no18(), { 'operating-margin-us-autos': 0.045 }))).toBeGreaterThan(base)
    expect(usAutosCost(withOverrides(no18(), { 'operating-margin-us-autos': 0.1 }))).toBeLessThan(base)
  })

  it('a US tariff: the importer bears the pass-through, the exporter the rest; neither loses supply', () => {
    const doc = scenarioWith(model, { 'us-tariff-additional': always('2025-01-01', { rate: 100, scope: 100 }) }, allOff(model))
    const r = evaluate(model, doc)
    // US autos: share of cost in imported parts × China's share of them × Δτ × pass-through / margin.
    const x = (v('cost-share-us-autos-tariffs') * v('us-cn-import-share-autos') * 1 * v('tariff-pass-through')) / v('operating-margin-us-autos')
    expect(r.economies.us.autos.cost[0]).toBeCloseTo((100 * x) / (1 + x), 12)
    expect(Math.max(...r.economies.us.autos.exposure)).toBe(0)
    const lowPass = evaluate(model, withOverrides(doc, { 'tariff-pass-through': 0.9 }))
    expect(lowPass.economies.us.autos.cost[0]).toBeLessThan(r.economies.us.autos.cost[0] as number)
    expect(lowPass.economies.cn.autos.cost[0]).toBeGreaterThan(r.economies.cn.autos.cost[0] as number)
  })
})

describe('cost invariants on the default scenario (every quarter, economy and sector)', () => {
  const ends = (prefix: string, end: 'low' | 'high') =>
    Object.fromEntries(model.assumptions.filter((a) => a.id.startsWith(prefix) && a[end] !== undefined).map((a) => [a.id, a[end] as number]))
  const costs = (o: Record<string, number>) => {
    const doc = defaultScenario(model)
    const r = evaluateView(model, { ...doc, overrides: { ...doc.overrides, ...o } })
    return (['us', 'cn'] as const).flatMap((e) => (['defense', 'autos', 'electronics'] as const).flatMap((s) => r.economies[e][s].cost))
  }
  const base = costs({})
  const atLeast = (xs: number[]) => xs.forEach((x, i) => expect(x).toBeGreaterThanOrEqual((base[i] as number) - 1e-12))

  it('never falls when cost shares rise, price multiples rise or margins thin', () => {
    atLeast(costs(ends('cost-share-', 'high')))
    atLeast(costs(ends('price-shock-', 'high')))
    atLeast(costs(ends('operating-margin-', 'low')))
    // …and each of them moves something.
    expect(sum(costs(ends('cost-share-', 'high')))).toBeGreaterThan(sum(base))
    expect(sum(costs(ends('operating-margin-', 'low')))).toBeGreaterThan(sum(base))
  })

  it('exposure does not read cost inputs: cost shares, margins and price multiples leave it unchanged', () => {
    const doc = defaultScenario(model)
    const exposure = (o: Record<string, number>) => JSON.stringify((['us', 'cn'] as const).map((e) => evaluateView(model, { ...doc, overrides: { ...doc.overrides, ...o } }).economies[e]).map((x) => [x.defense.exposure, x.autos.exposure, x.electronics.exposure]))
    const e0 = exposure({})
    expect(exposure({ ...ends('cost-share-', 'high'), ...ends('operating-margin-', 'low'), ...ends('price-shock-', 'high') })).toBe(e0)
  })
})

describe('≤14-nm chip cells: the node share counts once', () => {
  // The chips cost share covers the affected-node chips only, so the price answers to the share of *those*
  // chips denied; the node share enters the weight (its data) and must not shrink the gap as well.
  const usElectronics = (o: Record<string, number>) => {
    const r = evaluateView(model, withOverrides({ ...defaultScenario(model), branchView: 'extended' }, o))
    return { cost: r.economies.us.electronics.cost, exposure: r.economies.us.electronics.exposure }
  }
  it('the US electronics cost does not move with the node share at a fixed cost share; exposure does', () => {
    const low = usElectronics({ 'node-share-electronics': 0.27 })
    const high = usElectronics({ 'node-share-electronics': 0.51 })
    expect(sum(low.cost)).toBeGreaterThan(1)
    low.cost.forEach((c, h) => expect(c).toBeCloseTo(high.cost[h] as number, 9))
    expect(sum(high.exposure)).toBeGreaterThan(sum(low.exposure) + 0.5)
  })

  it('denying the node chips pays the whole chip price multiple on the chips cost share (before, the node share halved it)', () => {
    // Every node chip needs China-origin REE items (coverage 1) and none is approved: the node chips' whole flow is denied.
    const stop = scenarioWith(model, { 'cn-mofcom-61': always('2025-01-01', { 'chip-approval': 0 }) }, allOff(model))
    const r = evaluate(model, withOverrides(stop, { 'advanced-chip-ree-dependence': 1 }))
    const peak = Math.max(...r.economies.us.electronics.cost)
    const x = (v('cost-share-us-electronics-chips') * (v('price-shock-chips') - 1)) / v('operating-margin-us-electronics')
    // The chip clause alone: the peak quarter's cost is at least the full chip term (other channels only add).
    expect(peak).toBeGreaterThanOrEqual((100 * x) / (1 + x) - 1e-9)
  })
})

