import { describe, expect, it } from 'vitest'
import { attribute } from '../analysis/attribution'
import { tornado, type TornadoRow } from '../analysis/tornado'
import { evaluate } from '../engine/evaluate'
import { applyBranch, evaluateView } from '../engine/branches'
import type { Branch, ScenarioDoc } from '../scenario/schema'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import { buildEvidence, evidenceFor, EVIDENCE_TOP, meaningOf } from './evidence'
import { guessShare, isGuessSource } from './guess'

const model = shippedModel()
const doc = defaultScenario(model)
const result = evaluate(model, doc)
// The US defence peak of the default: the figure a room asks about first.
const series = result.economies.us.defense.exposure
const peak = series.indexOf(Math.max(...series))
const quarter = result.quarters[peak] as string
const request = { economy: 'us' as const, sector: 'defense' as const, quarter }

const row = (id: string, swing: number, kind: TornadoRow['kind'] = 'assumption'): TornadoRow => ({
  kind, id, label: id, unit: '', lowValue: 0, baseValue: 0.5, highValue: 1, kpiLow: 10, kpiHigh: 10 + swing, swing
})
const sourced = model.assumptions.find((a) => !isGuessSource(a.source)) ?? model.assumptions[0]
const guessed = model.assumptions.find((a) => isGuessSource(a.source)) ?? model.assumptions[0]
const parts = (sensitivity: TornadoRow[]) => ({ request, result, attribution: attribute(model, doc).us.defense, sensitivity })

describe('buildEvidence (pure mapper)', () => {
  it('GUESS reliance = share of the one-at-a-time swing that comes from GUESS inputs', () => {
    if (!sourced || !guessed) throw new Error('dataset lacks a sourced or a GUESS assumption')
    const e = buildEvidence(model, parts([row(sourced.id, 3), row(guessed.id, 1), row('nothing', 0)]))
    expect(e.guess.share).toBeCloseTo(0.25, 12)
    expect(e.guess).toMatchObject({ guessSwing: 1, totalSwing: 4, movers: 2, guessMovers: 1 })
    expect(e.inputs.map((i) => [i.id, i.guess])).toEqual([[sourced.id, false], [guessed.id, true]])
    expect(e.inputs[0]?.source).toBe(sourced.source)
    expect(e.inputs[1]?.confidence).toBe('L')
    expect(buildEvidence(model, parts([])).guess.share).toBeNull()
  })

  it('lists the quarter\'s top measures by |points| with their instrument source and confidence; they add up with the structural part', () => {
    const e = buildEvidence(model, parts([]))
    expect(e.value).toBe(series[peak])
    expect(e.measures.length).toBeGreaterThan(0)
    expect(e.measures.length).toBeLessThanOrEqual(EVIDENCE_TOP)
    const abs = e.measures.map((m) => Math.abs(m.points))
    expect([...abs].sort((a, b) => b - a)).toEqual(abs)
    // Nothing listed that would print as ±0.0.
    for (const x of abs) expect(x).toBeGreaterThanOrEqual(0.05)
    for (const c of e.channels) expect(c.points).toBeGreaterThanOrEqual(0.05)
    const all = attribute(model, doc).us.defense
    const sum = Object.values(all.byMeasure).reduce((s, xs) => s + (xs[peak] as number), all.baseline[peak] as number)
    expect(sum).toBeCloseTo(e.value, 6)
    const top = model.measures.find((m) => m.id === e.measures[0]?.id)
    expect(e.measures[0]).toMatchObject({ label: top?.short, confidence: top?.confidence, source: top?.instrument?.source ?? expect.any(String) })
  })

  it('says what the index means, with this figure in words', () => {
    const [what, caveat] = meaningOf(25.17, 'autos', 'us', '2025-Q2')
    expect(what).toMatch(/^25\.2 out of 100 is the exposure of autos in US & allies in 2025 Q2/)
    expect(caveat).toMatch(/not a forecast of lost output: 25\.2 does not mean 25\.2 % of production stops/)
    expect(meaningOf(0, 'autos', 'us', '2025-Q1')[1]).toMatch(/nothing critical is missing/)
  })

  it('refuses a quarter outside the horizon', () => {
    expect(() => buildEvidence(model, { ...parts([]), request: { ...request, quarter: '2040-Q1' } })).toThrow(/2040-Q1/)
  })
})

describe('evidenceFor (analyses of one figure)', () => {
  it('ranks inputs by their swing of this quarter\'s figure (not the horizon peak)', () => {
    const e = evidenceFor(model, doc, request)
    const local = tornado(model, doc, { economy: 'us', sector: 'defense', kpi: 'peak', quarter })
    expect(local.baseKpi).toBeCloseTo(e.value, 9)
    expect(e.inputs[0]?.swing).toBeCloseTo(local.rows[0]?.swing as number, 9)
    expect(e.guess.share).not.toBeNull()
    expect(e.guess.share as number).toBeGreaterThanOrEqual(0)
    expect(e.guess.share as number).toBeLessThanOrEqual(1)
    // The local KPI differs from the horizon-peak KPI when the figure is not the peak.
    const first = tornado(model, doc, { economy: 'us', sector: 'defense', kpi: 'peak', quarter: result.quarters[0] as string })
    expect(first.baseKpi).toBeCloseTo(series[0] as number, 9)
  })
})

describe('evidenceFor with branches: explains the figure the screen shows', () => {
  const twoBranches = (view: string): ScenarioDoc => ({
    ...defaultScenario(model),
    branches: [
      { id: 'as-set', label: 'As set', probability: 0.7, note: '', measures: [] },
      { id: 'no18-off', label: 'No. 18 lifted', probability: 0.3, note: '', measures: [{ id: 'cn-mofcom-18', enabled: false }] }
    ],
    branchView: view
  })
  // Q2: No. 18's trough (by Q3 the Model-2 engine has its autos effect bought around by restocking).
  const q = '2025-Q2'
  const autos = { economy: 'us' as const, sector: 'autos' as const, quarter: q }

  it('mixture: the mixed figure, and sensitivity rows mixed with the branch weights', () => {
    const doc = twoBranches('mixture')
    const shown = evaluateView(model, doc)
    const h = shown.quarters.indexOf(q)
    const e = evidenceFor(model, doc, autos)
    expect(e.value).toBeCloseTo(shown.economies.us.autos.exposure[h] as number, 9)
    // Each branch's figure at an input's low end, weighted, is the mixture's low figure.
    const top = e.inputs[0]
    if (!top) throw new Error('no input moves the mixed figure')
    const branchRows = doc.branches.map((b) => {
      const t = tornado(model, applyBranch(model, doc, b as Branch), { economy: 'us', sector: 'autos', kpi: 'peak', quarter: q })
      const r = t.rows.find((x) => (x.param ? `${x.id}.${x.param}` : x.id) === top.id)
      return { p: b.probability, low: r ? r.kpiLow : t.baseKpi }
    })
    expect(top.low).toBeCloseTo(branchRows.reduce((a, r) => a + r.p * r.low, 0), 9)
    const noBranch = evidenceFor(model, defaultScenario(model), autos)
    expect(e.value).not.toBeCloseTo(noBranch.value, 3)
  })

  it('a chosen branch: exactly that branch\'s evidence', () => {
    const doc = twoBranches('no18-off')
    const e = evidenceFor(model, doc, autos)
    const alone = evidenceFor(model, applyBranch(model, doc, doc.branches[1] as Branch), autos)
    expect(e).toEqual(alone)
    expect(e.measures.some((m) => m.id === 'cn-mofcom-18')).toBe(false)
  })
})

describe('guessShare', () => {
  it('counts GUESS inputs by kind with their totals', () => {
    const c = guessShare(model)
    expect(c.assumptions.total).toBe(model.assumptions.length)
    expect(c.assumptions.guess).toBe(model.assumptions.filter((a) => isGuessSource(a.source)).length)
    expect(c.projects.total).toBe(model.projects.length)
    expect(c.guess).toBe(c.assumptions.guess + c.params.guess + c.projects.guess)
    expect(isGuessSource('GUESS — modelling judgement')).toBe(true)
    expect(isGuessSource('USGS MCS 2025')).toBe(false)
  })
})
