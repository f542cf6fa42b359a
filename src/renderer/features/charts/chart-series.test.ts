import { describe, expect, it } from 'vitest'
import { CHANNELS, evaluate, defaultScenario, type EvalResult, type ScenarioDoc } from '../../../core'
import { model } from '../../../shared/dataset'
import { MAX_MEASURE_SERIES } from '../../../shared/measure-stack'
import { channelChart, costRows, measureChart, mergeSeries, quarterLabel, rowsMax } from './chart-series'

const doc: ScenarioDoc = defaultScenario(model)
const result: EvalResult = evaluate(model, doc)
const off = evaluate(model, { ...doc, measures: doc.measures.map((m) => ({ ...m, enabled: false })) })

describe('channel chart mapper', () => {
  it('gives one row per quarter with readable labels', () => {
    const { rows } = channelChart(result, 'us', 'defense')
    expect(rows).toHaveLength(result.quarters.length)
    expect(rows[0].quarter).toBe(quarterLabel(result.quarters[0]))
    expect(rows[0].quarter).toMatch(/^\d{4} Q[1-4]$/)
  })

  it('keeps the channel split summing to the total (within rounding)', () => {
    const { rows } = channelChart(result, 'us', 'autos')
    for (const row of rows) {
      const sum = CHANNELS.reduce((s, c) => s + Number(row[c]), 0)
      expect(Math.abs(sum - row.total)).toBeLessThan(0.01 * CHANNELS.length + 1e-9)
    }
  })

  it('keeps every channel as a series, in a fixed order, marking those that carry exposure', () => {
    const { rows, series } = channelChart(result, 'us', 'defense')
    expect(series.map((s) => s.key)).toEqual([...CHANNELS])
    for (const s of series) expect(s.active).toBe(rows.some((r) => Number(r[s.key]) > 0))
    expect(series.some((s) => s.active)).toBe(true)
  })

  it('limits the series to the channels measures can act on, plus any that carry exposure anyway', () => {
    const { rows, series } = channelChart(result, 'us', 'defense', {}, ['software'])
    const carrying = CHANNELS.filter((c) => rows.some((r) => Number(r[c]) > 0))
    expect(series.map((s) => s.key)).toEqual(CHANNELS.filter((c) => c === 'software' || carrying.includes(c)))
  })

  it('fills the overlays from the baselines and band, or null without them', () => {
    expect(channelChart(result, 'us', 'defense').rows.every((r) => r.baseline === null && r.modified === null && r.band === null)).toBe(true)
    const n = result.quarters.length
    const band = { low: Array.from({ length: n }, (_, t) => t), high: Array.from({ length: n }, (_, t) => t + 1.234), p50: Array.from({ length: n }, (_, t) => t + 0.5) }
    const { rows } = channelChart(result, 'us', 'defense', { baseline: off, modified: result, band })
    expect(rows.map((r) => r.baseline)).toEqual(off.economies.us.defense.exposure.map((v) => Math.round(v * 100) / 100))
    expect(rows.map((r) => r.modified)).toEqual(rows.map((r) => r.total))
    expect(rows[3].band).toEqual([3, 4.23])
    expect(rows[3].p50).toBe(3.5)
  })
})

describe('measure chart mapper', () => {
  const n = result.quarters.length
  const measures = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, label: `M${i}`, color: '#000' }))
  const total = result.economies.us.defense.exposure

  it('stacks measures, others and the structural part so that they sum to the total', () => {
    const byMeasure = { m0: total.map((v) => v * 0.7), m1: total.map((v) => v * 0.5), m2: total.map((v) => -v * 0.3) }
    const baseline = total.map((v) => v * 0.1)
    const { rows, series, min } = measureChart(result, 'us', 'defense', { baseline, byMeasure }, measures)
    expect(series.map((s) => s.key)).toEqual(['m:m0', 'm:m1', 'm:m2', 'structural'])
    for (const r of rows) expect(Math.abs(Number(r['m:m0']) + Number(r['m:m1']) + Number(r['m:m2']) + Number(r.structural) - r.total)).toBeLessThan(0.03)
    expect(min).toBeCloseTo(-Math.max(...total) * 0.3, 1)
  })

  it('keeps at most MAX_MEASURE_SERIES measures, the largest first, and sums the rest into Other', () => {
    const byMeasure = Object.fromEntries(measures.map((m, i) => [m.id, Array.from({ length: n }, () => i + 1)]))
    const { series, rows } = measureChart(result, 'us', 'defense', { baseline: new Array(n).fill(0), byMeasure }, measures)
    expect(series).toHaveLength(MAX_MEASURE_SERIES)
    expect(series[0].key).toBe('m:m11')
    expect(series[series.length - 1].label).toBe('Other measures')
    expect(rows[0].other).toBe(1 + 2 + 3 + 4 + 5)
  })
})

describe('axis and cost helpers', () => {
  it('takes the max over totals, overlays and the band top', () => {
    const { rows } = channelChart(result, 'us', 'defense')
    const withBand = rows.map((r, t) => ({ ...r, band: [0, t === 5 ? 99 : 0] as [number, number] }))
    expect(rowsMax(withBand)).toBe(99)
  })
  it('gives one cost row per quarter with every sector and its baseline', () => {
    const rows = costRows(result, 'us', ['defense', 'autos'], off)
    expect(rows).toHaveLength(result.quarters.length)
    expect(rows[4].defense).toBe(Math.round(result.economies.us.defense.cost[4] * 100) / 100)
    expect(rows[4]['autos:baseline']).toBe(Math.round(off.economies.us.autos.cost[4] * 100) / 100)
  })
})

describe('shared legend', () => {
  it('merges series by key and keeps a series active if any chart has it', () => {
    const a = [{ key: 'x', label: 'X', color: '#000', active: false }, { key: 'y', label: 'Y', color: '#111', active: true }]
    const b = [{ key: 'x', label: 'X', color: '#000', active: true }, { key: 'z', label: 'Z', color: '#222', active: false }]
    expect(mergeSeries([a, b]).map((s) => `${s.key}:${s.active}`)).toEqual(['x:true', 'y:true', 'z:false'])
  })
})
