import { describe, expect, it } from 'vitest'
import { evaluate } from '../engine/evaluate'
import { allOff, always, rawAssumptions, rawMeasures, scenarioWith, shippedModel } from '../testing/fixtures'
import { defaultScenario } from './default-scenario'
import { isGuessSource } from './guess'
import { loadModel, ModelLoadError, type Model } from './load-model'
import { countGuessInputs, engineReadIds } from './provenance'

type Json = Record<string, unknown>
const measuresOf = (raw: unknown): Json[] => (raw as { measures: Json[] }).measures
const assumptionsOf = (raw: unknown): Json[] => (raw as { assumptions: Json[] }).assumptions
const measure = (raw: unknown, id: string): Json => measuresOf(raw).find((m) => m.id === id) as Json
const param = (m: Json, id: string): Json => (m.params as Json[]).find((p) => p.id === id) as Json

const issuesOf = (measures: unknown, assumptions: unknown): string[] => {
  try {
    loadModel(measures, assumptions)
  } catch (e) {
    if (e instanceof ModelLoadError) return e.issues.map((i) => `${i.file} ${i.path}: ${i.message}`)
    throw e
  }
  return []
}

/** Every assumption id the engine looks up while evaluating `docs` (recorded on the model's index). */
const idsReadByEngine = (model: Model, docs: ReturnType<typeof defaultScenario>[]): Set<string> => {
  const read = new Set<string>()
  const index = new Map(model.assumptionIndex)
  const recording = new Proxy(index, {
    get(target, prop, receiver) {
      if (prop === 'get' || prop === 'has') {
        return (id: string) => {
          read.add(id)
          return prop === 'get' ? target.get(id) : target.has(id)
        }
      }
      const v = Reflect.get(target, prop, receiver) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    }
  })
  const recorded: Model = { ...model, assumptionIndex: recording }
  for (const doc of docs) evaluate(recorded, doc)
  return read
}

describe('provenance: the engine reads every assumption', () => {
  const model = shippedModel()
  const everyMeasureOn = scenarioWith(model, Object.fromEntries(model.measures.map((m) => [m.id, always('2025-01-01')])))
  const read = idsReadByEngine(model, [defaultScenario(model), everyMeasureOn, allOff(model)])

  it('every assumption in the dataset is looked up by an evaluation', () => {
    const unread = model.assumptions.map((a) => a.id).filter((id) => !read.has(id))
    expect(unread).toEqual([])
  })

  it('the registry the loader checks against covers every id the engine looks up', () => {
    const registry = engineReadIds(model)
    const outside = [...read].filter((id) => !registry.has(id))
    expect(outside).toEqual([])
  })

  it('the loader refuses an assumption no engine path reads', () => {
    const assumptions = rawAssumptions()
    assumptionsOf(assumptions).push({ id: 'orphan-figure', label: 'x', value: 1, unit: 't', year: 2025, source: 'USGS MCS 2025', confidence: 'H', group: 'demand' })
    expect(issuesOf(rawMeasures(), assumptions).join('\n')).toMatch(/"orphan-figure" is never read by the engine/)
  })
})

describe('provenance: sources belong to one side', () => {
  it('the shipped catalogue shares no source between a Beijing-side and a Washington-side input', () => {
    expect(issuesOf(rawMeasures(), rawAssumptions())).toEqual([])
  })

  it('refuses a Washington-side parameter citing a Beijing-side source, unless marked as covering both', () => {
    const measures = rawMeasures()
    const beijingLag = param(measure(measures, 'cn-mofcom-18'), 'lag-weeks')
    const bisLag = param(measure(measures, 'us-bis-dec2024'), 'lag-weeks')
    bisLag.source = beijingLag.source
    bisLag.confidence = 'M'
    const issues = issuesOf(measures, rawAssumptions())
    expect(issues.some((i) => /also cited by Beijing-side/.test(i))).toBe(true)
    bisLag.covers = 'both'
    beijingLag.covers = 'both'
    expect(issuesOf(measures, rawAssumptions())).toEqual([])
  })

  it('catches a shared citation inside a longer source text', () => {
    const measures = rawMeasures()
    const beijing = String(param(measure(measures, 'cn-mofcom-18'), 'initial-approval').source)
    const fdpr = param(measure(measures, 'us-fdpr-expansion'), 'initial-approval')
    fdpr.source = `BIS practice; ${beijing}`
    fdpr.confidence = 'M'
    expect(issuesOf(measures, rawAssumptions()).some((i) => /us-fdpr|measures\[\d+\]\.params\[\d+\]\.source: source/.test(i))).toBe(true)
  })

  it('refuses a coverage assumption whose source a measure of the other side also cites', () => {
    const measures = rawMeasures()
    const assumptions = rawAssumptions()
    const no18 = assumptionsOf(assumptions).find((a) => a.id === 'cov-no18-ndfeb') as Json
    const affiliates = param(measure(measures, 'us-affiliates-50'), 'approval')
    affiliates.source = no18.source
    affiliates.confidence = 'M'
    expect(issuesOf(measures, assumptions).some((i) => /also cited by Beijing-side assumptions\[\d+\]\.source/.test(i))).toBe(true)
  })
})

describe('provenance: every input has a source, a GUESS says why', () => {
  it('refuses a bare GUESS and a GUESS above confidence L on a measure parameter', () => {
    const measures = rawMeasures()
    const p = param(measure(measures, 'us-dfars-2027'), 'enforcement')
    p.source = 'GUESS — modelling judgement'
    p.confidence = 'M'
    const issues = issuesOf(measures, rawAssumptions()).join('\n')
    expect(issues).toMatch(/GUESS must carry confidence L/)
    expect(issues).toMatch(/one-line rationale/)
  })

  it('refuses a parameter without a source or a range, or with a range outside its bounds', () => {
    const measures = rawMeasures()
    const p = param(measure(measures, 'cn-mofcom-18'), 'approval')
    delete p.source
    const q = param(measure(measures, 'cn-mofcom-18'), 'lag-weeks')
    delete q.low
    const r = param(measure(measures, 'cn-mofcom-18'), 'initial-weeks')
    r.high = 99
    const issues = issuesOf(measures, rawAssumptions()).join('\n')
    expect(issues).toMatch(/params\[0\]\.source/)
    expect(issues).toMatch(/params\[\d\]\.low/)
    expect(issues).toMatch(/range 6–99 outside \[0, 52\]/)
  })

  it('every measure parameter carries a plausible range within its bounds for sampling', () => {
    for (const m of shippedModel().measures) {
      for (const p of m.params) {
        expect(p.low, `${m.id}.${p.id}`).toBeLessThanOrEqual(p.default)
        expect(p.high, `${m.id}.${p.id}`).toBeGreaterThanOrEqual(p.default)
        expect(p.low >= p.min && p.high <= p.max, `${m.id}.${p.id}`).toBe(true)
      }
    }
  })
})

describe('countGuessInputs', () => {
  it('counts GUESS assumptions, parameters and projects and names each', () => {
    const count = countGuessInputs({
      assumptions: [{ id: 'a', source: 'GUESS — no data; leans on the 2025 trough' }, { id: 'b', source: 'USGS MCS 2025' }],
      measures: [{ id: 'm', params: [{ id: 'p', source: 'GUESS — hypothetical measure, no instrument' }, { id: 'q', source: 'D1' }] }],
      projects: [{ id: 'x', source: 'MP 8-K' }]
    })
    expect(count).toEqual({ assumptions: 1, params: 1, projects: 0, total: 2, ids: ['assumption:a', 'measure:m.p'] })
  })

  it('on the shipped model matches a direct count and every counted input is a GUESS', () => {
    const model = shippedModel()
    const count = countGuessInputs(model)
    const direct = model.assumptions.filter((a) => isGuessSource(a.source)).length
      + model.measures.reduce((n, m) => n + m.params.filter((p) => isGuessSource(p.source)).length, 0)
      + model.projects.filter((p) => isGuessSource(p.source)).length
    expect(count.total).toBe(direct)
    expect(count.total).toBe(count.ids.length)
    expect(count.total).toBeGreaterThan(0)
    expect(count.total).toBeLessThan(model.assumptions.length + model.measures.reduce((n, m) => n + m.params.length, 0))
  })
})
