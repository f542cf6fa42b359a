import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, SECTORS, SECTOR_LABELS, defaultScenario, evaluate, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { reportContent, withoutMeasures } from './content'
import { buildDeck } from './deck'
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

describe('slide deck', () => {
  it('has a title slide, a slide per sector with a native chart holding the model’s numbers, measures and assumptions', async () => {
    const content = reportContent(ctx, doc, [], options)
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    expect(texts[0]).toContain('Workshop A')
    expect(texts[0]).toContain(`dataset ${model.datasetVersion}`)
    SECTORS.forEach((s, i) => expect(texts[1 + i]).toContain(`${SECTOR_LABELS[s]} — exposure, US & allies`))
    const measurePages = Math.ceil(doc.measures.filter((m) => m.enabled).length / 6)
    const after = texts.slice(4)
    expect(after.filter((t) => t.startsWith('Active measures'))).toHaveLength(measurePages)
    expect(after.some((t) => t.startsWith('Counter-measure triggers') && t.includes('2 quarters later at 50 % intensity'))).toBe(true)
    const assumptions = after.find((t) => t.startsWith('Assumptions'))
    expect(assumptions).toContain('China share of allied supply: separated Dy/Tb')
    expect(assumptions).toContain('0.97')
    expect(deck.slides).toHaveLength(1 + 3 + measurePages + 1 + 1)
    // Every slide carries the stamp in its footer: it is drawn by the layout all slides use.
    expect(deck.layouts.some((l) => slideText(l).includes(`Scenario: Workshop A · Exported 2026-11-28 · Chokepoint 0.1.0`))).toBe(true)

    expect(deck.charts).toHaveLength(3)
    const result = evaluate(model, doc)
    const reference = evaluate(model, withoutMeasures(doc))
    SECTORS.forEach((sector, i) => {
      const series = deck.charts[i].series
      const areas = series.filter((s) => s.kind === 'area')
      expect(areas.length).toBeGreaterThan(0)
      for (const a of areas) {
        const channel = labelOf.get(a.name)
        expect(channel, a.name).toBeDefined()
        expect(a.values).toEqual(result.economies.us[sector].byChannel[channel as (typeof CHANNELS)[number]])
        expect(a.labels[0]).toBe('2025 Q1')
        expect(a.labels).toHaveLength(result.quarters.length)
      }
      const sum = result.quarters.map((_, t) => areas.reduce((acc, a) => acc + a.values[t], 0))
      sum.forEach((v, t) => expect(v).toBeCloseTo(result.economies.us[sector].exposure[t], 9))
      expect(series.find((s) => s.name === 'No measures')?.values).toEqual(reference.economies.us[sector].exposure)
      expect(series.find((s) => s.name === 'No measures, your assumptions')?.kind).toBe('line')
    })
    // The numbers also live in the embedded workbook, so PowerPoint's "Edit data" opens them.
    expect(deck.files.filter((f) => f.startsWith('ppt/embeddings/') && f.endsWith('.xlsx'))).toHaveLength(3)
  })

  it('adds a comparison slide per sector and the KPI table for a compare set', async () => {
    const off = { ...doc, name: 'Nothing on', measures: doc.measures.map((m) => ({ ...m, enabled: false })), triggers: [] }
    const content = reportContent(ctx, doc, [off], options)
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    const comparisons = texts.filter((t) => / — exposure, US & allies: comparison/.test(t))
    expect(comparisons).toHaveLength(3)
    const kpi = texts[texts.length - 1]
    expect(kpi).toContain('Comparison: key figures')
    for (const k of content.comparison?.kpis ?? []) expect(kpi).toContain(k.scenario)
    expect(deck.charts).toHaveLength(6)
    const defense = deck.charts[3].series
    expect(defense.map((s) => s.name)).toEqual(['Workshop A', 'Nothing on'])
    expect(defense[0].values).toEqual(evaluate(model, doc).economies.us.defense.exposure)
    expect(defense[1].values).toEqual(evaluate(model, off).economies.us.defense.exposure)
    const peak = Math.max(...evaluate(model, doc).economies.us.defense.exposure)
    expect(content.comparison?.kpis.find((k) => k.scenario === 'Workshop A' && k.sector === 'defense')?.peak).toBe(peak)
  })

  it('says so when no measure is on and nothing is overridden', async () => {
    const plain = { ...base, measures: base.measures.map((m) => ({ ...m, enabled: false })) }
    const deck = await readDeck(await buildDeck(reportContent(ctx, plain, [], options)))
    const texts = deck.slides.map(slideText)
    expect(texts.some((t) => t.includes('No measure is on in this scenario'))).toBe(true)
    expect(texts.some((t) => t.includes('No overrides'))).toBe(true)
  })
})
