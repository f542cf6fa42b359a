import { describe, expect, it } from 'vitest'
import { attribute } from '../analysis/attribution'
import { defaultScenario } from '../model/default-scenario'
import type { ScenarioDoc } from '../scenario/schema'
import { allOff, always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'

/**
 * China's own feed (docs/MODEL.md §3.3): the Kachin disruption of Myanmar feed is an outside event held in
 * the assumptions (dated, adjustable by override), not a Beijing or Washington measure; it acts on China's
 * `ree_feed` channel beside the US concentrate stop, and shows as structural (no-measures) exposure.
 */
const model = shippedModel()
const withEvent = (doc: ScenarioDoc, o: Record<string, number>): ScenarioDoc => ({ ...structuredClone(doc), overrides: { ...doc.overrides, ...o } })
const noMeasures = (o: Record<string, number> = {}) => withEvent(allOff(model), { 'myanmar-cut': 0.5, ...o })
const feed = (doc: ScenarioDoc) => evaluate(model, doc).economies.cn.electronics.byChannel.ree_feed
const q = (label: string) => evaluate(model, defaultScenario(model)).quarters.indexOf(label)

describe('outside event: Myanmar feed to China', () => {
  it('acts with every measure off, on China\'s feed only, and is the attribution baseline', () => {
    const r = evaluate(model, noMeasures())
    expect(sum(r.economies.cn.electronics.byChannel.ree_feed)).toBeGreaterThan(0.2)
    for (const s of ['defense', 'autos', 'electronics'] as const) expect(sum(r.economies.us[s].exposure)).toBe(0)
    const a = attribute(model, defaultScenario(model))
    const cn = a.cn.electronics
    const h = q('2026-Q1')
    expect(cn.baseline[h]).toBeGreaterThan(0)
    const total = (cn.baseline[h] as number) + Object.values(cn.byMeasure).reduce((acc, xs) => acc + (xs[h] as number), 0)
    expect(total).toBeCloseTo(evaluate(model, defaultScenario(model)).economies.cn.electronics.exposure[h] as number, 9)
  })

  it('is dated: nothing before it starts, more when it lasts longer, none when switched off (cut 0)', () => {
    expect(feed(noMeasures())[q('2025-Q1')]).toBe(0)
    const short = sum(feed(noMeasures({ 'myanmar-cut-until': 2025.75 })).slice(q('2026-Q1')))
    const long = sum(feed(noMeasures({ 'myanmar-cut-until': 2028 })).slice(q('2026-Q1')))
    expect(long).toBeGreaterThan(short + 1)
    expect(sum(feed(noMeasures({ 'myanmar-cut': 0 })))).toBe(0)
  })

  it('a deeper cut or a larger Myanmar share raises it', () => {
    const base = sum(feed(noMeasures()))
    expect(sum(feed(noMeasures({ 'myanmar-cut': 0.9 })))).toBeGreaterThan(base)
    expect(sum(feed(noMeasures({ 'myanmar-feed-share': 0.75 })))).toBeGreaterThan(base)
  })

  it('adds to the US concentrate stop on the same feed', () => {
    const stop = scenarioWith(model, { 'us-concentrate-stop': always('2025-04-17') }, allOff(model))
    const both = withEvent(stop, { 'myanmar-cut': 0.5 })
    expect(sum(feed(both))).toBeGreaterThan(sum(feed(stop)))
    expect(sum(feed(both))).toBeGreaterThan(sum(feed(noMeasures())))
  })
})
