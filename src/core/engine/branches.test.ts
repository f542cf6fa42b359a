import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import type { Branch, ScenarioDoc } from '../scenario/schema'
import { parseScenarioDoc } from '../scenario/upgrade'
import { shippedModel } from '../testing/fixtures'
import { applyBranch, evaluateBranches, evaluateView } from './branches'
import { evaluate } from './evaluate'
import { CHANNELS, ECONOMIES, SECTORS } from './types'

const model = shippedModel()

/** Default scenario with No. 18 unchanged in one branch and switched off in the other. */
const twoBranches = (pOff: number): ScenarioDoc => ({
  ...defaultScenario(model),
  branches: [
    { id: 'as-set', label: 'As set', probability: 1 - pOff, note: '', measures: [] },
    { id: 'no18-off', label: 'No. 18 lifted', probability: pOff, note: '', measures: [{ id: 'cn-mofcom-18', enabled: false }] }
  ],
  branchView: 'mixture'
})

describe('evaluateBranches', () => {
  it('a scenario without branches is one certain branch equal to evaluate()', () => {
    const doc = { ...defaultScenario(model), branches: [], branchView: 'mixture' }
    const r = evaluateBranches(model, doc)
    expect(r.branches).toHaveLength(1)
    expect(r.branches[0]?.probability).toBe(1)
    expect(r.mixture).toEqual(evaluate(model, doc))
  })

  it('a branch with probability 1 gives exactly that branch', () => {
    const r = evaluateBranches(model, twoBranches(1))
    const off = evaluate(model, applyBranch(model, twoBranches(1), twoBranches(1).branches[1] as Branch))
    expect(r.mixture).toEqual(off)
    expect(r.mixture.economies.us.autos.exposure).not.toEqual(r.branches[0]?.result.economies.us.autos.exposure)
  })

  it('the mixture is the probability-weighted mean of every series, and its channels still sum to exposure', () => {
    const doc = twoBranches(0.3)
    const r = evaluateBranches(model, doc)
    const [a, b] = r.branches.map((x) => x.result)
    if (!a || !b) throw new Error('two branches expected')
    for (const e of ECONOMIES) for (const s of SECTORS) {
      const m = r.mixture.economies[e][s]
      m.exposure.forEach((v, h) => {
        expect(v).toBeCloseTo(0.7 * (a.economies[e][s].exposure[h] as number) + 0.3 * (b.economies[e][s].exposure[h] as number), 10)
        expect(m.cost[h]).toBeCloseTo(0.7 * (a.economies[e][s].cost[h] as number) + 0.3 * (b.economies[e][s].cost[h] as number), 10)
        const sum = CHANNELS.reduce((acc, k) => acc + (m.byChannel[k][h] as number), 0)
        expect(sum).toBeCloseTo(v, 9)
      })
    }
    const g = r.mixture.diagnostics.magnetExportsIndex.global
    g.forEach((v, h) => expect(v).toBeCloseTo(0.7 * (a.diagnostics.magnetExportsIndex.global[h] as number) + 0.3 * (b.diagnostics.magnetExportsIndex.global[h] as number), 12))
  })

  it('applyBranch merges params, replaces suspensions and leaves the input untouched', () => {
    const doc = defaultScenario(model)
    const before = structuredClone(doc)
    const branch: Branch = {
      id: 'x', label: 'x', probability: 1, note: '',
      measures: [{ id: 'cn-mofcom-57', suspensions: [{ from: '2025-11-07', until: null, note: 'extended' }] }, { id: 'cn-mofcom-18', params: { approval: 50 } }]
    }
    const out = applyBranch(model, doc, branch)
    expect(doc).toEqual(before)
    const m57 = out.measures.find((m) => m.id === 'cn-mofcom-57')
    expect(m57?.suspensions).toEqual([{ from: '2025-11-07', until: null, note: 'extended' }])
    const m18 = out.measures.find((m) => m.id === 'cn-mofcom-18')
    expect(m18?.params.approval).toBe(50)
    expect(m18?.params['initial-approval']).toBe(doc.measures.find((m) => m.id === 'cn-mofcom-18')?.params['initial-approval'])
    expect(out.branches).toEqual([])
  })

  it('evaluateView follows branchView', () => {
    const doc = { ...twoBranches(0.3), branchView: 'no18-off' }
    expect(evaluateView(model, doc)).toEqual(evaluateBranches(model, doc).branches[1]?.result)
    expect(evaluateView(model, { ...doc, branchView: 'mixture' })).toEqual(evaluateBranches(model, doc).mixture)
  })
})

describe('branch validation', () => {
  const parse = (doc: unknown) => parseScenarioDoc(JSON.parse(JSON.stringify(doc)))
  it('accepts branches whose probabilities sum to 1', () => {
    expect(parse(twoBranches(0.25)).ok).toBe(true)
  })
  it('refuses probabilities that do not sum to 1, an unknown branchView, duplicate ids and the reserved id', () => {
    const bad = twoBranches(0.25)
    ;(bad.branches[0] as Branch).probability = 0.5
    const r = parse(bad)
    expect(!r.ok && r.errors.some((e) => e.path === 'branches' && /sum to 1/.test(e.message))).toBe(true)
    const view = parse({ ...twoBranches(0.25), branchView: 'nope' })
    expect(!view.ok && view.errors.some((e) => e.path === 'branchView')).toBe(true)
    const dup = twoBranches(0.5)
    ;(dup.branches[1] as Branch).id = 'as-set'
    expect(parse(dup).ok).toBe(false)
    const reserved = twoBranches(0.5)
    ;(reserved.branches[1] as Branch).id = 'mixture'
    expect(parse(reserved).ok).toBe(false)
  })
  it('refuses more than 8 branches', () => {
    const many = { ...defaultScenario(model), branches: Array.from({ length: 9 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, probability: 1 / 9, note: '', measures: [] })) }
    expect(parse(many).ok).toBe(false)
  })
})

describe('attributeView', () => {
  it('splits the figure the view shows: the mixture split sums to the mixture exposure', async () => {
    const { attributeView } = await import('./branches')
    const doc = twoBranches(0.3)
    const mix = evaluateBranches(model, doc).mixture
    const a = attributeView(model, doc)
    for (const s of SECTORS) {
      const split = a.us[s]
      mix.economies.us[s].exposure.forEach((v, h) => {
        const sum = (split.baseline[h] as number) + Object.values(split.byMeasure).reduce((acc, xs) => acc + (xs[h] as number), 0)
        expect(sum).toBeCloseTo(v, 9)
      })
    }
    const chosen = attributeView(model, { ...doc, branchView: 'no18-off' })
    expect(chosen.us.autos.byMeasure['cn-mofcom-18']).toBeUndefined()
  })
})
