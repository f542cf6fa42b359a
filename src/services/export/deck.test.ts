import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, SECTORS, SECTOR_LABELS, defaultScenario, evaluateView, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { reportContent } from './content'
import { buildDeck } from './deck'
import { axisLabels, MIN_PT } from './deck-blocks'
import { readDeck, slideText } from './testing/pptx'

const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }
const base = defaultScenario(model, 'Workshop A')
const doc: ScenarioDoc = {
  ...base,
  overrides: { 'cn-share-dy-tb': 0.97 },
  triggers: [{ id: 't1', ifMeasure: base.measures[0].id, thenMeasure: base.measures[base.measures.length - 1].id, lagQuarters: 2, intensity: 0.5 }]
}
const options = { economy: 'us', band: false, threshold: 20 } as const
const labelOf = new Map<string, string>(CHANNELS.map((c) => [CHANNEL_LABELS[c], c]))
const sizes = (xml: string) => [...xml.matchAll(/\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100)

describe('slide deck', () => {
  it('runs title, executive summary, a takeaway slide per sector with the model’s numbers, cost, measures, assumptions, sources', async () => {
    const content = reportContent(ctx, doc, [], options)
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    expect(texts[0]).toContain('Workshop A')
    expect(texts[0]).toContain(`dataset ${model.datasetVersion}`)
    expect(texts[1]).toContain('Executive summary')
    for (const line of content.summary) expect(texts[1]).toContain(line.slice(0, 40))
    // Sector slides are titled by their takeaway, generated from the results.
    SECTORS.forEach((s, i) => {
      expect(texts[2 + i]).toContain(content.sectors[i].takeaway)
      expect(content.sectors[i].takeaway).toMatch(new RegExp(`^${SECTOR_LABELS[s]} exposure`))
    })
    expect(texts[5]).toContain(content.cost.takeaway)
    expect(texts.some((t) => t.startsWith('Active measures'))).toBe(true)
    expect(texts.some((t) => t.startsWith('Counter-measure triggers') && t.includes('2 quarters later at 50 % intensity'))).toBe(true)
    const assumptions = texts.find((t) => t.startsWith('Assumptions'))
    expect(assumptions).toContain('China share of allied supply: separated Dy/Tb')
    expect(assumptions).toContain('0.97')
    const sources = texts.find((t) => t.startsWith('Sources and caveats'))
    expect(sources).toContain(`${content.sources.provenance.guesses} of ${content.sources.provenance.inputs} inputs are modelling guesses`)
    expect(texts[texts.length - 1]).toContain('How to read these figures')
    expect(texts[texts.length - 1]).toContain('0 = nothing missing')
    // Every slide carries the stamp in its footer: it is drawn by the layouts all slides use.
    expect(deck.layouts.some((l) => slideText(l).includes(`Scenario: Workshop A · Exported 2026-11-28 · Chokepoint 0.1.0`))).toBe(true)

    expect(deck.charts).toHaveLength(4)
    const result = evaluateView(model, doc)
    SECTORS.forEach((sector, i) => {
      const areas = deck.charts[i].series.filter((s) => s.kind === 'area')
      expect(areas.length).toBeGreaterThan(0)
      for (const a of areas) {
        const channel = labelOf.get(a.name) as (typeof CHANNELS)[number]
        expect(channel, a.name).toBeDefined()
        expect(a.values).toEqual(result.economies.us[sector].byChannel[channel])
        expect(a.labels[0]).toBe('2025 Q1')
        expect(a.labels).toHaveLength(result.quarters.length)
      }
      result.quarters.forEach((_, t) => expect(areas.reduce((acc, a) => acc + (a.values[t] ?? 0), 0)).toBeCloseTo(result.economies.us[sector].exposure[t], 9))
      // The "No measures" reference is 0 throughout in this model: not drawn as a line on the axis.
      expect(deck.charts[i].series.some((s) => s.name === 'No measures')).toBe(false)
    })
    const cost = deck.charts[3].series
    expect(cost.map((s) => s.name)).toEqual(SECTORS.map((s) => SECTOR_LABELS[s]))
    SECTORS.forEach((s, i) => expect(cost[i].values).toEqual(result.economies.us[s].cost))
    expect(deck.files.filter((f) => f.startsWith('ppt/embeddings/') && f.endsWith('.xlsx'))).toHaveLength(4)
  })

  it('shares one value axis across the sector slides, or scales each when asked', async () => {
    const shared = reportContent(ctx, doc, [], options)
    expect(new Set(shared.sectors.map((s) => s.chart.yMax)).size).toBe(1)
    const own = reportContent(ctx, doc, [], { ...options, axis: 'each' })
    const deck = await readDeck(await buildDeck(shared))
    const maxes = deck.charts.slice(0, 3).map((c) => Number(/<c:valAx>[\s\S]*?<c:max val="([\d.]+)"\/>/.exec(c.xml)?.[1]))
    expect(new Set(maxes).size).toBe(1)
    expect(maxes[0]).toBe(Math.max(...own.sectors.map((s) => s.chart.yMax)))
    own.sectors.forEach((s, i) => expect(s.chart.yMax).toBeGreaterThanOrEqual(Math.max(...evaluateView(model, doc).economies.us[SECTORS[i]].exposure)))
  })

  it('reads from the back: chart text ≥ 14 pt, every second quarter labelled and the last one, real title placeholders, no autofit', async () => {
    const deck = await readDeck(await buildDeck(reportContent(ctx, doc, [], options)))
    for (const c of deck.charts) {
      expect(Math.min(...sizes(c.xml))).toBeGreaterThanOrEqual(MIN_PT)
      const n = c.series[0].labels.length
      const skip = Number(/<c:tickLblSkip val="(\d+)"\/>/.exec(c.xml)?.[1])
      expect(skip).toBe(axisLabels(n).skip)
      // PowerPoint labels categories 0, skip, 2·skip… in the order written: the last quarter must be one of them.
      const lastWritten = c.reversed ? 0 : n - 1
      expect(lastWritten % skip).toBe(0)
      expect(c.xml).toContain('<c:dispBlanksAs val="gap"/>')
    }
    expect(axisLabels(24)).toEqual({ skip: 2, reversed: true })
    expect(axisLabels(23)).toEqual({ skip: 2, reversed: false })
    expect(axisLabels(40)).toEqual({ skip: 4, reversed: true })
    expect(axisLabels(8)).toEqual({ skip: 1, reversed: false })
    for (const [i, xml] of deck.slides.entries()) {
      expect(xml, `slide ${i + 1}`).toMatch(/<p:ph\s[^>]*type="title"/)
      expect(xml).not.toContain('normAutofit')
      // The slide number (footer metadata, like the stamp) is the only text below 12 pt.
      const body = xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*type="sldNum"[\s\S]*?<\/p:sp>/g, '')
      expect(Math.min(...sizes(body)), `slide ${i + 1}`).toBeGreaterThanOrEqual(12)
    }
    expect(deck.layouts.filter((l) => /<p:ph\s[^>]*type="title"/.test(l)).length).toBeGreaterThanOrEqual(2)
  })

  it('puts the comparison first in a comparison deck, with takeaways naming the highest and lowest', async () => {
    const off = { ...doc, name: 'Nothing on', measures: doc.measures.map((m) => ({ ...m, enabled: false })), triggers: [] }
    const content = reportContent(ctx, doc, [off], options)
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    expect(texts[1]).toContain('Executive summary')
    SECTORS.forEach((s, i) => expect(texts[2 + i]).toContain(content.comparison?.charts[i].takeaway))
    expect(texts[5]).toContain('Comparison: key figures')
    for (const k of content.comparison?.kpis ?? []) expect(texts[5]).toContain(k.scenario)
    const defense = deck.charts[0].series
    expect(defense.map((s) => s.name)).toEqual(['Workshop A', 'Nothing on'])
    expect(defense[0].values).toEqual(evaluateView(model, doc).economies.us.defense.exposure)
    expect(defense[1].values).toEqual(evaluateView(model, off).economies.us.defense.exposure)
    expect(content.comparison?.charts[0].takeaway).toMatch(/“Workshop A” peaks highest .*; “Nothing on” lowest \(0\)/)
  })

  it('gives speaker notes with the drivers, their sources and confidence, and the caveats', async () => {
    const content = reportContent(ctx, doc, [], options)
    const deck = await readDeck(await buildDeck(content))
    const notes = deck.notes.map(slideText).join('\n')
    const top = content.sectors[0].drivers[0]
    expect(top).toBeDefined()
    expect(notes).toContain(`${top.name}: `)
    expect(notes).toContain(`Confidence: ${top.confidence}`)
    expect(notes).toContain('Caveats:')
    expect(notes).toContain('modelling guesses')
  })

  it('says so when no measure is on and nothing is overridden', async () => {
    const plain = { ...base, measures: base.measures.map((m) => ({ ...m, enabled: false })) }
    const deck = await readDeck(await buildDeck(reportContent(ctx, plain, [], options)))
    const texts = deck.slides.map(slideText)
    expect(texts.some((t) => t.includes('No measure is on in this scenario'))).toBe(true)
    expect(texts.some((t) => t.includes('No overrides'))).toBe(true)
    expect(texts[2]).toContain('Defense exposure stays near zero')
  })
})
