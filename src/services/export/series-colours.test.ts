import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, ECONOMIES, SECTORS, defaultScenario, type Channel, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { hexDeltaE2000 } from '../../shared/colour-metrics'
import { CHANNEL_COLORS, REST_COLOR, SERIES_DISTINCTNESS, SERIES_FILL_OPACITY, STRUCTURAL_COLOR, measureColor } from '../../shared/palette'
import { buildChartSpec } from './chart-spec'
import { renderChartSvg } from './chart-svg'
import { chartInputs, reportContent } from './content'
import { buildDeck } from './deck'
import { svgToPng } from './raster'
import { decodePng, hasColour } from './testing/png'
import { readDeck } from './testing/pptx'

/**
 * Exports draw each series in the shared palette's colour (`shared/palette.ts`), the colour the workspace
 * draws it in (renderer chart-series.test.ts checks the screen's side against the same functions): a
 * measure is one colour in every chart, SVG, PNG and slide.
 */

const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }
/** Every measure on from 2025: the most series a stack by measure can hold, No. 18, No. 10 and DFARS among them. */
const allOn: ScenarioDoc = (() => {
  const doc = defaultScenario(model, 'Everything on')
  return { ...doc, measures: doc.measures.map((m) => ({ ...m, enabled: true, start: '2025-01-01', end: null, suspensions: [] })) }
})()
const byMeasure = (economy: 'us' | 'cn', sector: (typeof SECTORS)[number]) =>
  ({ sector, economy, metric: 'exposure', stacking: 'measure', band: false, reference: false }) as const
/** The colour a series of a stack by measure must have: its measure's own, or the neutral of "Other" / "Without any measure". */
const expectedColour = (key: string) => (key === 'other' ? REST_COLOR : key === 'structural' ? STRUCTURAL_COLOR : measureColor(key.replace(/^m:/, '')))

describe('stack-by-measure exports', () => {
  it('colour each measure by the shared palette in every chart, and tell every two series of a chart apart', () => {
    const seen = new Map<string, Set<string>>()
    let charts = 0
    for (const economy of ECONOMIES)
      for (const sector of SECTORS) {
        const spec = buildChartSpec(chartInputs(ctx, allOn, [], byMeasure(economy, sector)))
        if (spec.stacked.length === 0) continue
        charts++
        const svg = renderChartSvg(spec)
        for (const s of spec.stacked) {
          expect(s.color, `${economy} ${sector} ${s.key}`).toBe(expectedColour(s.key))
          expect(svg).toMatch(new RegExp(`data-series="${s.key}" d="[^"]+" fill="${s.color}" fill-opacity="${SERIES_FILL_OPACITY}"`))
          seen.set(s.key, (seen.get(s.key) ?? new Set()).add(s.color))
        }
        for (let i = 0; i < spec.stacked.length; i++)
          for (let j = i + 1; j < spec.stacked.length; j++)
            expect(hexDeltaE2000(spec.stacked[i].color, spec.stacked[j].color), `${spec.stacked[i].key} / ${spec.stacked[j].key}`).toBeGreaterThanOrEqual(SERIES_DISTINCTNESS.in_chart)
      }
    expect(charts).toBeGreaterThanOrEqual(4)
    // The measures named in the bug report are drawn, each in one colour across every chart it is in.
    for (const id of ['cn-mofcom-18', 'cn-mofcom-10', 'us-dfars-2027']) expect(seen.has(`m:${id}`), id).toBe(true)
    for (const [key, colours] of seen) expect([...colours], key).toHaveLength(1)
  })

  it('puts those colours in the PNG', () => {
    const spec = buildChartSpec(chartInputs(ctx, allOn, [], byMeasure('us', 'defense')))
    const img = decodePng(svgToPng(renderChartSvg(spec), 1))
    expect(spec.stacked.length).toBeGreaterThan(3)
    for (const s of spec.stacked) expect(hasColour(img, s.color, 4), s.key).toBe(true)
  })
})

describe('deck charts', () => {
  it('fill each channel of a sector chart opaque in its palette colour', async () => {
    const deck = await readDeck(await buildDeck(reportContent(ctx, allOn, [], { economy: 'us', band: false, threshold: 20 })))
    const channelOf = new Map<string, Channel>(CHANNELS.map((c) => [CHANNEL_LABELS[c], c]))
    const sectorChart = deck.charts[0].xml
    const areas = [...sectorChart.matchAll(/<c:ser>.*?<c:v>([^<]+)<\/c:v>.*?<a:srgbClr val="([0-9A-F]{6})"><a:alpha val="(\d+)"\/>/gs)]
      .map(([, name, colour, alpha]) => ({ channel: channelOf.get(name), colour, alpha }))
      .filter((a) => a.channel !== undefined)
    expect(areas.length).toBeGreaterThan(3)
    for (const a of areas) expect([a.colour, a.alpha], a.channel).toEqual([CHANNEL_COLORS[a.channel as Channel].slice(1).toUpperCase(), '100000'])
  })
})
