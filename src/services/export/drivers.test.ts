import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultScenario, type SectorAttribution } from '../../core'
import { model } from '../../shared/dataset'
import { reportContent } from './content'
import { buildDeck, peakPanel, sectorNotes } from './deck'
import { BASELINE_DRIVER, driverEffect, driverRows, grossAdditions, pct, signedPoints } from './insights'
import { buildReport } from './report-html'
import { readDeck, slideText } from './testing/pptx'

/**
 * "At the peak" drivers when relief measures pull a peak down: the Shapley split adds + and − points to the
 * peak, so shares of the net peak ran past 100 % (83 % + 79 % for US defence in the default scenario). Shares
 * are now of the gross additions and relief is said in signed points.
 */

const ctx = { model, clock: () => new Date('2026-12-01T09:00:00Z'), appVersion: '0.1.0' }
const ids = model.measures.map((m) => m.id)
/** A split at one quarter: baseline and measures' points (measures take catalogue ids, so they carry provenance). */
const split = (baseline: number, points: number[]): SectorAttribution => ({ baseline: [baseline], byMeasure: Object.fromEntries(points.map((v, i) => [ids[i], [v]])) })
const total = (s: SectorAttribution) => (s.baseline[0] ?? 0) + Object.values(s.byMeasure).reduce((a, v) => a + (v[0] ?? 0), 0)

describe('drivers at the peak', () => {
  it('gives shares of the gross additions and lists relief in signed points', () => {
    // Net 1.8 = 0 + 1.5 + 1.4 − 1.1: shares of the net would read 83 % and 78 %.
    const s = split(0, [1.5, 1.4, -1.1])
    const rows = driverRows(model, s, 0, total(s), 'test', 'us')
    expect(rows.map((r) => [r.effect, r.value])).toEqual([['adds', 1.5], ['adds', 1.4], ['relieves', -1.1]])
    expect(rows[0].share).toBeCloseTo(1.5 / 2.9, 12)
    expect(rows[1].share).toBeCloseTo(1.4 / 2.9, 12)
    expect(rows[2].share).toBeCloseTo(1.1 / 2.9, 12)
    const panel = peakPanel(rows) as string
    expect(panel).toContain(`+1.5 ${rows[0].name} (52 % of additions)`)
    expect(panel).toContain(`\u22121.1 ${rows[2].name} (relief)`)
    expect(driverEffect(rows[2])).toBe('relieves \u22121.1 points')
    expect(driverEffect(rows[0])).toBe('adds +1.5 points (52 % of what adds to the peak)')
  })

  it('counts the baseline among the additions and drops drivers under the minimum share', () => {
    const s = split(6, [3, 0.5, -2])
    const rows = driverRows(model, s, 0, total(s), 'test', 'us', 0.1)
    expect(rows.map((r) => r.name)).toEqual([BASELINE_DRIVER, model.measures[0].short, model.measures[2].short])
    expect(rows[0].share).toBeCloseTo(6 / 9.5, 12)
    expect(driverRows(model, split(0, [0, 0]), 0, 0, 'test', 'us')).toEqual([])
  })

  it('never gives a share above 100 %, and the additions’ shares sum to at most 100 % (random splits)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 1, maxLength: 12 }), (baseline, points) => {
        const s = split(baseline, points)
        const net = total(s)
        fc.pre(net > 0)
        const rows = driverRows(model, s, 0, net, 'test', 'us', 0)
        const adds = rows.filter((r) => r.effect === 'adds')
        expect(adds.reduce((a, r) => a + r.share, 0)).toBeLessThanOrEqual(1 + 1e-9)
        for (const r of rows) expect(r.share).toBeLessThanOrEqual(1 + 1e-9)
        // What adds minus what relieves is the peak: nothing is lost from the split.
        expect(rows.reduce((a, r) => a + r.value, 0)).toBeCloseTo(net, 6)
        expect(grossAdditions(rows)).toBeGreaterThanOrEqual(net - 1e-9)
      })
    )
  })

  it('formats signed points with a true minus and never rounds a part up to 100 %', () => {
    expect(signedPoints(12.4)).toBe('+12')
    expect(signedPoints(-0.26)).toBe('\u22120.3')
    expect(pct(0.996)).toBe('99 %')
    expect(pct(1)).toBe('100 %')
  })

  it('says no percentage above 100 anywhere in the default scenario’s deck and report, where relief offsets US defence', async () => {
    const content = reportContent(ctx, defaultScenario(model, 'As known'), [], { economy: 'us', band: false, threshold: 20 })
    const defense = content.sectors.find((s) => s.sector === 'defense')
    expect(defense?.drivers.some((d) => d.effect === 'relieves')).toBe(true)
    const deck = await readDeck(await buildDeck(content))
    const text = [...deck.slides, ...deck.notes].map(slideText).join('\n')
    const shares = [...text.matchAll(/(\d+) %/g)].map((m) => Number(m[1]))
    expect(shares.length).toBeGreaterThan(0)
    expect(Math.max(...shares)).toBeLessThanOrEqual(100)
    // Per slide, the shares of additions "at the peak" add up to at most 100 %.
    for (const s of content.sectors) {
      const panel = peakPanel(s.drivers) ?? ''
      const sum = [...panel.matchAll(/(\d+) % of additions/g)].reduce((a, m) => a + Number(m[1]), 0)
      expect(sum).toBeLessThanOrEqual(100)
    }
    expect(text).toContain('(relief)')
    expect(sectorNotes(defense!, content)).toMatch(/relieves \u2212[\d.]+ points/)
    const html = buildReport(content).html
    expect(Math.max(...[...html.matchAll(/(\d+) %/g)].map((m) => Number(m[1])))).toBeLessThanOrEqual(100)
  })
})
