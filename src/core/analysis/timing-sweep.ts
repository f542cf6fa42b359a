import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { evaluateView } from '../engine/branches'
import type { Economy, Sector } from '../engine/types'
import { kpis, type Kpis } from './kpis'

/**
 * Timing sweep: what if a move came earlier or later? One KPI of one economy × sector, evaluated with the
 * move's start shifted by −N … +N quarters (docs/WORKSHOP-FORMAT.md §sweep), as the charts show the scenario
 * (its branch view: one branch, or the probability-weighted mixture). Pure and deterministic.
 *
 * - A measure: its start (and its end, so the move keeps its length) move by k quarters; the measure is
 *   switched on for the sweep even when the scenario has it off (a sweep of an inactive move would be flat).
 *   Suspensions stay on their calendar dates: they are separate events (e.g. a suspension by decree).
 * - A trigger: its lag moves by k quarters; lags outside 0–20 (the schema's range) are left out.
 */
export type SweepTarget = { kind: 'measure'; id: string } | { kind: 'trigger'; id: string }

/** KPIs a sweep can plot (from core `kpis`). */
export const SWEEP_KPIS = ['peakExposure', 'meanExposure', 'quartersAbove', 'peakCost'] as const
export type SweepKpi = (typeof SWEEP_KPIS)[number]
export const SWEEP_KPI_LABELS: Record<SweepKpi, string> = {
  peakExposure: 'Peak exposure (index 0–100)',
  meanExposure: 'Average exposure (index 0–100)',
  quartersAbove: 'Quarters above the threshold',
  peakCost: 'Peak cost pressure (index 0–100)'
}

export type SweepOptions = {
  target: SweepTarget
  economy: Economy
  sector: Sector
  kpi: SweepKpi
  /** Largest shift either way, in quarters (1–20). */
  quarters: number
  /** Exposure threshold of `quartersAbove` (index points). */
  threshold: number
}

export type SweepPoint = {
  /** Shift in quarters: negative = earlier. */
  shift: number
  /** The move's start date (measure) or lag in quarters (trigger) at this shift. */
  setting: string
  value: number
}

export type SweepResult = {
  target: SweepTarget
  /** What was swept, in words: the measure's short name or the trigger's pair. */
  label: string
  kpi: SweepKpi
  economy: Economy
  sector: Sector
  /** The KPI at shift 0 (the scenario as it is, with the measure on). */
  base: number
  points: SweepPoint[]
}

/** Largest shift accepted either way, in quarters. */
export const MAX_SWEEP_QUARTERS = 20

/** An ISO date moved by `quarters` × 3 months; a day past the month's end is clamped (31 Jan + 1 q → 30 Apr). */
export function shiftDate(iso: string, quarters: number): string {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7)) - 1 + quarters * 3
  const d = Number(iso.slice(8, 10))
  const year = y + Math.floor(m / 12)
  const month = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(d, last)
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const pick = (k: Kpis, kpi: SweepKpi): number => k[kpi]

/** Thrown for a target the scenario does not have (the message names it). */
export class SweepError extends Error {}

/** The scenario with the move shifted by `shift` quarters, or null when the shift is out of range. */
export function shiftedDoc(model: Model, doc: ScenarioDoc, target: SweepTarget, shift: number): { doc: ScenarioDoc; setting: string } | null {
  if (target.kind === 'measure') {
    const setting = doc.measures.find((m) => m.id === target.id)
    if (!setting) throw new SweepError(`The scenario has no measure “${target.id}”.`)
    const start = shiftDate(setting.start, shift)
    const end = setting.end === null ? null : shiftDate(setting.end, shift)
    const measures = doc.measures.map((m) => (m.id === target.id ? { ...m, enabled: true, start, end } : m))
    return { doc: { ...doc, measures }, setting: start }
  }
  const trigger = doc.triggers.find((t) => t.id === target.id)
  if (!trigger) throw new SweepError(`The scenario has no trigger “${target.id}”.`)
  const lag = trigger.lagQuarters + shift
  if (lag < 0 || lag > 20) return null
  return { doc: { ...doc, triggers: doc.triggers.map((t) => (t.id === target.id ? { ...t, lagQuarters: lag } : t)) }, setting: `${lag} q` }
}

/** The sweep: one point per shift from −quarters to +quarters (2·quarters + 1 evaluations at most). */
export function timingSweep(model: Model, doc: ScenarioDoc, opts: SweepOptions): SweepResult {
  if (!Number.isInteger(opts.quarters) || opts.quarters < 1 || opts.quarters > MAX_SWEEP_QUARTERS) {
    throw new SweepError(`The sweep reaches 1–${MAX_SWEEP_QUARTERS} quarters either way, not ${opts.quarters}.`)
  }
  const points: SweepPoint[] = []
  let base = Number.NaN
  for (let shift = -opts.quarters; shift <= opts.quarters; shift++) {
    const shifted = shiftedDoc(model, doc, opts.target, shift)
    if (!shifted) continue
    // As the charts show it (the scenario's branch view), so shift 0 is the figure on screen.
    const result = evaluateView(model, shifted.doc)
    const value = pick(kpis(result.economies[opts.economy][opts.sector], opts.threshold), opts.kpi)
    if (shift === 0) base = value
    points.push({ shift, setting: shifted.setting, value })
  }
  return { target: opts.target, label: targetLabel(model, doc, opts.target), kpi: opts.kpi, economy: opts.economy, sector: opts.sector, base, points }
}

/** A sweep target in words: the measure's short name, or "trigger: A → B". */
export function targetLabel(model: Model, doc: ScenarioDoc, target: SweepTarget): string {
  const short = (id: string) => model.measures[model.measureIndex.get(id) ?? -1]?.short ?? id
  if (target.kind === 'measure') return short(target.id)
  const t = doc.triggers.find((x) => x.id === target.id)
  return t ? `Trigger lag: ${short(t.ifMeasure)} → ${short(t.thenMeasure)}` : `Trigger ${target.id}`
}
