import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, defaultScenario, evaluateView, simulate, type ScenarioDoc } from '../../core'
import { model, uncertainty } from '../../shared/dataset'
import { CHANNEL_COLORS, REFERENCE_COLOR, SCENARIO_COLORS } from '../../shared/palette'
import { buildChartSpec, type ChartInputs } from './chart-spec'
import { labelledQuarters, renderChartSvg, wrapText } from './chart-svg'
import { chartInputs, withoutMeasures } from './content'
import { BAND_SAMPLES } from './engine'
import { svgToPng } from './raster'
import { decodePng, hasColour, pixelStats, pngSize } from './testing/png'

const doc: ScenarioDoc = { ...defaultScenario(model, 'Workshop A'), overrides: { 'cn-share-dy-tb': 0.97 } }
const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }
const config = { sector: 'defense', economy: 'us', metric: 'exposure', stacking: 'channel', band: false, reference: true } as const

/** The same inputs with a reference that is not 0 (the scenario itself), as a model with structural exposure would give. */
const withReference = (inputs: ChartInputs): ChartInputs => ({ ...inputs, reference: inputs.scenarios[0].result, modified: inputs.scenarios[0].result })

/** resvg parses the SVG as XML and fails on malformed markup: a parse check that needs no DOM. */
const parses = (svg: string) => new Resvg(svg).width

describe('chart spec', () => {
  it('stacks the channels that carry exposure, with the engine numbers unrounded, and the no-measures line', () => {
    const result = evaluateView(model, doc)
    const spec = buildChartSpec(chartInputs(ctx, doc, [], config))
    const series = result.economies.us.defense
    const active = CHANNELS.filter((c) => series.byChannel[c].some((v) => v > 0))
    expect(active.length).toBeGreaterThan(0)
    expect(spec.stacked.map((s) => s.key)).toEqual(active)
    for (const s of spec.stacked) expect(s.values).toEqual(series.byChannel[s.key as (typeof CHANNELS)[number]])
    // With every measure off, exposure is 0 throughout in this model: no dashed line on the axis, no legend entry.
    expect(Math.max(...evaluateView(model, withoutMeasures(model, doc)).economies.us.defense.exposure)).toBe(0)
    // A measure the document does not list takes its catalogue default (No. 10 is on): "no measures" turns it off too.
    const partial = { ...doc, measures: doc.measures.filter((m) => m.id !== 'cn-mofcom-10') }
    expect(Math.max(...evaluateView(model, partial).economies.us.defense.exposure)).toBeGreaterThan(0)
    expect(Math.max(...evaluateView(model, withoutMeasures(model, partial)).economies.us.defense.exposure)).toBe(0)
    expect(spec.lines).toEqual([])
    expect(spec.subtitle).not.toContain('no measures')
    // A reference that is not 0 is drawn, and (overrides) the same under the scenario's assumptions.
    const drawn = buildChartSpec(withReference(chartInputs(ctx, doc, [], config)))
    expect(drawn.lines.map((l) => l.key)).toEqual(['reference', 'modified'])
    expect(drawn.lines[0].values).toEqual(result.economies.us.defense.exposure)
    expect(spec.categories[0]).toBe('2025 Q1')
    expect(spec.yMax).toBeGreaterThanOrEqual(Math.max(...series.exposure))
  })

  it('overlays one line per scenario in a comparison, in the scenario colours', () => {
    const other = { ...doc, name: 'Nothing on', measures: doc.measures.map((m) => ({ ...m, enabled: false })) }
    const spec = buildChartSpec(chartInputs(ctx, doc, [other], config))
    expect(spec.stacked).toEqual([])
    expect(spec.lines.map((l) => [l.name, l.color])).toEqual([
      ['Workshop A', SCENARIO_COLORS[0]],
      ['Nothing on', SCENARIO_COLORS[1]]
    ])
    expect(spec.lines[1].values).toEqual(evaluateView(model, other).economies.us.defense.exposure)
    expect(spec.title).toMatch(/comparison$/)
    expect(spec.lines.map((l) => l.dash)).toEqual([undefined, 'dash'])
  })

  it('aligns compared scenarios by quarter when their horizons differ, leaving gaps empty', () => {
    const later = { ...doc, name: 'Later start', horizon: { start: '2026-Q1', quarters: 8 } }
    const spec = buildChartSpec(chartInputs(ctx, doc, [later], config))
    expect(spec.categories).toHaveLength(24)
    const line = spec.lines[1].values
    expect(line.slice(0, 4)).toEqual([null, null, null, null])
    expect(line.slice(4, 12)).toEqual(evaluateView(model, later).economies.us.defense.exposure)
    expect(line.slice(12).every((v) => v === null)).toBe(true)
    const svg = renderChartSvg(spec)
    expect(parses(svg)).toBe(1920)
    // The broken line is drawn as one sub-path starting at its first quarter.
    expect(/data-series="scenario-2" d="M[^M]+"/.test(svg)).toBe(true)
  })

  it('adds the band of the seeded Monte Carlo when asked: the screen’s computation, captioned, no dashed edges', () => {
    const spec = buildChartSpec(chartInputs(ctx, doc, [], { ...config, band: true }))
    const sim = simulate(model, doc, { samples: BAND_SAMPLES, uncertainty }).economies.us.defense.exposure
    expect(spec.band?.low).toEqual(sim.low)
    expect(spec.band?.high).toEqual(sim.high)
    expect(spec.band?.name).toBe(`P10–P90, ${BAND_SAMPLES} samples`)
    const svg = renderChartSvg(spec)
    expect(svg).toContain('data-series="band"')
    // Dashes belong to the "No measures" line only: nothing drawn in the band's colour is dashed.
    const inBandColour = svg.split('\n').filter((l) => l.includes(`stroke="${spec.band?.color}"`))
    expect(inBandColour.length).toBeGreaterThanOrEqual(3)
    for (const l of inBandColour) expect(l).not.toContain('stroke-dasharray')
    expect(buildChartSpec(chartInputs(ctx, doc, [], config)).band).toBeNull()
  })

  it('stacks by measure as the app does: the biggest contributions, the others, the rest, summing to the total', () => {
    const spec = buildChartSpec(chartInputs(ctx, doc, [], { ...config, stacking: 'measure', sector: 'autos' }))
    const total = evaluateView(model, doc).economies.us.autos.exposure
    expect(spec.stacked.length).toBeGreaterThan(1)
    expect(spec.stacked.length).toBeLessThanOrEqual(8 + 1)
    expect(spec.stacked.every((s) => s.key.startsWith('m:') || s.key === 'other' || s.key === 'structural')).toBe(true)
    // Contributions keep their sign (a measure that lowers exposure stacks below zero), so in every
    // quarter the series add up to the total, to the 0.01 the app shows.
    total.forEach((v, t) => expect(Math.abs(spec.stacked.reduce((acc, s) => acc + (s.values[t] ?? 0), 0) - v)).toBeLessThan(0.005))
    expect(spec.subtitle).toContain('stacked by measure')
  })

  it('draws cost pressure as a line, never stacked', () => {
    const spec = buildChartSpec(chartInputs(ctx, doc, [], { ...config, metric: 'cost', sector: 'autos' }))
    expect(spec.stacked).toEqual([])
    expect(spec.lines[0].values).toEqual(evaluateView(model, doc).economies.us.autos.cost)
    expect(spec.yTitle).toBe('Cost pressure (index 0–100)')
  })
})

describe('chart SVG', () => {
  const spec = buildChartSpec(withReference(chartInputs(ctx, doc, [], config)))
  const svg = renderChartSvg(spec)

  it('is a well-formed 1920×1080 document with title, axis titles, an SVG legend and the stamp', () => {
    expect(parses(svg)).toBe(1920)
    expect(svg).toContain('<title>Defense — exposure, US &amp; allies</title>')
    expect(svg).toContain('Exposure (index 0–100)')
    expect(svg).toContain('>Quarter<')
    expect(svg).toContain('data-legend="true"')
    for (const s of spec.stacked) expect(svg).toContain(`>${s.name.replace('&', '&amp;')}<`)
    expect(svg).toContain('>No measures<')
    expect(svg).toMatch(/Scenario: Workshop A · Exported 2026-11-28 · Chokepoint 0\.1\.0/)
    expect(svg).toContain(`dataset ${model.datasetVersion}`)
    expect(svg).toContain('Key assumptions:')
    expect(svg).toContain('1 override')
  })

  it('escapes what people type into names', () => {
    const hostile = { ...doc, name: '<script>alert("x")</script> & Co' }
    const text = renderChartSvg(buildChartSpec(chartInputs(ctx, hostile, [], config)))
    expect(parses(text)).toBe(1920)
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
  })

  it('labels every second quarter and always the last', () => {
    expect(labelledQuarters(24)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23])
    expect(labelledQuarters(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(labelledQuarters(40).at(-1)).toBe(39)
    const labels = [...svg.matchAll(/<tspan x="[\d.]+">(Q\d)<\/tspan><tspan x="[\d.]+" dy="26">(\d{4})<\/tspan>/g)].map((m) => `${m[2]} ${m[1]}`)
    expect(labels).toEqual(labelledQuarters(24).map((i) => spec.categories[i]))
    expect(labels.at(-1)).toBe('2030 Q4')
  })

  it('keeps the date and versions in the stamp however long the name, and isolates a right-to-left name', () => {
    const long = renderChartSvg(buildChartSpec(chartInputs(ctx, { ...doc, name: 'N'.repeat(200) }, [], config)))
    expect(long).toMatch(/Scenario: N+… · Exported 2026-11-28 · Chokepoint 0\.1\.0 · model [^<]+ · dataset [^<…]+</)
    expect(long).toContain(`dataset ${model.datasetVersion}<`)
    const rtl = renderChartSvg(buildChartSpec(chartInputs(ctx, { ...doc, name: 'תרחיש 2' }, [], config)))
    expect(rtl).toContain('Scenario: \u2068תרחיש 2\u2069 · Exported')
    expect(parses(rtl)).toBe(1920)
  })

  it('wraps long footers onto at most two lines and marks the cut', () => {
    const lines = wrapText('word '.repeat(200), 22, 1800, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
  })
})

describe('chart PNG', () => {
  const spec = buildChartSpec(withReference(chartInputs(ctx, doc, [], config)))
  const svg = renderChartSvg(spec)

  it('is 1920×1080 at scale 1 and 3840×2160 at scale 2', () => {
    expect(pngSize(svgToPng(svg, 1))).toEqual({ width: 1920, height: 1080 })
    expect(pngSize(svgToPng(svg, 2))).toEqual({ width: 3840, height: 2160 })
  })

  it('has ink: text, the stacked channels in their colours and the reference line', () => {
    const img = decodePng(svgToPng(svg, 1))
    const stats = pixelStats(img)
    expect(stats.inked).toBeGreaterThan(0.03)
    expect(stats.colours).toBeGreaterThan(20)
    for (const s of spec.stacked) expect(hasColour(img, CHANNEL_COLORS[s.key as keyof typeof CHANNEL_COLORS]), CHANNEL_LABELS[s.key as keyof typeof CHANNEL_LABELS]).toBe(true)
    expect(hasColour(img, REFERENCE_COLOR)).toBe(true)
  })
})
