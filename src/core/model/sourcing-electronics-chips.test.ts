import { describe, expect, it } from 'vitest'
import { shippedModel } from '../testing/fixtures'

/**
 * Dataset 2026.12.3 re-sourced the inputs behind the 2028 US electronics cost (docs/MODEL.md §11.5). The
 * ≤14-nm chips cost share is all chips' share of electronic-system value × the node share, and the node
 * share's range is the pair of bounds derived from the cited SIA/WSTS and Counterpoint figures. These checks
 * keep the data and its stated arithmetic together: the 2026.12.2 value took mature parts out twice.
 */
describe('electronics chip inputs follow their stated arithmetic (dataset 2026.12.3)', () => {
  const model = shippedModel()
  const a = (id: string) => {
    const found = model.assumptions.find((x) => x.id === id)
    if (!found) throw new Error(`assumption ${id} missing`)
    return found
  }
  /** IC Insights: semiconductors 33.2 % of electronic-system value (2021). */
  const CHIPS_OF_SYSTEM_VALUE = 0.332
  // SIA/WSTS 2024: logic US$212.6 bn of US$627.6 bn; WSTS 2021: micro US$80.2 bn of US$555.9 bn;
  // WSTS end use 2022: communications 30 % + computing 26 % + consumer 14 %; Counterpoint 2025 foundry mix.
  const LOGIC = 212.6 / 627.6
  const MICRO = 80.221 / 555.893
  const ELECTRONICS = 0.3 + 0.26 + 0.14

  it('node-share-electronics: the range is the derived bounds and the value lies between them', () => {
    const n = a('node-share-electronics')
    expect(n.low).toBeCloseTo((LOGIC * 0.56) / ELECTRONICS, 2)
    expect(n.high).toBeCloseTo((LOGIC * 0.63 + MICRO) / ELECTRONICS, 2)
    expect(n.value).toBeGreaterThan(n.low as number)
    expect(n.value).toBeLessThan(n.high as number)
    for (const figure of ['212.6', '627.6', '>56 %', '0.70']) expect(n.source).toContain(figure)
  })

  it('the ≤14-nm chips cost shares are all chips × the node share, ranges from the node-share bounds', () => {
    const n = a('node-share-electronics')
    for (const id of ['cost-share-us-electronics-chips', 'cost-share-cn-electronics-chips']) {
      const c = a(id)
      expect(Math.abs(c.value - CHIPS_OF_SYSTEM_VALUE * n.value), id).toBeLessThan(0.005)
      expect(Math.abs((c.low as number) - CHIPS_OF_SYSTEM_VALUE * (n.low as number)), id).toBeLessThan(0.005)
      expect(Math.abs((c.high as number) - CHIPS_OF_SYSTEM_VALUE * (n.high as number)), id).toBeLessThan(0.005)
    }
  })
})
