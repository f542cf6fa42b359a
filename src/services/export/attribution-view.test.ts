import { describe, expect, it } from 'vitest'
import { ECONOMIES, SECTORS, defaultScenario, evaluateView } from '../../core'
import { model } from '../../shared/dataset'
import { attributeView } from './attribution-view'

const doc = defaultScenario(model, 'Branches')

describe('split of the branch view', () => {
  it('adds up to the total shown, for one branch and for the mixture', () => {
    expect(doc.branches.length).toBeGreaterThan(1)
    for (const view of [doc.branchView, 'mixture', doc.branches[doc.branches.length - 1].id]) {
      const d = { ...doc, branchView: view }
      const split = attributeView(model, d)
      const total = evaluateView(model, d)
      for (const e of ECONOMIES)
        for (const s of SECTORS)
          total.economies[e][s].exposure.forEach((v, t) => {
            const sum = split[e][s].baseline[t] + Object.values(split[e][s].byMeasure).reduce((a, m) => a + m[t], 0)
            expect(Math.abs(sum - v), `${view} ${e} ${s} ${t}`).toBeLessThan(1e-9)
          })
    }
  })
})
