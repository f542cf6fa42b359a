import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { N_S, PRE_ROLL, compilePlan, effectiveSegments } from '../engine/plan'
import { quarterIndex } from '../time/quarters'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../engine/types'
import { fastEvaluator } from './fast-eval'

/** KPI ranked by the tornado: peak exposure, mean exposure, or peak cost pressure (all index 0–100). */
export type TornadoKpi = 'peak' | 'mean' | 'cost-peak'

/** One bar: the KPI with the input at its low and high setting, everything else at the scenario's values. */
export type TornadoRow = {
  kind: 'assumption' | 'measure'
  /** Assumption id, or measure id for a measure's primary parameter. */
  id: string
  label: string
  /** Parameter id for measure rows. */
  param?: string
  unit: string
  lowValue: number
  baseValue: number
  highValue: number
  kpiLow: number
  kpiHigh: number
  /** |kpiHigh − kpiLow| (index points). Rows are sorted by swing, largest first. */
  swing: number
}
/** Tornado for one economy × sector and KPI; `baseKpi` is the KPI at the scenario's own values. */
export type TornadoResult = { economy: Economy; sector: Sector; kpi: TornadoKpi; baseKpi: number; rows: TornadoRow[] }

/**
 * Which economy × sector and KPI to rank inputs for. With `quarter` (e.g. '2027-Q1') the KPI is that
 * quarter's value instead of the horizon's peak or mean (exposure; cost for 'cost-peak'): the local
 * sensitivity behind one figure, as the evidence view shows it.
 */
export type TornadoOptions = { economy: Economy; sector: Sector; kpi: TornadoKpi; quarter?: string }

/** Share of a parameter's range moved either side of its current value for measure rows. */
export const PARAM_SWING = 0.25

/**
 * One-at-a-time sensitivity (docs/MODEL.md §7): every assumption with a low/high range is set to its
 * low and to its high; every active measure's primary parameter is moved ±25 % of its range
 * (clamped). Rows with zero swing are kept (they show what does not matter) but sort last.
 */
export const tornado = (model: Model, scenario: ScenarioDoc, opts: TornadoOptions): TornadoResult => {
  const base = compilePlan(model, scenario)
  const H = base.horizon
  const off = (ECONOMIES.indexOf(opts.economy) * N_S + SECTORS.indexOf(opts.sector)) * H
  const econMask = 1 << ECONOMIES.indexOf(opts.economy)
  const mask = new Uint8Array(model.measures.length).fill(1)
  const ev = fastEvaluator(base)
  const at = opts.quarter === undefined ? -1 : quarterIndex(opts.quarter) - (base.q0 + PRE_ROLL)
  if (opts.quarter !== undefined && (at < 0 || at >= H)) throw new Error(`quarter ${opts.quarter} is outside the scenario's horizon`)
  const kpiOf = (evaluator: typeof ev): number => {
    const expo = evaluator.exposure(mask, econMask)
    if (at >= 0) return (opts.kpi === 'cost-peak' ? evaluator.cost() : expo)[off + at] as number
    if (opts.kpi === 'cost-peak') {
      const cost = evaluator.cost()
      let m = 0
      for (let h = 0; h < H; h++) m = Math.max(m, cost[off + h] as number)
      return m
    }
    let peak = 0
    let sum = 0
    for (let h = 0; h < H; h++) {
      const x = expo[off + h] as number
      sum += x
      if (x > peak) peak = x
    }
    return opts.kpi === 'peak' ? peak : sum / H
  }
  const baseKpi = kpiOf(ev)
  const rows: TornadoRow[] = []
  const values = Float64Array.from(base.values)
  model.assumptions.forEach((a, i) => {
    if (a.low === undefined || a.high === undefined) return
    const run = (x: number): number => {
      values[i] = x
      ev.setValues(values)
      const k = kpiOf(ev)
      values[i] = base.values[i] as number
      return k
    }
    const kpiLow = run(a.low)
    const kpiHigh = run(a.high)
    rows.push({ kind: 'assumption', id: a.id, label: a.label, unit: a.unit, lowValue: a.low, baseValue: base.values[i] as number, highValue: a.high, kpiLow, kpiHigh, swing: Math.abs(kpiHigh - kpiLow) })
  })
  ev.setValues(base.values)
  const active = effectiveSegments(base, mask)
  model.measures.forEach((m, mi) => {
    const p = m.params.find((x) => x.primary === true)
    if (!p || (active[mi]?.length ?? 0) === 0) return
    const current = base.params[mi]?.get(p.id) ?? p.default
    const step = PARAM_SWING * (p.max - p.min)
    const lowValue = Math.max(p.min, current - step)
    const highValue = Math.min(p.max, current + step)
    const run = (x: number): number => {
      const doc = structuredClone(scenario)
      const setting = doc.measures.find((s) => s.id === m.id)
      if (setting) setting.params = { ...setting.params, [p.id]: x }
      else doc.measures.push({ id: m.id, enabled: m.default.enabled, params: { [p.id]: x }, start: m.default.start, end: m.default.end, suspensions: m.default.suspensions })
      return kpiOf(fastEvaluator(compilePlan(model, doc)))
    }
    const kpiLow = run(lowValue)
    const kpiHigh = run(highValue)
    rows.push({ kind: 'measure', id: m.id, label: `${m.title}: ${p.label}`, param: p.id, unit: p.unit, lowValue, baseValue: current, highValue, kpiLow, kpiHigh, swing: Math.abs(kpiHigh - kpiLow) })
  })
  rows.sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id))
  return { economy: opts.economy, sector: opts.sector, kpi: opts.kpi, baseKpi, rows }
}
