import { describe, expect, it } from 'vitest'
import { attribute } from '../analysis/attribution'
import { defaultScenario } from '../model/default-scenario'
import type { ScenarioDoc } from '../scenario/schema'
import { allOff, always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { measureActivity } from './activity'
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

  it('shows on the timeline as an outside event, dated and scaled as the engine applies it', () => {
    const row = (o: Record<string, number> = {}) => {
      const a = measureActivity(model, withEvent(defaultScenario(model), o))
      expect(a.events.map((e) => e.id)).toEqual(['myanmar-kachin'])
      return { a, e: a.events[0]! }
    }
    const { a, e } = row()
    const at = (label: string) => a.quarters.indexOf(label)
    // Default: mid-October 2024 to end of June 2026, half of the Myanmar feed lost.
    expect(e.active[at('2025-Q1')]).toBe(1)
    expect(e.active[at('2026-Q2')]).toBeCloseTo(1, 9)
    expect(e.active[at('2026-Q3')]).toBe(0)
    expect(e.strength[at('2025-Q1')]).toBeCloseTo(e.cut, 12)
    expect(e.cut).toBeGreaterThan(0)
    expect(e.keys).toEqual(['myanmar-feed-share', 'myanmar-cut', 'myanmar-cut-from', 'myanmar-cut-until'])
    // Overrides move it: a later end, a partial last quarter, and cut 0 switches the row off.
    const later = row({ 'myanmar-cut-until': 2027.125 }).e
    expect(later.active[at('2026-Q4')]).toBe(1)
    expect(later.active[at('2027-Q1')]).toBeCloseTo(0.5, 9)
    expect(row({ 'myanmar-cut': 0 }).e.active.every((x) => x === 0)).toBe(true)
    // With no measures on, China's feed exposure starts no earlier than the row and arrives while it runs
    // (buffers delay it, so it can outlast the row).
    const feedOnly = feed(noMeasures())
    const marked = measureActivity(model, noMeasures()).events[0]!.active
    const firstMarked = marked.findIndex((x) => x > 0)
    expect(firstMarked).toBeGreaterThanOrEqual(0)
    expect(feedOnly.slice(0, firstMarked).every((x) => x === 0)).toBe(true)
    expect(feedOnly.some((x, h) => x > 0 && (marked[h] as number) > 0)).toBe(true)
  })
})
