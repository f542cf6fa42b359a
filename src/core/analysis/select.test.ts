import { describe, expect, it } from 'vitest'
import { mulberry32 } from './rng'
import { quantilesInPlace } from './select'
import { quantile } from './uncertainty'

describe('quantilesInPlace', () => {
  it('gives exactly the sorted-sample quantiles (type 7), with ties, tiny and large samples', () => {
    const rng = mulberry32(9)
    for (const n of [1, 2, 3, 5, 10, 11, 97, 200, 1000]) {
      for (let rep = 0; rep < 20; rep++) {
        // Many ties (rounded values, runs of zeros as in an exposure index that is 0 in most draws).
        const xs = Float64Array.from({ length: n }, () => (rng() < 0.4 ? 0 : Math.round(rng() * 50) / 5))
        const sorted = Float64Array.from(xs).sort()
        const ps = [0.1, 0.5, 0.9]
        expect(quantilesInPlace(Float64Array.from(xs), ps)).toEqual(ps.map((p) => quantile(sorted, p)))
        expect(quantilesInPlace(Float64Array.from(xs), [0, 0.25, 1])).toEqual([0, 0.25, 1].map((p) => quantile(sorted, p)))
      }
    }
    expect(quantilesInPlace(new Float64Array(0), [0.5])).toEqual([Number.NaN])
  })
})
