import { describe, expect, it } from 'vitest'
import { SECTORS, defaultScenario } from '../../core'
import { model } from '../../shared/dataset'
import { inForceText } from './chart-spec'
import { inForceOf, reportContent } from './content'
import { buildDeck } from './deck'
import { createExporter } from './exporter'
import { readDeck, slideText } from './testing/pptx'

/**
 * Measures dated before a chart's horizon: named "in force since <date>" above the plot (SVG/PNG) and under the
 * chart (deck), never a marker on the y-axis; in full in the SVG's title and the speaker notes.
 */
const ctx = { model, clock: () => new Date('2026-12-01T09:00:00Z'), appVersion: '0.1.0' }
const doc = defaultScenario(model, 'In force')
const exporter = createExporter(ctx)
const chart = { sector: 'defense', economy: 'us', metric: 'exposure', stacking: 'channel', band: false, reference: true } as const
const svgOf = (d: typeof doc, compare: (typeof doc)[] = []) => new TextDecoder().decode(exporter.chart(d, compare, chart, 'svg').bytes)

describe('measures in force before the horizon, in exports', () => {
  it('lists the default scenario’s enabled measures dated before 2025 Q1, oldest first', () => {
    const list = inForceOf(model, doc)
    const expected = doc.measures.filter((m) => m.enabled && m.start < '2025-01-01' && (m.end === null || m.end > '2025-01-01'))
    expect(list.map((f) => f.id).sort()).toEqual(expected.map((m) => m.id).sort())
    expect(list.length).toBeGreaterThan(1)
    expect(list.map((f) => f.since)).toEqual([...list.map((f) => f.since)].sort())
  })

  it('names them above the plot of the SVG, the items that fit and how many more, all of them in its title', () => {
    const svg = svgOf(doc)
    const line = /<text data-in-force="true"[^>]*><title>([^<]*)<\/title>([^<]*)<\/text>/.exec(svg)
    expect(line).not.toBeNull()
    const [, full, shown] = line!
    for (const f of inForceOf(model, doc)) expect(full).toContain(`${f.name.replace('&', '&amp;')} since ${f.since}`)
    expect(shown.startsWith('In force before 2025 Q1: ')).toBe(true)
    expect(shown).not.toContain('…')
  })

  it('says nothing when no measure predates the horizon, and nothing in a comparison', () => {
    const later = { ...doc, measures: doc.measures.map((m) => (m.start < '2025-01-01' ? { ...m, enabled: false } : m)) }
    expect(svgOf(later)).not.toContain('data-in-force')
    expect(svgOf(doc, [later])).not.toContain('data-in-force')
  })

  it('keeps whole items and counts the rest when the line is short', () => {
    const note = { before: '2025 Q1', items: ['Alpha since 2023-08-01', 'Beta since 2024-12-02', 'Gamma since 2024-12-03'] }
    expect(inForceText(note)).toBe('In force before 2025 Q1: Alpha since 2023-08-01; Beta since 2024-12-02; Gamma since 2024-12-03')
    expect(inForceText(note, { size: 10, maxWidth: 300 })).toBe('In force before 2025 Q1: Alpha since 2023-08-01; 2 more')
    expect(inForceText(note, { size: 10, maxWidth: 50 })).toBe('In force before 2025 Q1: 3 measures')
  })

  it('puts the note under each sector chart and the cost chart of the deck, in full in the notes', async () => {
    const content = reportContent(ctx, doc, [], { economy: 'us', band: false, threshold: 20 })
    const deck = await readDeck(await buildDeck(content))
    const texts = deck.slides.map(slideText)
    SECTORS.forEach((_, i) => expect(texts[2 + i]).toContain('In force before 2025 Q1: '))
    expect(texts.find((t) => t.startsWith(content.cost.takeaway))).toContain('In force before 2025 Q1: ')
    const notes = deck.notes.map(slideText).join('\n')
    for (const f of inForceOf(model, doc)) expect(notes).toContain(`${f.name} since ${f.since}`)
  })
})
