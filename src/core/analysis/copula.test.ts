import { describe, expect, it } from 'vitest'
import { fillNormals, inverseCdf, latentOfSpearman, normalCdf, normalInv, spearman, spearmanOfLatent } from './copula'
import { mulberry32, pert, triangular } from './rng'
import { quantile } from './uncertainty'

const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort()

describe('normal CDF and its inverse', () => {
  it('match known values and invert each other', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6)
    expect(normalCdf(-1.281552)).toBeCloseTo(0.1, 6)
    for (const p of [1e-6, 0.01, 0.1, 0.3, 0.5, 0.77, 0.99, 1 - 1e-6]) expect(normalCdf(normalInv(p))).toBeCloseTo(p, 6)
  })
})

describe('rank ↔ latent correlation', () => {
  it('round-trips and fixes 0 and ±1', () => {
    for (const r of [-0.9, -0.3, 0, 0.25, 0.6, 0.95]) expect(spearmanOfLatent(latentOfSpearman(r))).toBeCloseTo(r, 12)
    expect(latentOfSpearman(1)).toBeCloseTo(1, 12)
    expect(latentOfSpearman(0.5)).toBeGreaterThan(0.5)
  })
})

describe('inverse-CDF marginals', () => {
  it('PERT and triangular tables reproduce the sampled distributions (quantiles)', () => {
    const rng = mulberry32(9)
    const n = 20000
    for (const [low, mode, high] of [[0, 0.2, 1], [60, 90, 98], [2, 4, 9], [0, 0, 10]] as const) {
      const invP = inverseCdf('pert', low, mode, high)
      const invT = inverseCdf('triangular', low, mode, high)
      const direct = { p: [] as number[], t: [] as number[] }
      const viaTable = { p: [] as number[], t: [] as number[] }
      for (let i = 0; i < n; i++) {
        direct.p.push(pert(low, mode, high, rng))
        direct.t.push(triangular(low, mode, high, rng))
        const u = rng()
        viaTable.p.push(invP(u))
        viaTable.t.push(invT(u))
      }
      const tol = 0.02 * (high - low)
      for (const q of [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]) {
        expect(Math.abs(quantile(sorted(viaTable.p), q) - quantile(sorted(direct.p), q))).toBeLessThan(tol)
        expect(Math.abs(quantile(sorted(viaTable.t), q) - quantile(sorted(direct.t), q))).toBeLessThan(tol)
      }
      expect(invP(0)).toBe(low)
      expect(invP(1)).toBe(high)
    }
  })

  it('a degenerate range returns the mode', () => {
    expect(inverseCdf('pert', 3, 3, 3)(0.7)).toBe(3)
  })
})

describe('normals and rank correlation', () => {
  it('fillNormals gives mean 0, variance 1, and is seeded', () => {
    const a = new Float64Array(20001)
    fillNormals(a, mulberry32(1))
    const mean = a.reduce((s, x) => s + x, 0) / a.length
    const v = a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length
    expect(Math.abs(mean)).toBeLessThan(0.03)
    expect(Math.abs(v - 1)).toBeLessThan(0.03)
    const b = new Float64Array(20001)
    fillNormals(b, mulberry32(1))
    expect(b).toEqual(a)
  })

  it('spearman handles ties and perfect monotone relations', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 35, 100])).toBeCloseTo(1, 12)
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12)
    expect(spearman([1, 1, 2, 2], [1, 2, 1, 2])).toBeCloseTo(0, 12)
  })
})
