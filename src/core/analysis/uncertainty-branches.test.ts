import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../model/default-scenario'
import { evaluateView } from '../engine/branches'
import { ECONOMIES, SECTORS } from '../engine/types'
import { shippedModel } from '../testing/fixtures'
import { attributeView } from './uncertainty-branches'

const model = shippedModel()

describe('attributeView', () => {
  it('splits the branch view exactly: baseline + Σ measures = the shown total, for one branch and for the mixture', () => {
    const base = defaultScenario(model)
    expect(base.branches.length).toBeGreaterThan(1)
    for (const view of ['mixture', 'reactivated']) {
      const doc = { ...base, branchView: view }
      const split = attributeView(model, doc)
      const total = evaluateView(model, doc)
      for (const e of ECONOMIES) for (const s of SECTORS) {
        const a = split[e][s]
        total.economies[e][s].exposure.forEach((v, h) => {
          const sum = (a.baseline[h] as number) + Object.values(a.byMeasure).reduce((acc, xs) => acc + (xs[h] as number), 0)
          expect(Math.abs(sum - v)).toBeLessThan(1e-6)
        })
      }
    }
  })
})
