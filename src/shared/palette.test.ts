import { describe, expect, it } from 'vitest'
import { CHANNELS, ECONOMIES, SECTORS, attributeView, type Economy, type Model } from '../core'
import { always, scenarioWith, shippedModel } from '../core/testing/fixtures'
import { contrastRatio, hexDeltaE2000, hexToLab, simulateDeficiency, type ColourDeficiency } from './colour-metrics'
import { measureLegend } from './measure-stack'
import {
  CHANNEL_COLORS,
  CHART_BACKGROUNDS,
  MEASURE_COLORS,
  REST_COLOR,
  SCENARIO_COLORS,
  SERIES_DISTINCTNESS,
  SERIES_MIN_CONTRAST,
  STRUCTURAL_COLOR,
  measureColor
} from './palette'

/**
 * The palette's promises (see palette.ts), checked for every chart the shipped catalogue can draw: the
 * series of one chart are told apart (CIEDE2000), each stands out from the chart in both themes (WCAG
 * 1.4.11), and a measure has one colour.
 */

const model = shippedModel()
type Series = { id: string; color: string }
type Problem = string
type ColorOf = (id: string, index: number) => string
type Neutrals = { other: string; structural: string }
const NEUTRALS: Neutrals = { other: REST_COLOR, structural: STRUCTURAL_COLOR }

/** The measures that can have a series in a stack by measure of `economy`: those acting on one of its channels. */
const measuresOn = (m: Model, economy: Economy) => m.measures.filter((x) => x.channels.some((c) => c.economy === economy))

/** Every series set one stack-by-measure chart can show: its economy's measures, "Other measures" and "Without any measure". */
function measureCharts(colorOf: ColorOf, neutrals: Neutrals = NEUTRALS): Record<string, Series[]> {
  const index = new Map(model.measures.map((m, i) => [m.id, i]))
  return Object.fromEntries(
    ECONOMIES.map((e) => [
      `by measure, ${e}`,
      [...measuresOn(model, e).map((m) => ({ id: m.id, color: colorOf(m.id, index.get(m.id) ?? -1) })), { id: 'other', color: neutrals.other }, { id: 'structural', color: neutrals.structural }]
    ])
  )
}

/** Pairs of one set closer than `least` (CIEDE2000), each named with its ΔE. */
function closePairs(set: readonly Series[], least: number): Problem[] {
  const out: Problem[] = []
  for (let i = 0; i < set.length; i++)
    for (let j = i + 1; j < set.length; j++) {
      const d = hexDeltaE2000(set[i].color, set[j].color)
      if (d < least) out.push(`${set[i].id} ${set[i].color} / ${set[j].id} ${set[j].color}: ΔE00 ${d.toFixed(2)} < ${least}`)
    }
  return out
}

/** Pairs of one set closer than `least` as someone with each red-green dichromacy sees them. */
function closeForColourBlind(set: readonly Series[], least: number): Problem[] {
  return (['deuteranopia', 'protanopia'] as ColourDeficiency[]).flatMap((d) =>
    closePairs(set.map((s) => ({ id: s.id, color: simulateDeficiency(s.color, d) })), least).map((p) => `${d}: ${p}`)
  )
}

/** Colours below the non-text contrast against a chart background of either theme. */
function lowContrast(set: readonly Series[]): Problem[] {
  const backgrounds = [...CHART_BACKGROUNDS.light, ...CHART_BACKGROUNDS.dark]
  return set.flatMap((s) =>
    backgrounds.filter((bg) => contrastRatio(s.color, bg) < SERIES_MIN_CONTRAST).map((bg) => `${s.id} ${s.color} on ${bg}: ${contrastRatio(s.color, bg).toFixed(2)}:1`)
  )
}

/** Everything wrong with an assignment of colours to measures, over every chart set and across charts. */
function measurePaletteProblems(colorOf: ColorOf, neutrals: Neutrals = NEUTRALS): Problem[] {
  const charts = measureCharts(colorOf, neutrals)
  const everyMeasure = model.measures.map((m, i) => ({ id: m.id, color: colorOf(m.id, i) }))
  return [
    ...Object.values(charts).flatMap((set) => closePairs(set, SERIES_DISTINCTNESS.in_chart)),
    ...Object.values(charts).flatMap((set) => closeForColourBlind(set, SERIES_DISTINCTNESS.colour_blind)),
    ...closePairs(everyMeasure, SERIES_DISTINCTNESS.anywhere),
    ...Object.values(charts).flatMap(lowContrast)
  ]
}

const minDeltaE = (set: readonly Series[]) => Math.min(...set.flatMap((a, i) => set.slice(i + 1).map((b) => hexDeltaE2000(a.color, b.color))))

/** The assignment before this palette: 16 colours cycled by catalogue position (measure 17 = measure 1's colour). */
const OLD_CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd']
const oldColor: ColorOf = (_id, i) => OLD_CYCLE[i % OLD_CYCLE.length]
const OLD_NEUTRALS: Neutrals = { other: '#9aa0a6', structural: '#c9c2b2' }

describe('measure colours', () => {
  it('give every catalogue measure its own entry, and nothing else', () => {
    expect(Object.keys(MEASURE_COLORS).sort()).toEqual(model.measures.map((m) => m.id).sort())
    expect(() => measureColor('no-such-measure')).toThrow(/no colour for measure "no-such-measure"/)
  })

  it('tell apart every two series of a stack by measure (also for red-green colour blindness) and any two measures anywhere; each stands out in both themes', () => {
    expect(measurePaletteProblems((id) => measureColor(id))).toEqual([])
    // The figures the report quotes (and a guard that the sets are what the catalogue says: 14 + 2 and 10 + 2).
    const charts = measureCharts((id) => measureColor(id))
    expect(Object.values(charts).map((s) => s.length)).toEqual([16, 12])
    for (const set of Object.values(charts)) expect(minDeltaE(set)).toBeGreaterThanOrEqual(SERIES_DISTINCTNESS.in_chart)
  })

  it('fail the old palette: No. 18 and No. 10 shared a blue, DFARS had nearly the same one', () => {
    const problems = measurePaletteProblems(oldColor, OLD_NEUTRALS)
    expect(problems.some((p) => p.startsWith('cn-mofcom-18 #1f77b4 / cn-mofcom-10 #1f77b4: ΔE00 0.00'))).toBe(true)
    expect(problems.some((p) => /^cn-mofcom-18 .* \/ us-dfars-2027 #3182bd: ΔE00 4\.\d\d/.test(p))).toBe(true)
    expect(problems.some((p) => p.startsWith('structural #c9c2b2 on #ffffff'))).toBe(true)
  })

  it('only chart sets the engine can fill: with every measure on, no measure moves an economy it does not act on', () => {
    const doc = scenarioWith(model, Object.fromEntries(model.measures.map((m) => [m.id, always()])))
    const split = attributeView(model, doc)
    for (const e of ECONOMIES) {
      const allowed = new Set(measuresOn(model, e).map((m) => m.id))
      const moving = SECTORS.flatMap((s) => Object.entries(split[e][s].byMeasure).filter(([, v]) => v.some((x) => Math.abs(x) > 1e-9)).map(([id]) => id))
      expect(moving.length, e).toBeGreaterThan(0)
      expect(moving.filter((id) => !allowed.has(id)), e).toEqual([])
    }
  })

  it('carry the side as a hue family: Beijing warm, Washington cool, the rest near-grey', () => {
    const hue = (hex: string) => {
      const { a, b } = hexToLab(hex)
      return ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360
    }
    const chroma = (hex: string) => Math.hypot(hexToLab(hex).a, hexToLab(hex).b)
    for (const m of model.measures) {
      const h = hue(measureColor(m.id))
      const warm = h >= 340 || h <= 100
      const cool = h >= 130 && h <= 330
      expect(m.side === 'beijing' ? warm : cool, `${m.id} ${measureColor(m.id)} h=${h.toFixed(0)}`).toBe(true)
      expect(chroma(measureColor(m.id)), m.id).toBeGreaterThanOrEqual(25)
    }
    for (const neutral of [REST_COLOR, STRUCTURAL_COLOR]) expect(chroma(neutral), neutral).toBeLessThan(12)
  })

  it('are the legend entries the workspace and the exports both take (measureLegend)', () => {
    const legend = measureLegend(model.measures)
    expect(legend.map((l) => l.color)).toEqual(model.measures.map((m) => MEASURE_COLORS[m.id]))
    expect(legend.map((l) => l.label)).toEqual(model.measures.map((m) => m.short))
  })
})

describe('channel colours', () => {
  const all = CHANNELS.map((c) => ({ id: c, color: CHANNEL_COLORS[c] }))

  it('tell apart any two channels (a chart of either economy may show any that carry exposure), also for red-green colour blindness; each stands out in both themes', () => {
    expect(closePairs(all, SERIES_DISTINCTNESS.in_chart)).toEqual([])
    expect(lowContrast(all)).toEqual([])
    // As a dichromat sees them, per economy: the channels some measure acts on there.
    for (const e of ECONOMIES) {
      const acted = all.filter((c) => model.measures.some((m) => m.channels.some((x) => x.economy === e && x.channel === c.id)))
      expect(closeForColourBlind(acted, SERIES_DISTINCTNESS.colour_blind), e).toEqual([])
    }
  })

  it('fail the old palette: light REE and the US concentrate feed were the same blue-grey, legacy chips too pale on white', () => {
    const old: Record<string, string> = {
      ndfeb: '#00798c', smco: '#6a4c93', light_ree: '#8c9db5', dy_tb: '#d1495b', y_sc: '#edae49', gd_lu: '#9c6644', ho_yb: '#e07a5f', gallium: '#3d405b',
      germanium: '#81b29a', antimony: '#5f0f40', tungsten: '#6c757d', chips: '#2e86ab', legacy_chips: '#a3cef1', software: '#66a182',
      aero_engines: '#1d3557', ai_accelerators: '#e63946', sme_servicing: '#f4a261', ree_feed: '#8d99ae', tariffs: '#a0522d'
    }
    const set = CHANNELS.map((c) => ({ id: c, color: old[c] }))
    expect(closePairs(set, SERIES_DISTINCTNESS.in_chart).some((p) => p.startsWith('light_ree #8c9db5 / ree_feed #8d99ae'))).toBe(true)
    expect(lowContrast(set).some((p) => p.startsWith('legacy_chips #a3cef1 on #ffffff'))).toBe(true)
  })
})

describe('comparison colours', () => {
  it('each scenario colour stands out from the white export background (≥ 3:1) and from the others (ΔE00 ≥ 14)', () => {
    for (const c of SCENARIO_COLORS) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(3)
    SCENARIO_COLORS.forEach((a, i) => SCENARIO_COLORS.slice(i + 1).forEach((b) => expect(hexDeltaE2000(a, b)).toBeGreaterThanOrEqual(14)))
  })
})
