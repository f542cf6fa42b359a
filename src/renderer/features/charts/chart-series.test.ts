import { describe, expect, it } from 'vitest'
import { CHANNELS, evaluate, defaultScenario, type EvalResult } from '../../../core'
import { model } from '../../../shared/dataset'
import { activeChannels, quarterLabel, toChannelRows } from './chart-series'

describe('chart series mapper', () => {
  const result: EvalResult = evaluate(model, defaultScenario(model))

  it('gives one row per quarter with readable labels', () => {
    const rows = toChannelRows(result, 'us', 'defense')
    expect(rows).toHaveLength(result.quarters.length)
    expect(rows[0].quarter).toBe(quarterLabel(result.quarters[0]))
    expect(rows[0].quarter).toMatch(/^\d{4} Q[1-4]$/)
  })

  it('keeps the channel split summing to the total (within rounding)', () => {
    const rows = toChannelRows(result, 'us', 'autos')
    for (const row of rows) {
      const sum = CHANNELS.reduce((s, c) => s + row[c], 0)
      expect(Math.abs(sum - row.total)).toBeLessThan(0.01 * CHANNELS.length + 1e-9)
    }
  })

  it('takes the reference from the other result, or null without one', () => {
    expect(toChannelRows(result, 'cn', 'electronics').every((r) => r.reference === null)).toBe(true)
    const withRef = toChannelRows(result, 'us', 'defense', result)
    expect(withRef.map((r) => r.reference)).toEqual(withRef.map((r) => r.total))
  })

  it('lists only channels that carry exposure', () => {
    const rows = toChannelRows(result, 'us', 'defense')
    const active = activeChannels(rows)
    for (const c of CHANNELS) expect(active.includes(c)).toBe(rows.some((r) => r[c] > 0))
  })
})
