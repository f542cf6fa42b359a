import { describe, expect, it } from 'vitest'
import { loadModel } from '../model/load-model'
import { allOff, always, rawAssumptions, rawMeasures, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'

/** Long-run substitution, capacity timing and demand growth (docs/MODEL.md §3.3–3.4). */
const model = shippedModel()
const tightNo18 = () => scenarioWith(model, { 'cn-mofcom-18': always('2025-04-04', { approval: 30, 'initial-approval': 10 }) }, allOff(model))

describe('dynamics', () => {
  it('a permanent residual gap does not drain buffers forever: long-run substitution brings exposure down', () => {
    const doc = tightNo18()
    const autos = evaluate(model, doc).economies.us.autos.exposure
    const peak = Math.max(...autos)
    expect(peak).toBeGreaterThan(5)
    expect(autos[autos.length - 1] as number).toBeLessThan(peak * 0.9)
    const none = structuredClone(doc)
    none.overrides['subst-long-autos'] = 0
    const noLong = evaluate(model, none).economies.us.autos.exposure
    expect(noLong[noLong.length - 1] as number).toBeGreaterThan(autos[autos.length - 1] as number)
  })

  it('more funding never makes a plant start earlier, only ramp faster once it runs', () => {
    // Only plants commissioning inside the horizon (from 2025-Q2), so an earlier start would show.
    const raw = rawAssumptions() as { projects: { commissioning: string }[] }
    raw.projects = raw.projects.filter((p) => p.commissioning >= '2025-04-01')
    const later = loadModel(rawMeasures(), raw)
    const at = (funding: number) => evaluate(later, scenarioWith(later, { 'us-allied-capacity': always('2025-01-01', { funding }) }, allOff(later))).diagnostics.alliedCapacityShare.ndfeb
    const base = at(100)
    const rich = at(200)
    const first = base.findIndex((v) => v > 0)
    expect(first).toBeGreaterThan(0)
    expect(rich.findIndex((v) => v > 0)).toBe(first)
    expect(sum(rich)).toBeGreaterThan(sum(base))
  })

  it('allied demand growth shrinks what a fixed plant covers', () => {
    const doc = scenarioWith(model, { 'us-allied-capacity': always('2025-01-01') }, allOff(model))
    const grow = evaluate(model, doc).diagnostics.alliedCapacityShare.ndfeb
    const flat = structuredClone(doc)
    flat.overrides['magnet-demand-growth'] = 0
    const still = evaluate(model, flat).diagnostics.alliedCapacityShare.ndfeb
    expect(grow[grow.length - 1] as number).toBeLessThan(still[still.length - 1] as number)
  })
})
