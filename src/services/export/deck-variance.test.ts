import { describe, expect, it } from 'vitest'
import { SECTORS, SECTOR_LABELS, defaultScenario, varianceBreakdown, type Sector, type VarianceBreakdown } from '../../core'
import { model, uncertainty } from '../../shared/dataset'
import { reportContent } from './content'
import { buildDeck } from './deck'
import { drawnFactors, interval, keepPercent } from './deck-variance'
import { readDeck, readWorkbook, rangeCells, slideText } from './testing/pptx'
import { sectorVariances, varianceTakeaway, type SectorVariance } from './variance'

/** The deck's "What drives the band" slide (issue 12 item 4): same numbers as core's breakdown, per sector. */

const SAMPLES = 16
const doc = defaultScenario(model, 'Variance deck')
const ctx = { model, clock: () => new Date('2026-12-01T09:00:00Z'), appVersion: '0.1.0', varianceSamples: SAMPLES }
const options = { economy: 'us', band: false, threshold: 20 } as const

/** A breakdown with the given factors (first-order, total) — for the pure takeaway. */
const fake = (sector: Sector, variance: number, factors: [string, number, number?][]): SectorVariance => ({
  sector,
  breakdown: {
    economy: 'us', sector, kpi: 'peak', quarter: null, view: 'mixture', branches: 1, mean: 10, variance, samples: 8, evaluations: 8 * (factors.length + 2),
    factors: factors.map(([label, first, total]) => ({ id: label.toLowerCase(), label, firstOrder: first, firstOrderLow: first - 0.1, firstOrderHigh: first + 0.1, total: total ?? first + 0.05, totalLow: first - 0.05, totalHigh: first + 0.2 })),
    interactions: 1 - factors.reduce((a, [, f]) => a + f, 0)
  } satisfies VarianceBreakdown
})

describe('variance breakdown for the deck', () => {
  it('equals core’s varianceBreakdown for every sector, from one set of engine runs', () => {
    const rows = sectorVariances(model, doc, 'us', uncertainty, SAMPLES)
    expect(rows.map((r) => r.sector)).toEqual([...SECTORS])
    for (const r of rows) expect(r.breakdown).toEqual(varianceBreakdown(model, doc, { economy: 'us', sector: r.sector, kpi: 'peak', samples: SAMPLES, uncertainty }))
    // The sectors do differ: a replay that returned the first sector's peaks everywhere would fail here.
    expect(new Set(rows.map((r) => r.breakdown.mean.toFixed(6))).size).toBe(SECTORS.length)
  })

  it('titles the slide with the leading factor of each sector, sectors sharing a lead named together', () => {
    expect(varianceTakeaway([fake('defense', 4, [['Buffers', 0.24], ['Beijing', 0.07]]), fake('autos', 9, [['Buffers', 0.28]]), fake('electronics', 12, [['Beijing', 0.45]])])).toBe(
      'What drives the band: Beijing for Electronics (45 %); Buffers for Autos (28 %) and Defense (24 %)'
    )
    expect(varianceTakeaway([fake('defense', 0, [['Buffers', 0]]), fake('autos', 9, [['Buffers', 0.05], ['Beijing', 0.04]]), fake('electronics', 12, [['Beijing', 0.6]])])).toBe(
      'What drives the band: Beijing for Electronics (60 %); no single factor for Autos; Defense does not vary'
    )
    expect(varianceTakeaway([fake('autos', 9, [['Buffers', 0.28]]), fake('electronics', 12, [['Beijing', 0.45]])], true)).toBe('What drives the band: Beijing for Electronics; Buffers for Autos')
  })

  it('draws the factors that matter, most explaining first, and keeps figures and their sign together', () => {
    const rows = [fake('defense', 4, [['A', 0.3], ['B', 0.01], ['C', -0.02]]), fake('autos', 9, [['B', 0.5], ['C', 0.005]])]
    expect(drawnFactors(rows).map((f) => f.label)).toEqual(['B', 'A', 'C'])
    // A factor under 2 % alone and with interactions is not drawn; nor is anything of a sector that does not vary.
    expect(drawnFactors([fake('defense', 4, [['A', 0.01, 0.015]])])).toEqual([])
    expect(drawnFactors([fake('defense', 0, [['A', 0.4]])])).toEqual([])
    expect(keepPercent('Autos (28 %)')).toBe('Autos (28\u00a0%)')
    const f = { id: 'f', label: 'F', firstOrder: 0.05, firstOrderLow: -0.012, firstOrderHigh: 0.17, total: 0.1, totalLow: 0.04, totalHigh: 0.3 }
    expect(interval(f)).toBe('\u22121–17\u00a0%')
    expect(interval(f, 'total')).toBe('4–30\u00a0%')
  })

  it('adds the slide after the sector slides: bars = first-order shares, workbook = chart, sample count and seed in the footnote', async () => {
    const content = reportContent(ctx, doc, [], options)
    const v = content.variance
    expect(v).not.toBeNull()
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    // The executive summary says it too, before its closing line on the inputs.
    expect(texts[1]).toContain(v!.takeaway)
    const at = texts.findIndex((t) => t.startsWith('What drives the band'))
    expect(at).toBe(2 + SECTORS.length)
    // Titled by the takeaway, or by its brief form when the full one would not fit: never cut.
    expect([keepPercent(v!.takeaway), keepPercent(v!.brief)].some((t) => texts[at].startsWith(t))).toBe(true)
    expect(texts[at].split(` ${doc.name} · peak exposure by sector`)[0]).not.toContain('…')
    expect(texts[at]).toContain(`${doc.name} · peak exposure by sector, US & allies`)
    const evaluations = v!.rows[0].breakdown.evaluations
    expect(texts[at]).toContain(`${SAMPLES} samples × (${v!.rows[0].breakdown.factors.length} + 2) = ${evaluations} engine runs shared by the sectors, seed ${doc.seed}`)
    // The bar chart: a series per sector (first sector last, so it sits on top), a category per drawn factor.
    const chart = deck.charts.find((c) => /<c:barChart>/.test(c.xml))
    expect(chart).toBeDefined()
    const factors = drawnFactors(v!.rows)
    expect(factors.length).toBeGreaterThan(0)
    const bars = chart!.series
    expect(bars.map((s) => s.name)).toEqual([...SECTORS].reverse().map((s) => SECTOR_LABELS[s]))
    for (const s of bars) {
      const row = v!.rows.find((r) => SECTOR_LABELS[r.sector] === s.name)!
      expect(s.labels).toEqual([...factors].reverse().map((f) => f.label))
      expect(s.values).toEqual([...factors].reverse().map((f) => Math.max(0, 100 * (row.breakdown.factors.find((x) => x.id === f.id)?.firstOrder ?? 0))))
    }
    // "Edit Data" holds the same numbers, cell by cell.
    const sheet = await readWorkbook(await deck.zip.file(chart!.workbook!)!.async('uint8array'))
    expect(sheet.cells.get('A1')).toBe('Factor')
    for (const s of bars) rangeCells(s.refs.values).forEach((ref, i) => expect(sheet.cells.get(ref)).toBe(s.values[i]))
    // The notes give every factor of every sector.
    const notes = deck.notes.map(slideText).find((n) => n.includes('How to read it: the tornado'))
    expect(notes).toBeDefined()
    for (const r of v!.rows) for (const f of r.breakdown.factors) expect(notes).toContain(`${f.label}: `)
  }, 60_000)

  it('leaves the slide out when no breakdown is asked for', async () => {
    const content = reportContent({ ...ctx, varianceSamples: 0 }, doc, [], options)
    expect(content.variance).toBeNull()
    const deck = await readDeck(await buildDeck(content))
    expect(deck.slides.map(slideText).some((t) => t.startsWith('What drives the band'))).toBe(false)
    expect(deck.charts.some((c) => /<c:barChart>/.test(c.xml))).toBe(false)
  })
})
