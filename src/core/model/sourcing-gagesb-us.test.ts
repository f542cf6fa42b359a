import { describe, expect, it } from 'vitest'
import { isGuessSource } from './guess'
import { shippedModel } from '../testing/fixtures'

/**
 * Dataset 2026.12.3's second sourcing pass (docs/MODEL.md §11.7) anchored the US-bound share of allied
 * Ga/Ge/Sb flows, `cov-gagesb-us`, on China's direct exports to the US. One coverage serves three materials
 * whose shares differ tenfold, so it stays a GUESS: the value is their unweighted mean and the range their
 * lowest and highest. These checks keep the data and its stated arithmetic together (the old 0.4 with
 * 0.25–0.6 had no figure and fails them).
 */
describe('cov-gagesb-us follows its stated anchors (dataset 2026.12.3)', () => {
  const model = shippedModel()
  const cov = model.assumptions.find((x) => x.id === 'cov-gagesb-us')
  if (!cov) throw new Error('assumption cov-gagesb-us missing')
  // GAC via Global Times (Jan 2024): 2023 export value to the US of all exports; GAC via JOGMEC (Apr 2020).
  const GALLIUM = 0.35 / 8.47
  const GERMANIUM = 6.98 / 48.42
  const ANTIMONY_OXIDE = 2091 / 5110.7
  const shares = [GALLIUM, GERMANIUM, ANTIMONY_OXIDE]

  it('value = the mean of the three direct-export shares; range = their lowest and highest', () => {
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length
    expect(Math.abs(cov.value - mean)).toBeLessThan(0.005)
    expect(Math.abs((cov.low as number) - Math.min(...shares))).toBeLessThan(0.005)
    expect(Math.abs((cov.high as number) - Math.max(...shares))).toBeLessThan(0.005)
  })

  it('cites the figures it rests on and stays a GUESS with confidence L', () => {
    for (const figure of ['0.35', '8.47', '6.98', '48.42', '2,091', '5,110.7']) expect(cov.source).toContain(figure)
    expect(isGuessSource(cov.source)).toBe(true)
    expect(cov.confidence).toBe('L')
  })
})
