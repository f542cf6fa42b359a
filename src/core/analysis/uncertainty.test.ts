import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { ECONOMIES, SECTORS } from '../engine/types'
import type { Branch, ScenarioDoc } from '../scenario/schema'
import { shippedModel } from '../testing/fixtures'
import uncertaintyJson from '../../../resources/data/uncertainty.json'
import { mulberry32, pert, triangular } from './rng'
import { compilePlan } from '../engine/plan'
import { fastEvaluator } from './fast-eval'
import { fillNormals } from './copula'
import { drawRunner, quantile, simulate, type SimulationResult } from './uncertainty'
import type { Layers } from './uncertainty-draws'
import { loadUncertainty } from './uncertainty-spec'

const model = shippedModel()
const uncertainty = loadUncertainty(structuredClone(uncertaintyJson), model)

/** The default's November 2026 branches (extended / re-activated / lapsed) at the given probabilities, shown as the mixture. */
const withBranches = (p: [number, number, number]): ScenarioDoc => {
  const doc = defaultScenario(model)
  const order = ['extended', 'reactivated', 'lapsed']
  const branches: Branch[] = order.map((id, i) => ({ ...doc.branches.find((b) => b.id === id)!, probability: p[i]! }))
  return { ...doc, branches, branchView: 'mixture' }
}

const everyBand = (r: SimulationResult) => ECONOMIES.flatMap((e) => SECTORS.flatMap((s) => [r.economies[e][s].exposure, r.economies[e][s].cost]))

describe('simulate', () => {
  it('same seed → byte-identical output; different seed → different bands', () => {
    const doc = withBranches([0.5, 0.3, 0.2])
    const a = simulate(model, doc, { samples: 60, seed: 7, uncertainty })
    expect(JSON.stringify(simulate(model, doc, { samples: 60, seed: 7, uncertainty }))).toBe(JSON.stringify(a))
    expect(simulate(model, doc, { samples: 60, seed: 8, uncertainty }).economies.us.defense.exposure.p90).not.toEqual(a.economies.us.defense.exposure.p90)
  })

  it('bands are ordered, within [0, 100], and the point estimate lies inside low–high', () => {
    const r = simulate(model, defaultScenario(model), { samples: 80, seed: 3, distribution: 'triangular', uncertainty })
    for (const b of everyBand(r)) {
      b.p10.forEach((lo, h) => {
        expect(b.low[h]).toBeGreaterThanOrEqual(0)
        expect(b.low[h]).toBeLessThanOrEqual(lo)
        expect(b.p50[h]).toBeGreaterThanOrEqual(lo)
        expect(b.p90[h]).toBeGreaterThanOrEqual(b.p50[h] as number)
        expect(b.high[h]).toBeGreaterThanOrEqual(b.p90[h] as number)
        expect(b.high[h]).toBeLessThanOrEqual(100)
      })
    }
    expect(Math.max(...r.economies.us.defense.exposure.p90)).toBeGreaterThan(Math.max(...r.economies.us.defense.exposure.p10))
  })

  it('property: over random scenarios (overrides outside ranges, edited params, toggles) the point estimate is inside its band', () => {
    const rng = mulberry32(2026)
    for (let k = 0; k < 12; k++) {
      const doc = withBranches([0.4, 0.4, 0.2])
      doc.seed = k
      doc.measures = doc.measures.map((m) => ({ ...m, enabled: rng() < 0.7 ? m.enabled : !m.enabled, params: rng() < 0.3 ? { ...m.params, [Object.keys(m.params)[0] as string]: Math.floor(rng() * 100) } : m.params }))
      const picks = model.assumptions.filter(() => rng() < 0.1)
      doc.overrides = Object.fromEntries(picks.map((a) => [a.id, (a.high ?? a.value) * (rng() < 0.5 ? 0.2 : 1.8)]))
      const view = (['mixture', 'extended', 'reactivated', 'lapsed'] as const)[k % 4]
      const r = simulate(model, doc, { samples: 30, uncertainty, branch: view })
      let stretched = 0
      for (const b of everyBand(r)) {
        b.point.forEach((p, h) => {
          expect(p).toBeGreaterThanOrEqual(b.low[h] as number)
          expect(p).toBeLessThanOrEqual(b.high[h] as number)
          const outside = p < (b.p10[h] as number) || p > (b.p90[h] as number)
          expect(b.stretched.includes(h)).toBe(outside)
        })
        stretched += b.stretched.length
      }
      expect(stretched).toBeLessThan(everyBand(r).length * r.quarters.length)
    }
  })

  it('uses the scenario seed by default and names an unknown branch', () => {
    const doc = defaultScenario(model)
    doc.seed = 11
    expect(simulate(model, doc, { samples: 20 }).seed).toBe(11)
    expect(() => simulate(model, withBranches([1, 0, 0]), { samples: 5, branch: 'nope' })).toThrow(/unknown branch "nope".*extended, reactivated, lapsed/)
  })
})

describe('branches', () => {
  it('a branch with probability 1 gives that branch’s results exactly (common random numbers)', () => {
    for (const [i, id] of (['extended', 'reactivated', 'lapsed'] as const).entries()) {
      const p: [number, number, number] = [0, 0, 0]
      p[i] = 1
      const doc = withBranches(p)
      const mixture = simulate(model, doc, { samples: 40, seed: 4, uncertainty, branch: 'mixture' })
      const branch = simulate(model, doc, { samples: 40, seed: 4, uncertainty, branch: id })
      expect(mixture.economies).toEqual(branch.economies)
      expect(mixture.branches.find((b) => b.id === id)?.drawn).toBe(40)
    }
  })

  it('the mixture’s point estimate is the probability-weighted mean of the branches’; draws follow the probabilities', () => {
    const probs: [number, number, number] = [0.5, 0.3, 0.2]
    const doc = withBranches(probs)
    const mix = simulate(model, doc, { samples: 400, seed: 2, uncertainty })
    const per = (['extended', 'reactivated', 'lapsed'] as const).map((id) => simulate(model, doc, { samples: 5, seed: 2, uncertainty, branch: id }))
    const h = mix.quarters.indexOf('2027-Q2')
    const weighted = per.reduce((s, r, i) => s + probs[i]! * (r.economies.us.electronics.exposure.point[h] as number), 0)
    expect(mix.economies.us.electronics.exposure.point[h]).toBeCloseTo(weighted, 10)
    expect(per[0]!.economies.us.electronics.exposure.point[h]).not.toBeCloseTo(per[1]!.economies.us.electronics.exposure.point[h] as number, 3)
    mix.branches.forEach((b, i) => expect(Math.abs(b.drawn / 400 - probs[i]!)).toBeLessThan(0.07))
  })
})

describe('draw runner', () => {
  // The runner re-parameterises one forked plan per branch instead of compiling each drawn scenario:
  // it must give exactly what compiling the drawn scenario gives (timings, approvals, extensions, branches, triggers).
  const escalation = (): ScenarioDoc => {
    const doc = defaultScenario(model)
    const a = doc.measures.find((m) => m.id === 'cn-mofcom-18')!.id
    const b = doc.measures.find((m) => m.id === 'cn-mofcom-57')!.id
    return { ...doc, branches: [], triggers: [{ id: 't1', ifMeasure: a, thenMeasure: b, lagQuarters: 1, intensity: 0.5 }] }
  }
  const cases: [string, ScenarioDoc][] = [
    ['branches (mixture)', withBranches([0.4, 0.3, 0.3])],
    ['no branches: sampled suspension extensions', { ...defaultScenario(model), branches: [], branchView: 'mixture' }],
    ['a trigger', escalation()]
  ]
  for (const [name, doc] of cases) {
    it(`gives byte-identical results to compiling each drawn scenario: ${name}`, () => {
      const runner = drawRunner(model, doc, { uncertainty })
      const rng = mulberry32(12)
      const normals = new Float64Array(runner.design.dim)
      const values = Float64Array.from(model.baseValues)
      const keys = new Set<string>()
      for (let i = 0; i < 40; i++) {
        fillNormals(normals, rng)
        const { doc: drawn, branch } = runner.design.draw(normals, values)
        const plan = compilePlan(model, drawn)
        keys.add(JSON.stringify(plan.timing) + JSON.stringify(plan.ownSegs))
        const ref = fastEvaluator(plan, Float64Array.from(values))
        const expected = Float64Array.from(ref.exposure(new Uint8Array(model.measures.length).fill(1)))
        const r = runner.run(normals)
        expect(r.branch).toBe(branch)
        expect(r.exposure).toEqual(expected)
        expect(r.cost).toEqual(ref.cost())
      }
      // The draws really moved timings / suspensions (otherwise the comparison proves little).
      expect(keys.size).toBeGreaterThan(10)
    })
  }

  it('runBatch (assumptions drawn marginal by marginal) gives exactly what run gives row by row', () => {
    const doc = { ...withBranches([0.4, 0.3, 0.3]), overrides: { [model.assumptions.find((a) => a.low !== undefined)!.id]: 0.5 } }
    for (const forced of [undefined, 1]) {
      const runner = drawRunner(model, doc, { uncertainty })
      const dim = runner.design.dim
      const rows = 37
      const normals = new Float64Array(rows * dim)
      const rng = mulberry32(5)
      for (let r = 0; r < rows; r++) fillNormals(normals.subarray(r * dim, (r + 1) * dim), rng)
      const one = Array.from({ length: rows }, (_, r) => {
        const d = runner.run(normals.slice(r * dim, (r + 1) * dim), forced)
        return { branch: d.branch, exposure: Float64Array.from(d.exposure), cost: Float64Array.from(d.cost) }
      })
      const batched: typeof one = []
      runner.runBatch(normals, rows, forced, (d, r) => {
        expect(r).toBe(batched.length)
        batched.push({ branch: d.branch, exposure: Float64Array.from(d.exposure), cost: Float64Array.from(d.cost) })
      })
      expect(batched).toEqual(one)
      // The rows differ (else equality would prove nothing), and mixture draws visit more than one branch.
      expect(new Set(one.map((d) => d.exposure.join())).size).toBe(rows)
      if (forced === undefined) expect(new Set(one.map((d) => d.branch)).size).toBeGreaterThan(1)
    }
  })
})

describe('honest bands', () => {
  it('correlation and posture make aggregate KPIs more variable (SD of mean exposure over the horizon)', () => {
    const doc = withBranches([0.6, 0.25, 0.15])
    const sdOfMean = (layers: Partial<Layers>, offset: number): number => {
      const runner = drawRunner(model, doc, { uncertainty, layers })
      const rng = mulberry32(3)
      const normals = new Float64Array(runner.design.dim)
      const H = runner.horizon
      const xs: number[] = []
      for (let i = 0; i < 400; i++) {
        fillNormals(normals, rng)
        const { exposure } = runner.run(normals)
        let s = 0
        for (let h = 0; h < H; h++) s += exposure[offset * H + h] as number
        xs.push(s / H)
      }
      const m = xs.reduce((a, b) => a + b, 0) / xs.length
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1))
    }
    const [US_ELECTRONICS, CN_ELECTRONICS] = [2, 5]
    // Shared group factors: errors no longer cancel across shares, buffers and weights.
    expect(sdOfMean({ policy: false, posture: false }, CN_ELECTRONICS)).toBeGreaterThan(1.1 * sdOfMean({ correlation: false, policy: false, posture: false }, CN_ELECTRONICS))
    // Sampling policy behaviour adds the largest uncertainty there is …
    const policy = sdOfMean({ posture: false }, US_ELECTRONICS)
    expect(policy).toBeGreaterThan(1.3 * sdOfMean({ policy: false, posture: false }, US_ELECTRONICS))
    // … and posture moves Beijing's approvals and freeze lengths (and Washington's levers) together.
    expect(sdOfMean({}, US_ELECTRONICS)).toBeGreaterThan(1.05 * policy)
  })

  it('without a structure file the old independent bands are reproduced', () => {
    const doc = defaultScenario(model)
    const a = simulate(model, doc, { samples: 50, seed: 1 })
    const b = simulate(model, doc, { samples: 50, seed: 1, uncertainty, layers: { correlation: false, policy: false, posture: false } })
    expect(a.economies).toEqual(b.economies)
    expect(a.layers).toEqual({ correlation: false, policy: false, posture: false })
  })
})

describe('sampling helpers', () => {
  it('draws stay in range and centre on the mode', () => {
    const rng = mulberry32(42)
    let sumP = 0
    let sumT = 0
    const n = 4000
    for (let i = 0; i < n; i++) {
      const p = pert(0, 0.2, 1, rng)
      const t = triangular(0, 0.2, 1, rng)
      expect(p).toBeGreaterThanOrEqual(0)
      expect(p).toBeLessThanOrEqual(1)
      expect(t).toBeGreaterThanOrEqual(0)
      expect(t).toBeLessThanOrEqual(1)
      sumP += p
      sumT += t
    }
    // PERT mean (a + 4m + b)/6 = 0.3; triangular mean (a + m + b)/3 = 0.4.
    expect(sumP / n).toBeCloseTo(0.3, 1)
    expect(sumT / n).toBeCloseTo(0.4, 1)
  })

  it('quantile interpolates between order statistics', () => {
    expect(quantile(Float64Array.of(0, 10, 20, 30, 40), 0.5)).toBe(20)
    expect(quantile(Float64Array.of(0, 10), 0.1)).toBeCloseTo(1, 12)
  })
})
