import { expect } from 'vitest'
import { attribute } from '../analysis/attribution'
import { evaluate } from '../engine/evaluate'
import { ECONOMIES, SECTORS } from '../engine/types'
import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'

/** Test helper: the attribution (baseline + every measure) adds up to the evaluated exposure, to 1e-9, everywhere. */
export function expectExactSplit(model: Model, doc: ScenarioDoc, opts?: Parameters<typeof attribute>[2]) {
  const a = attribute(model, doc, opts)
  const r = evaluate(model, doc)
  for (const e of ECONOMIES) for (const s of SECTORS) {
    r.economies[e][s].exposure.forEach((x, h) => {
      let acc = a[e][s].baseline[h] as number
      for (const v of Object.values(a[e][s].byMeasure)) acc += v[h] as number
      expect(Math.abs(acc - x)).toBeLessThan(1e-9)
    })
  }
  return a
}
