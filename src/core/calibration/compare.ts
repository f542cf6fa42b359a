import type { EngineResult } from '../engine/types'
import { observedRatios, type Observed, type ObservedEvent } from './observed'

/**
 * Model vs what happened in 2025 (docs/CALIBRATION.md): China's magnet exports per quarter and for the
 * year, globally and to the US, and the model's exposure at the dated industry events. The checks and
 * their tolerances live here, once: `npm run calibrate` prints and documents them, the calibration tests
 * assert them.
 */

/** One quarter (or the year) of a flow: observed and model ratio to the same period of 2024. */
export type FlowRow = { period: string; observed: number; model: number }
/** The model's exposure for the economy × sector of an event, in the event's quarter. */
export type EventRow = ObservedEvent & { quarter: string; exposure: number; channelExposure: number | null }
/** One tolerance check. `low`/`high` bound the model figure; `why` says where the bounds come from. */
export type CalibrationCheck = { id: string; label: string; observed: string; model: number; low: number; high: number; pass: boolean; why: string }
/** Everything the calibration report shows. */
export type CalibrationReport = { global: FlowRow[]; usBound: FlowRow[]; events: EventRow[]; defence: number[]; autos: number[]; checks: CalibrationCheck[] }

const YEAR = '2025'
const quarters = [1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`)

const seriesAt = (result: EngineResult, series: readonly number[], quarter: string): number => {
  const i = result.quarters.indexOf(quarter)
  if (i < 0) throw new Error(`the calibration run does not cover ${quarter} (horizon ${result.quarters[0]}…)`)
  return series[i] as number
}

const flowRows = (result: EngineResult, model: readonly number[], flow: Observed['flows']['global']): FlowRow[] => {
  const obs = observedRatios(flow)
  const rows = quarters.map((q) => ({ period: q, observed: obs.quarter[obs.quarters.indexOf(q)] as number, model: seriesAt(result, model, q) }))
  // The year is the 2024-weighted mean of the quarters, as tonnes add up.
  const weights = flow.base2024.quarters.map((q) => q.tonnes)
  const total = weights.reduce((a, b) => a + b, 0)
  const modelYear = rows.reduce((acc, r, i) => acc + r.model * (weights[i] as number), 0) / total
  return [...rows, { period: YEAR, observed: obs.year, model: modelYear }]
}

/** The byChannel series of a channel the engine may not have yet (e.g. `legacy_chips` before Model 2). */
const channelSeries = (result: EngineResult, e: EventRow['economy'], s: EventRow['sector'], channel: string): number[] | null =>
  (result.economies[e][s].byChannel as Record<string, number[] | undefined>)[channel] ?? null

const eventRows = (result: EngineResult, events: readonly ObservedEvent[]): EventRow[] =>
  events.map((ev) => {
    const month = Number(ev.date.slice(5, 7))
    const quarter = `${ev.date.slice(0, 4)}-Q${Math.ceil(month / 3)}`
    const series = result.economies[ev.economy][ev.sector].exposure
    // An absence covers the whole year: the worst quarter is what must stay low.
    const exposure = ev.kind === 'absence' ? Math.max(...quarters.map((q) => seriesAt(result, series, q))) : seriesAt(result, series, quarter)
    const ch = ev.channel ? channelSeries(result, ev.economy, ev.sector, ev.channel) : null
    return { ...ev, quarter: ev.kind === 'absence' ? YEAR : quarter, exposure, channelExposure: ev.channel ? (ch ? seriesAt(result, ch, quarter) : 0) : null }
  })

const pct = (x: number) => x.toFixed(2)
const check = (id: string, label: string, observed: string, model: number, low: number, high: number, why: string): CalibrationCheck => ({
  id, label, observed, model, low, high, pass: model >= low && model <= high, why
})

/** Tolerances, in one place (docs/CALIBRATION.md prints them with their reasons). */
export const TOLERANCE = {
  /** Global export ratio per quarter: the 2024 quarterly bases are derived from reported y/y changes (±2–3 %), the model is quarterly. */
  globalQuarter: 0.08,
  /** US-bound per quarter: no quarterly US split of 2024 is published (flat base, ±12 % seasonality) and Q1/Q2 are derived by difference. */
  usQuarter: 0.12,
  /** Full year, global: both years are published customs totals; the tightest figure we have. */
  globalYear: 0.05,
  /** Full year, US-bound: published totals, but the model's year weights rest on the flat US base. */
  usYear: 0.08,
  /** The US lag in Q4: at least this much of the observed 0.19 gap between global and US-bound ratios. */
  usLagMin: 0.08,
  /** Autos exposure (index points) that counts as "lines stopped" in a quarter / "no stoppage" below. */
  stoppage: 1,
  /** Q2 2025, the broadest episode (several makers and suppliers on two continents for weeks). */
  stoppageBroad: 5,
  /** Highest US defence exposure compatible with no public production stoppage. */
  defenceMax: 5
} as const

/**
 * Compare an evaluation of the 2025 calibration scenario with the observed data. `result` must cover
 * 2025-Q1…Q4. Pure; throws if a quarter is missing.
 */
export const compareCalibration = (result: EngineResult, observed: Observed): CalibrationReport => {
  const ix = result.diagnostics.magnetExportsIndex
  const global = flowRows(result, ix.global, observed.flows.global)
  const usBound = flowRows(result, ix.usBound, observed.flows.usBound)
  const events = eventRows(result, observed.events)
  const autos = quarters.map((q) => seriesAt(result, result.economies.us.autos.exposure, q))
  const defence = quarters.map((q) => seriesAt(result, result.economies.us.defense.exposure, q))
  const g = (p: string) => global.find((r) => r.period === p) as FlowRow
  const u = (p: string) => usBound.find((r) => r.period === p) as FlowRow
  const T = TOLERANCE
  const within = (id: string, label: string, row: FlowRow, tol: number, why: string) =>
    check(id, label, pct(row.observed), row.model, row.observed - tol, row.observed + tol, why)
  const legacy = events.find((e) => e.id === 'honda-celaya-nexperia')
  const checks: CalibrationCheck[] = [
    within('q2-trough-global', 'Q2 trough, global exports', g('2025-Q2'), T.globalQuarter, `±${T.globalQuarter}: 2024 quarterly bases derived from reported y/y changes; quarterly model`),
    within('q2-trough-us', 'Q2 trough, US-bound exports', u('2025-Q2'), T.usQuarter, `±${T.usQuarter}: flat 2024 US base, April derived by difference`),
    within('q3-overshoot-global', 'Q3 restocking overshoot, global (above 2024)', g('2025-Q3'), T.globalQuarter, `±${T.globalQuarter}; the lower bound is above 1.00, so a model without the overshoot fails`),
    within('q4-overshoot-global', 'Q4 restocking overshoot, global (above 2024)', g('2025-Q4'), T.globalQuarter, `±${T.globalQuarter}; lower bound above 1.00`),
    within('q4-us-level', 'Q4 US-bound level', u('2025-Q4'), T.usQuarter, `±${T.usQuarter}: flat 2024 US base`),
    check('q4-us-lag', 'Q4 US lag (global − US-bound ratio)', pct(g('2025-Q4').observed - u('2025-Q4').observed), g('2025-Q4').model - u('2025-Q4').model, T.usLagMin,
      g('2025-Q4').observed - u('2025-Q4').observed + T.usQuarter,
      `at least ${T.usLagMin} (≈ 40 % of the observed gap: sign and a material size); at most the observed gap + ${T.usQuarter} (the US-bound tolerance)`),
    within('year-global', 'Full year, global', g(YEAR), T.globalYear, `±${T.globalYear}: published totals for both years`),
    within('year-us', 'Full year, US-bound', u(YEAR), T.usYear, `±${T.usYear}: published totals, flat 2024 quarterly weights`),
    check('autos-q1-quiet', 'No auto stoppages before 4 April (Q1)', 'none reported', autos[0] as number, 0, T.stoppage - 1e-9,
      `below ${T.stoppage} index point: the first stoppages came ≈ 8 weeks after 4 Apr`),
    check('autos-q2-stoppages', 'Auto stoppages May–June (Ford Chicago; CLEPA)', 'Ford ≈ 1 week; several EU lines', autos[1] as number, T.stoppageBroad, 100,
      `at least ${T.stoppageBroad}: several makers and suppliers on two continents for weeks`),
    check('autos-q3-stoppages', 'Auto stoppages in September (EU Chamber: 46 vs 7 in Aug)', '46 stoppages in Sep', autos[2] as number, T.stoppage, 100,
      `at least ${T.stoppage} index point: stoppages were reported again`),
    check('autos-q4-stoppages', 'Auto stoppages late October (Honda Celaya, Nexperia)', 'Celaya halted 28 Oct', autos[3] as number, T.stoppage, 100, `at least ${T.stoppage} index point`),
    check('autos-q4-legacy-chips', 'Q4 stoppage comes through legacy chips (Nexperia)', 'legacy-chip stop', legacy?.channelExposure ?? 0, T.stoppage, 100,
      `at least ${T.stoppage} index point on the legacy-chip channel: the October stop was Nexperia's, not magnets`),
    check('defence-no-collapse', 'No US defence production collapse in 2025 (worst quarter)', 'no public stoppage', Math.max(...defence), 0, T.defenceMax,
      `at most ${T.defenceMax}: DPAS priority, stocks and tiny volumes; a sustained ${T.defenceMax} % unmet would have surfaced as it did for the F-35 in 2022`)
  ]
  return { global, usBound, events, defence, autos, checks }
}
