import { describe, expect, it } from 'vitest'
import type { Assumption } from '../../../core'
import { filterAssumptions, outsideRange, stepFor } from './assumptions-view'

const a = (over: Partial<Assumption>): Assumption => ({
  id: 'x', label: 'X', value: 0.5, unit: 'share 0–1', year: 2025, source: 'IEA 2025', confidence: 'H', group: 'china-shares', ...over
})
const all = [a({ id: 'cn-share', label: 'China share of NdFeB' }), a({ id: 'buf', label: 'Buffer months', group: 'buffers', source: 'GUESS — judgement', confidence: 'L' })]

describe('assumptions view', () => {
  it('filters by text across label, id and source, and by overridden', () => {
    expect(filterAssumptions(all, {}, { text: 'ndfeb', onlyOverridden: false }).flatMap((g) => g.items.map((i) => i.id))).toEqual(['cn-share'])
    expect(filterAssumptions(all, {}, { text: 'guess', onlyOverridden: false }).map((g) => g.label)).toEqual(['Buffers and stocks'])
    expect(filterAssumptions(all, { buf: 3 }, { text: '', onlyOverridden: true }).flatMap((g) => g.items.map((i) => i.id))).toEqual(['buf'])
    expect(filterAssumptions(all, {}, { text: '', onlyOverridden: false })).toHaveLength(2)
  })
  it('picks an input step from the range', () => {
    expect(stepFor({ value: 0.91, low: 0.85, high: 0.92 })).toBe(0.0005)
    expect(stepFor({ value: 3 })).toBe(0.02)
    expect(stepFor({ value: 60, low: 0, high: 200 })).toBe(2)
  })
  it('flags values outside the documented range', () => {
    expect(outsideRange({ low: 1, high: 2 }, 2.5)).toBe(true)
    expect(outsideRange({ low: 1, high: 2 }, 1.5)).toBe(false)
    expect(outsideRange({}, 100)).toBe(false)
  })
})
