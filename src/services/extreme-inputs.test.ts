import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultScenario, evaluate, HARD_NUMBER_LIMIT, scenarioDocSchema, type ScenarioDoc } from '../core'
import { model } from '../shared/dataset'
import { measureSeries } from '../shared/measure-stack'
import { stackLevels } from '../shared/stack'
import { buildChartSpec } from './export/chart-spec'
import { renderChartSvg } from './export/chart-svg'
import { chartInputs, reportContent } from './export/content'
import { chartCsv, seriesCsv } from './export/csv'
import { buildReportHtml } from './export/report-html'
import { createEngine } from './export/engine'
import { attribute } from '../core'

/**
 * Whatever a document the boundary accepts holds — overrides and parameters at the edge of what the schema
 * allows, tiny, huge, negative — the engine, the chart mappers and every export give finite numbers: no
 * NaN or Infinity in a series, an SVG coordinate, a CSV cell or the report.
 */
const assumptions = [...model.assumptionIndex.keys()]
const params = model.measures.flatMap((m) => m.params.map((p) => ({ measure: m.id, param: p.id })))
const extreme = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1e9, -1e9, 999_999_999.9, 1e6, -1e6, -1, -0, 0, 5e-324, 1e-300, 0.5, 1, 2, 100, 101) },
  { weight: 3, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
  // Beyond the hard bounds: the schema must refuse these documents (checked by the first test).
  { weight: 1, arbitrary: fc.constantFrom(1e307, -1e307, Number.MAX_VALUE, 1e10) }
)
const docArb: fc.Arbitrary<unknown> = fc
  .record({
    overrides: fc.array(fc.tuple(fc.constantFrom(...assumptions), extreme), { maxLength: 12 }),
    params: fc.array(fc.tuple(fc.constantFrom(...params), extreme), { maxLength: 6 })
  })
  .map(({ overrides, params: set }) => {
    const doc = defaultScenario(model, 'Extreme')
    const measures = doc.measures.map((m) => ({ ...m, enabled: true, params: { ...m.params } }))
    for (const [{ measure, param }, v] of set) {
      const m = measures.find((x) => x.id === measure)
      if (m) m.params[param] = v
    }
    return { ...doc, measures, overrides: Object.fromEntries(overrides) }
  })

/** Every number anywhere in `value`. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value)
  else if (ArrayBuffer.isView(value)) out.push(...(Array.from(value as unknown as ArrayLike<number>)))
  else if (Array.isArray(value)) value.forEach((v) => numbers(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbers(v, out))
  return out
}
const NON_FINITE_TEXT = /NaN|Infinity/

const ctx = { model, clock: () => new Date('2026-12-01T00:00:00Z'), appVersion: '0.1.0' }

describe('extreme inputs at the boundary', () => {
  it('the schema refuses numbers beyond the hard bounds, whatever else the document holds', () => {
    const base = defaultScenario(model, 'Bounds')
    for (const v of [1e307, -1e307, 1e10, -1e10]) {
      expect(scenarioDocSchema.safeParse({ ...base, overrides: { [assumptions[0]]: v } }).success, String(v)).toBe(false)
      const m = base.measures.find((x) => model.measures.find((c) => c.id === x.id)?.params.length)!
      const p = model.measures.find((c) => c.id === m.id)!.params[0].id
      expect(scenarioDocSchema.safeParse({ ...base, measures: base.measures.map((x) => (x === m ? { ...x, params: { ...x.params, [p]: v } } : x)) }).success).toBe(false)
    }
  })

  it('the engine gives finite numbers for every output of every document the schema accepts', { timeout: 60_000 }, () => {
    let accepted = 0
    fc.assert(
      fc.property(docArb, (raw) => {
        const parsed = scenarioDocSchema.safeParse(raw)
        if (!parsed.success) return
        accepted++
        const result = evaluate(model, parsed.data)
        const bad = numbers(result).filter((n) => !Number.isFinite(n))
        expect(bad.length, `${bad.length} non-finite numbers for overrides ${JSON.stringify(parsed.data.overrides)}`).toBe(0)
        for (const economy of Object.values(result.economies))
          for (const series of Object.values(economy)) for (const x of [...series.exposure, ...series.cost]) expect(x >= 0 && x <= 100).toBe(true)
      }),
      { numRuns: 300, seed: 20261201 }
    )
    expect(accepted).toBeGreaterThan(100)
  })

  it('the issue’s case: huge overrides on every cost assumption give a clean export, or are refused at the boundary', () => {
    const costs = assumptions.filter((id) => /price|cost|tariff/.test(id))
    expect(costs.length).toBeGreaterThan(0)
    for (const v of [1e307, 1e12, HARD_NUMBER_LIMIT, -HARD_NUMBER_LIMIT]) {
      const parsed = scenarioDocSchema.safeParse({ ...defaultScenario(model, 'Costly'), overrides: Object.fromEntries(costs.map((id) => [id, v])) })
      if (!parsed.success) {
        expect(Math.abs(v)).toBeGreaterThan(HARD_NUMBER_LIMIT)
        continue
      }
      const engine = createEngine()
      const withEngine = { ...ctx, engine }
      expect(seriesCsv([{ name: 'Costly', result: engine.evaluate(model, parsed.data) }]), String(v)).not.toMatch(NON_FINITE_TEXT)
      for (const sector of ['defense', 'autos'] as const) {
        const spec = buildChartSpec(chartInputs(withEngine, parsed.data, [], { sector, economy: 'us', metric: 'cost', stacking: 'channel', band: false, reference: true }))
        expect(renderChartSvg(spec), String(v)).not.toMatch(NON_FINITE_TEXT)
      }
      expect(buildReportHtml(reportContent(withEngine, parsed.data, [], { economy: 'us', band: false, threshold: 20 }))).not.toMatch(NON_FINITE_TEXT)
    }
  })

  it('chart mappers and exports (CSV, SVG, report) never carry NaN or Infinity', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const parsed = scenarioDocSchema.safeParse(raw)
        if (!parsed.success) return
        const doc: ScenarioDoc = parsed.data
        const engine = createEngine()
        const withEngine = { ...ctx, engine }
        for (const stacking of ['channel', 'measure'] as const) {
          const spec = buildChartSpec(chartInputs(withEngine, doc, [], { sector: 'defense', economy: 'us', metric: 'cost', stacking, band: false, reference: true }))
          expect(numbers({ yMin: spec.yMin, yMax: spec.yMax, s: spec.stacked.map((s) => s.values), l: spec.lines.map((s) => s.values) }).filter((n) => !Number.isFinite(n))).toEqual([])
          expect(renderChartSvg(spec)).not.toMatch(NON_FINITE_TEXT)
          expect(chartCsv(spec)).not.toMatch(NON_FINITE_TEXT)
        }
        expect(seriesCsv([{ name: doc.name, result: engine.evaluate(model, doc) }])).not.toMatch(NON_FINITE_TEXT)
        const split = attribute(model, doc).us.defense
        const stacked = stackLevels(measureSeries(split, model.measures.map((m) => ({ id: m.id, label: m.short, color: '#000' }))).map((s) => s.values))
        expect(numbers(stacked).filter((n) => !Number.isFinite(n))).toEqual([])
        expect(buildReportHtml(reportContent(withEngine, doc, [], { economy: 'us', band: false, threshold: 20 }))).not.toMatch(NON_FINITE_TEXT)
      }),
      { numRuns: 15, seed: 20261202 }
    )
  })
})
