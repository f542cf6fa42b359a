import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { shippedModel } from '../testing/fixtures'
import uncertaintyJson from '../../../resources/data/uncertainty.json'
import { fillNormals, latentOfSpearman, spearman, spearmanOfLatent } from './copula'
import { mulberry32 } from './rng'
import { quantile } from './uncertainty'
import { addMonths, compileDesign } from './uncertainty-draws'
import { groupMembers, loadUncertainty, UncertaintySpecError } from './uncertainty-spec'

const model = shippedModel()
const spec = loadUncertainty(structuredClone(uncertaintyJson), model)
const N_DEFAULT = 4000

/** N draws of every assumption value and of the default scenario's first licensing measure params. */
const sampleDesign = (layers: NonNullable<Parameters<typeof compileDesign>[2]>['layers'], doc = defaultScenario(model), seed = 5, N = N_DEFAULT) => {
  const d = compileDesign(model, doc, { spec, layers })
  const rng = mulberry32(seed)
  const n = new Float64Array(d.dim)
  const values = Float64Array.from(model.baseValues)
  const cols = model.assumptions.map(() => new Float64Array(N))
  const params = new Map<string, Float64Array>()
  for (let s = 0; s < N; s++) {
    fillNormals(n, rng)
    const r = d.draw(n, values)
    values.forEach((v, i) => {
      cols[i]![s] = v
    })
    for (const m of r.doc.measures) {
      for (const [p, v] of Object.entries(m.params)) {
        const key = `${m.id}.${p}`
        if (!params.has(key)) params.set(key, new Float64Array(N))
        params.get(key)![s] = v
      }
    }
  }
  return { cols, params, design: d }
}
const col = (cols: Float64Array[], id: string): Float64Array => cols[model.assumptionIndex.get(id)!]!

describe('uncertainty.json', () => {
  it('loads strictly against the shipped model: every entry applies, every group has members with ranges', () => {
    expect(spec.skipped).toEqual([])
    for (const g of spec.groups) expect(groupMembers(model, g).length).toBeGreaterThanOrEqual(2)
    // Every licensing/sourcing/tariff parameter with a posture meaning is sampled on its side's posture.
    for (const p of spec.policy) expect(p.posture).toBe(model.measures[model.measureIndex.get(p.measure)!]!.side)
  })

  it('names the offending entry when a measure, a param or a group is wrong; a lenient load drops them', () => {
    const bad = structuredClone(uncertaintyJson) as typeof uncertaintyJson
    bad.policy[0]!.measure = 'no-such-measure'
    bad.policy[1]!.param = 'no-such-param'
    bad.groups.push({ ...bad.groups[0]!, id: 'dup' })
    try {
      loadUncertainty(bad, model)
      expect.unreachable('should throw')
    } catch (e) {
      expect(e).toBeInstanceOf(UncertaintySpecError)
      const text = (e as UncertaintySpecError).problems.join('\n')
      expect(text).toMatch(/policy\[0\]\.measure: unknown measure "no-such-measure"/)
      expect(text).toMatch(/policy\[1\]\.param: measure ".*" has no param "no-such-param"/)
      expect(text).toMatch(/already in group "china-shares"/)
    }
    const lenient = loadUncertainty(bad, model, { strict: false })
    expect(lenient.skipped?.filter((x) => x.startsWith('policy'))).toHaveLength(2)
    expect(lenient.skipped?.some((x) => x.includes('(dup)'))).toBe(true)
    expect(lenient.policy).toHaveLength(bad.policy.length - 2)
    expect(lenient.groups.map((g) => g.id)).not.toContain('dup')
    // Malformed JSON is refused even leniently.
    expect(() => loadUncertainty({ ...bad, postures: { retaliation: 2 } }, model, { strict: false })).toThrow(UncertaintySpecError)
  })

  it('adds calendar months with the day clamped', () => {
    expect(addMonths('2026-11-10', 12)).toBe('2027-11-10')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-27', 3)).toBe('2027-02-27')
  })
})

describe('Gaussian copula', () => {
  const corr = sampleDesign({})
  const indep = sampleDesign({ correlation: false, posture: false }, defaultScenario(model), 6)

  it('sampled rank correlations within each group match the stated ones (±0.05)', () => {
    for (const g of spec.groups) {
      const members = groupMembers(model, g)
      const pairs = members.slice(0, 4).flatMap((a, i) => members.slice(i + 1, 4).map((b) => [a, b] as const))
      for (const [a, b] of pairs) {
        const sign = (g.negative.includes(a) ? -1 : 1) * (g.negative.includes(b) ? -1 : 1)
        expect(Math.abs(spearman(col(corr.cols, a), col(corr.cols, b)) - sign * g.spearman), `${g.id}: ${a} × ${b}`).toBeLessThan(0.05)
        expect(Math.abs(spearman(col(indep.cols, a), col(indep.cols, b))), `${g.id} independent`).toBeLessThan(0.05)
      }
    }
  })

  it('posture makes policy parameters co-move as their loadings say (±0.05)', () => {
    const a = spec.policy.find((p) => p.measure === 'cn-mofcom-18' && p.param === 'approval')!
    const b = spec.policy.find((p) => p.measure === 'cn-mofcom-18' && p.param === 'initial-weeks')!
    const expected = spearmanOfLatent(latentOfSpearman(a.loading) * latentOfSpearman(b.loading))
    expect(expected).toBeLessThan(-0.3)
    const got = spearman(corr.params.get('cn-mofcom-18.approval')!, corr.params.get('cn-mofcom-18.initial-weeks')!)
    expect(Math.abs(got - expected)).toBeLessThan(0.05)
    // Across capitals only through retaliation: DFARS enforcement vs No. 18 approval.
    const w = spec.policy.find((p) => p.measure === 'us-dfars-2027')!
    const cross = spearmanOfLatent(latentOfSpearman(a.loading) * latentOfSpearman(spec.postures.retaliation) * latentOfSpearman(w.loading))
    const gotCross = spearman(corr.params.get('cn-mofcom-18.approval')!, corr.params.get('us-dfars-2027.enforcement')!)
    expect(Math.abs(gotCross - cross)).toBeLessThan(0.05)
    const none = sampleDesign({ posture: false }, defaultScenario(model), 8)
    expect(Math.abs(spearman(none.params.get('cn-mofcom-18.approval')!, none.params.get('cn-mofcom-18.initial-weeks')!))).toBeLessThan(0.05)
  })

  it('marginals are unchanged by correlation (quantiles within 2 % of the range)', () => {
    // Two independent sample sets: at 4,000 draws the sampling noise of a 10 % quantile alone is ≈1 % of
    // the range, so this compares 16,000 draws each (the tolerance stays 2 %).
    const N = 4 * N_DEFAULT
    const corr = sampleDesign({}, defaultScenario(model), 5, N)
    const indep = sampleDesign({ correlation: false, posture: false }, defaultScenario(model), 6, N)
    for (const id of ['cn-share-ndfeb', 'buffer-months-autos', 'crit-us-defense-dy-tb', 'ramp-quarters', 'price-shock-y-sc', 'trade-elasticity']) {
      const a = model.assumptions[model.assumptionIndex.get(id)!]!
      const x = Float64Array.from(col(corr.cols, id)).sort()
      const y = Float64Array.from(col(indep.cols, id)).sort()
      for (const q of [0.05, 0.1, 0.5, 0.9, 0.95]) expect(Math.abs(quantile(x, q) - quantile(y, q)), `${id} q${q}`).toBeLessThan(0.02 * (a.high! - a.low!))
      expect(x[0]).toBeGreaterThanOrEqual(a.low!)
      expect(x[N - 1]).toBeLessThanOrEqual(a.high!)
    }
  }, 60_000) // 2 × 16,000 draws: seconds alone, longer on the shared machine under load

  it('pinned inputs are not sampled: overrides (even outside the range) and params set outside their range', () => {
    const doc = defaultScenario(model)
    doc.overrides = { 'buffer-months-autos': 12 }
    const weeksParam = model.measures[model.measureIndex.get('cn-mofcom-18')!]!.params.find((p) => p.id === 'initial-weeks')!
    const approvalParam = model.measures[model.measureIndex.get('cn-mofcom-18')!]!.params.find((p) => p.id === 'approval')!
    // Inside its range, above the default; and an approval below the catalogue's sampling range.
    const weeks = Math.round((weeksParam.default + weeksParam.high) / 2 + 1)
    const approval = approvalParam.low - 5
    doc.measures = doc.measures.map((m) => (m.id === 'cn-mofcom-18' ? { ...m, params: { ...m.params, approval, 'initial-weeks': weeks } } : m))
    const s = sampleDesign({}, doc, 9)
    expect(new Set(col(s.cols, 'buffer-months-autos')).size).toBe(1)
    expect(weeks).toBeLessThanOrEqual(weeksParam.high)
    expect(new Set(s.params.get('cn-mofcom-18.approval')!)).toEqual(new Set([approval]))
    expect(s.design.pinned).toEqual(expect.arrayContaining(['buffer-months-autos', 'cn-mofcom-18.approval']))
    expect(s.design.pinned).not.toContain('cn-mofcom-18.initial-weeks')
    // A param edited inside its range is sampled around the planner's value (the mode moves with it).
    const drawn = Float64Array.from(s.params.get('cn-mofcom-18.initial-weeks')!).sort()
    const base = Float64Array.from(sampleDesign({}, defaultScenario(model), 9).params.get('cn-mofcom-18.initial-weeks')!).sort()
    expect(new Set(drawn).size).toBeGreaterThan(3)
    expect(quantile(drawn, 0.5)).toBeGreaterThan(quantile(base, 0.5) + 1)
  })
})
