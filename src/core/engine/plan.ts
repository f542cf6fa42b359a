import type { Measure } from '../model/catalogue-schema'
import type { Model } from '../model/load-model'
import type { MeasureSetting, ScenarioDoc } from '../scenario/schema'
import { clampOverride } from '../scenario/check'
import type { Assumption } from '../model/assumptions-schema'
import { quarterIndex } from '../time/quarters'
import { maxSegments, ownSegments, shiftSegments, summariseProfile, type LicenceTiming, type QuarterProfile, type Segment } from './profiles'
import { CHANNELS, ECONOMIES, SECTORS } from './types'

/**
 * A scenario compiled against a model into flat, index-based structures, so the hot loop touches
 * only typed arrays. Everything here depends on the scenario, not on assumption values; values are
 * applied per evaluation (Monte Carlo and tornado vary them) in `inputs.ts`.
 */

/** Quarters simulated before the horizon so stocks, licence lags and learning curves are warm. */
export const PRE_ROLL = 4

/** Number of economies, sectors and channels (array strides). */
export const N_E = ECONOMIES.length
export const N_S = SECTORS.length
export const N_K = CHANNELS.length
/** Flat cell index of (economy, sector, channel). */
export const cellIndex = (e: number, s: number, k: number): number => (e * N_S + s) * N_K + k

/** Gate kinds: licence (also bans), tariff, sourcing rule. */
export const GATE_LICENSING = 0
export const GATE_TARIFF = 1
export const GATE_SOURCING = 2

/** One measure acting on one (economy, channel) pool. */
export type Gate = {
  measure: number
  economy: number
  channel: number
  /** 0 = direct pool (σ), 1 = indirect pool (third-country goods). */
  pool: number
  /** Bit s set ⇔ applies to sector s. */
  sectorMask: number
  kind: number
  /** Assumption index holding κ, or −1 for κ = 1. */
  coverage: number
  /** Extra multiplier on κ (tariff scope, DFARS enforcement), 0–1. */
  kappaScale: number
  /** Steady-state and initial pass (approval) rates 0–1; for tariffs the retained-trade share is computed per evaluation. */
  aSteady: number
  aInitial: number
  /** Multiplier on the initial rate for the US economy (US-bound shipments). */
  usInitialFactor: number
  /** Cap on the pass rate for the defence sector (Infinity = none). */
  aDefense: number
  /** Tariff add-on rate (0.5 = 50 points), tariffs only. */
  tariffRate: number
}

/** A resolved trigger: measure indices, lag in quarters, intensity 0–1. */
export type TriggerLink = { src: number; dst: number; lag: number; intensity: number }

/** A compiled scenario (see module comment). */
export type Plan = {
  model: Model
  scenario: ScenarioDoc
  /** Absolute quarter index of slot 0 (= horizon start − PRE_ROLL). */
  q0: number
  horizon: number
  /** Total simulated quarters (PRE_ROLL + horizon). */
  slots: number
  settings: readonly MeasureSetting[]
  /** Resolved parameter values per measure, by param id. */
  params: readonly ReadonlyMap<string, number>[]
  ownSegs: readonly Segment[][]
  /** Licence timing per measure (quarters). */
  timing: readonly LicenceTiming[]
  triggers: readonly TriggerLink[]
  /** Measures that take part in any trigger (their profiles depend on other measures' masks). */
  triggerInvolved: readonly number[]
  gates: readonly Gate[]
  /** Gate indices per cell, split by pool. */
  cellGatesDirect: readonly number[][]
  cellGatesIndirect: readonly number[][]
  capacity: { measure: number; funding: number } | null
  techRamps: readonly { measure: number; intensity: number; oddsPenalty: number }[]
  stockpile: { measure: number; fill: number; release: number; cells: Uint8Array } | null
  /** The defence sourcing rule (DFARS): its compliant pre-stock in quarters of covered need. */
  sourcing: { measure: number; prestockQuarters: number } | null
  /** Base values with the scenario's overrides applied. */
  values: Float64Array
  profileCache: Map<string, readonly QuarterProfile[]>
}

const settingFor = (m: Measure, doc: ScenarioDoc): MeasureSetting =>
  doc.measures.find((s) => s.id === m.id) ?? {
    id: m.id, enabled: m.default.enabled, params: {}, start: m.default.start, end: m.default.end, suspensions: m.default.suspensions
  }

const resolveParams = (m: Measure, s: MeasureSetting): Map<string, number> =>
  new Map(m.params.map((p) => {
    const v = s.params[p.id]
    return [p.id, v === undefined || !Number.isFinite(v) ? p.default : Math.min(p.max, Math.max(p.min, v))] as const
  }))

const pct = (params: ReadonlyMap<string, number>, id: string, fallback: number): number => {
  const v = params.get(id)
  return v === undefined ? fallback : v / 100
}

/** Licence timing (quarters) of a measure from its resolved params, written into `t` (compilePlan, `retuneMeasure`). */
/** A parameter in weeks, as quarters. */
const weeksParam = (p: ReadonlyMap<string, number>, id: string): number => (p.get(id) ?? 0) / 13
const setLicenceTiming = (t: LicenceTiming, m: Measure, p: ReadonlyMap<string, number>): void => {
  if (m.mechanism === 'sourcing-rule') {
    // A sourcing rule's "approval" is its waiver share; until the first waiver (initial period) nothing is relieved.
    t.lag = 0
    t.initial = weeksParam(p, 'waiver-weeks')
    t.initialUs = weeksParam(p, 'waiver-weeks')
    return
  }
  const initial = weeksParam(p, 'initial-weeks')
  t.lag = weeksParam(p, 'lag-weeks')
  t.initial = initial
  t.initialUs = p.has('us-initial-weeks') ? weeksParam(p, 'us-initial-weeks') : initial
}

/** The parameter-dependent fields of a gate from its measure's resolved params (compilePlan, `retuneMeasure`). */
const setGateParams = (g: Gate, m: Measure, c: Measure['channels'][number], p: ReadonlyMap<string, number>): void => {
  const approvalId = c.approvalParam ?? 'approval'
  const isRule = m.mechanism === 'sourcing-rule'
  // A sourcing rule is relieved by waivers (none before the first one, `waiver-weeks` in).
  const aSteady = isRule ? pct(p, 'waiver', 0) : pct(p, approvalId, 0)
  g.kappaScale = m.mechanism === 'tariff' ? pct(p, 'scope', 1) : m.mechanism === 'sourcing-rule' ? pct(p, 'enforcement', 1) : 1
  g.aSteady = aSteady
  // An element group's own approval (`approval-<group>`, e.g. Y/Sc under No. 18) shares the measure's
  // initial period: never above the first-weeks rate. A per-effect approval (≤14-nm review) has none.
  g.aInitial = isRule ? 0 : approvalId === 'approval' ? pct(p, 'initial-approval', aSteady)
    : approvalId.startsWith('approval-') ? Math.min(aSteady, pct(p, 'initial-approval', aSteady)) : aSteady
  g.usInitialFactor = pct(p, 'us-initial-factor', 1)
  g.aDefense = p.has('defense-approval') ? pct(p, 'defense-approval', 1) : Number.POSITIVE_INFINITY
  g.tariffRate = m.mechanism === 'tariff' ? pct(p, 'rate', 0) : 0
}

type ScalarParts = Pick<Plan, 'capacity' | 'stockpile' | 'techRamps' | 'sourcing'>
/** Parameter-dependent scalars of measure `mi` if it is the capacity, stockpile, a tech-ramp or the sourcing-rule measure. */
const setScalarParams = (parts: ScalarParts, mi: number, p: ReadonlyMap<string, number>): void => {
  if (parts.capacity !== null && parts.capacity.measure === mi) parts.capacity.funding = pct(p, 'funding', 1)
  if (parts.stockpile !== null && parts.stockpile.measure === mi) {
    parts.stockpile.fill = pct(p, 'fill', 1)
    parts.stockpile.release = pct(p, 'release', 0.5)
  }
  for (const r of parts.techRamps) {
    if (r.measure !== mi) continue
    r.intensity = pct(p, 'intensity', 0)
    r.oddsPenalty = pct(p, 'odds-penalty', 0)
  }
  if (parts.sourcing !== null && parts.sourcing.measure === mi) parts.sourcing.prestockQuarters = Math.max(0, p.get('prestock-quarters') ?? 0)
}

/** Compile a scenario against a model. Unknown measure ids, params and overrides are ignored here (see `checkScenario`). */
export const compilePlan = (model: Model, scenario: ScenarioDoc): Plan => {
  const horizon = scenario.horizon.quarters
  const q0 = quarterIndex(scenario.horizon.start) - PRE_ROLL
  const settings = model.measures.map((m) => settingFor(m, scenario))
  const params = model.measures.map((m, i) => resolveParams(m, settings[i] as MeasureSetting))
  const timing = params.map((p, mi) => {
    const t: LicenceTiming = { lag: 0, initial: 0, initialUs: 0 }
    setLicenceTiming(t, model.measures[mi] as Measure, p)
    return t
  })
  const gates: Gate[] = []
  let capacity: Plan['capacity'] = null
  let stockpile: Plan['stockpile'] = null
  let sourcing: Plan['sourcing'] = null
  const techRamps: { measure: number; intensity: number; oddsPenalty: number }[] = []
  model.measures.forEach((m, mi) => {
    const p = params[mi] as ReadonlyMap<string, number>
    // Parameter-dependent scalars are filled in by `setScalarParams` below.
    if (m.mechanism === 'capacity') capacity = { measure: mi, funding: 1 }
    else if (m.mechanism === 'stockpile') {
      // Stocks by form: a stock helps only the cells (channel × sector) its catalogue entry names.
      const cells = new Uint8Array(N_E * N_S * N_K)
      for (const c of m.channels) for (const s of c.sectors ?? SECTORS) cells[cellIndex(ECONOMIES.indexOf(c.economy), SECTORS.indexOf(s), CHANNELS.indexOf(c.channel))] = 1
      stockpile = { measure: mi, fill: 1, release: 0.5, cells }
    }
    else if (m.mechanism === 'tech-ramp') techRamps.push({ measure: mi, intensity: 0, oddsPenalty: 0 })
    else {
      if (m.mechanism === 'sourcing-rule') sourcing = { measure: mi, prestockQuarters: 0 }
      for (const c of m.channels) {
        let sectorMask = 0
        for (const s of c.sectors ?? SECTORS) sectorMask |= 1 << SECTORS.indexOf(s)
        const g: Gate = {
          measure: mi,
          economy: ECONOMIES.indexOf(c.economy),
          channel: CHANNELS.indexOf(c.channel),
          pool: c.pool === 'indirect' ? 1 : 0,
          sectorMask,
          kind: m.mechanism === 'tariff' ? GATE_TARIFF : m.mechanism === 'sourcing-rule' ? GATE_SOURCING : GATE_LICENSING,
          coverage: c.coverage === undefined ? -1 : (model.assumptionIndex.get(c.coverage) ?? -1),
          kappaScale: 1, aSteady: 0, aInitial: 0, usInitialFactor: 1, aDefense: Number.POSITIVE_INFINITY, tariffRate: 0
        }
        setGateParams(g, m, c, p)
        gates.push(g)
      }
    }
  })
  const scalars: ScalarParts = { capacity, stockpile, techRamps, sourcing }
  params.forEach((p, mi) => setScalarParams(scalars, mi, p))
  const nCells = N_E * N_S * N_K
  const cellGatesDirect: number[][] = Array.from({ length: nCells }, () => [])
  const cellGatesIndirect: number[][] = Array.from({ length: nCells }, () => [])
  gates.forEach((g, gi) => {
    for (let s = 0; s < N_S; s++) {
      if ((g.sectorMask & (1 << s)) === 0) continue
      ;(g.pool === 0 ? cellGatesDirect : cellGatesIndirect)[cellIndex(g.economy, s, g.channel)]?.push(gi)
    }
  })
  const triggers: TriggerLink[] = []
  for (const t of scenario.triggers) {
    const src = model.measureIndex.get(t.ifMeasure)
    const dst = model.measureIndex.get(t.thenMeasure)
    if (src !== undefined && dst !== undefined) triggers.push({ src, dst, lag: t.lagQuarters, intensity: t.intensity })
  }
  const values = Float64Array.from(model.baseValues)
  for (const [id, v] of Object.entries(scenario.overrides)) {
    const i = model.assumptionIndex.get(id)
    // Clamped into the documented range, as the Monte Carlo's mode is (issue 11 item 7).
    if (i !== undefined && Number.isFinite(v)) values[i] = clampOverride(model.assumptions[i] as Assumption, v)
  }
  return {
    model, scenario, q0, horizon, slots: PRE_ROLL + horizon, settings, params,
    ownSegs: settings.map(ownSegments), timing, triggers,
    triggerInvolved: [...new Set(triggers.flatMap((t) => [t.src, t.dst]))].sort((a, b) => a - b),
    gates, cellGatesDirect, cellGatesIndirect, capacity, techRamps, stockpile, sourcing, values,
    profileCache: new Map()
  }
}

/** Effective segments of every measure under a mask (1 = measure on), triggers resolved to a fixed point. */
export const effectiveSegments = (plan: Plan, mask: Uint8Array): Segment[][] => {
  let eff = plan.ownSegs.map((s, i) => (mask[i] ? s : []))
  if (plan.triggers.length === 0) return eff
  // Each pass propagates triggers one link further; chains are at most #triggers long.
  for (let pass = 0; pass <= plan.triggers.length; pass++) {
    const next = eff.map((segs, m) => {
      if (!mask[m]) return segs
      const incoming = plan.triggers.filter((t) => t.dst === m && mask[t.src]).map((t) => shiftSegments(eff[t.src] ?? [], t.lag, t.intensity))
      return incoming.length === 0 ? (plan.ownSegs[m] ?? []) : maxSegments([plan.ownSegs[m] ?? [], ...incoming])
    })
    const same = next.every((s, i) => JSON.stringify(s) === JSON.stringify(eff[i]))
    eff = next
    if (same) break
  }
  return eff
}

/**
 * Per-quarter profiles of every measure under a mask. A measure outside any trigger depends only on
 * its own bit, so its on/off profiles are computed once; trigger-involved measures are cached by the
 * bits of the trigger-involved measures only.
 */
export const profilesFor = (plan: Plan, mask: Uint8Array): readonly QuarterProfile[] => {
  const own = ownProfiles(plan)
  const zero = zeroProfile(plan)
  const base = own.map((p, m) => (mask[m] ? p : zero))
  if (plan.triggers.length === 0) return base
  const key = plan.triggerInvolved.map((m) => mask[m]).join('')
  let hit = plan.profileCache.get(key)
  if (!hit) {
    const segs = effectiveSegments(plan, mask)
    hit = plan.triggerInvolved.map((m) => summariseProfile(segs[m] ?? [], plan.q0, plan.slots, plan.timing[m] as LicenceTiming))
    plan.profileCache.set(key, hit)
  }
  plan.triggerInvolved.forEach((m, j) => {
    base[m] = (hit as readonly QuarterProfile[])[j] as QuarterProfile
  })
  return base
}

const ownCache = new WeakMap<Plan, readonly QuarterProfile[]>()
const zeroCache = new WeakMap<Plan, QuarterProfile>()

const ownProfiles = (plan: Plan): readonly QuarterProfile[] => {
  let p = ownCache.get(plan)
  if (!p) {
    p = plan.ownSegs.map((s, m) => summariseProfile(s, plan.q0, plan.slots, plan.timing[m] as LicenceTiming))
    ownCache.set(plan, p)
  }
  return p
}

const zeroProfile = (plan: Plan): QuarterProfile => {
  let z = zeroCache.get(plan)
  if (!z) {
    z = summariseProfile([], plan.q0, plan.slots, { lag: 0, initial: 0, initialUs: 0 })
    zeroCache.set(plan, z)
  }
  return z
}

/** Plans made by `forkPlan`: the only ones `retuneMeasure` may change (a compiled plan is shared and cached). */
const forks = new WeakSet<Plan>()

/**
 * A copy of a compiled plan that owns its parameter-dependent parts (resolved params, licence timing,
 * own segments, gate parameters, capacity/stockpile/tech-ramp/sourcing scalars, base values), so a
 * Monte Carlo draw can re-parameterise it with `setPlanParam`/`retuneMeasure` instead of compiling
 * a scenario per draw. The structure (which gates exist, cell lists, triggers) is the original's:
 * draws only move parameter values and suspension dates, never the set of gates.
 */
export const forkPlan = (plan: Plan): Plan => {
  const fork: Plan = {
    ...plan,
    settings: [...plan.settings],
    params: plan.params.map((p) => new Map(p)),
    ownSegs: [...plan.ownSegs],
    timing: plan.timing.map((t) => ({ ...t })),
    gates: plan.gates.map((g) => ({ ...g })),
    capacity: plan.capacity === null ? null : { ...plan.capacity },
    techRamps: plan.techRamps.map((r) => ({ ...r })),
    stockpile: plan.stockpile === null ? null : { ...plan.stockpile },
    sourcing: plan.sourcing === null ? null : { ...plan.sourcing },
    values: Float64Array.from(plan.values),
    profileCache: new Map()
  }
  forks.add(fork)
  return fork
}

/**
 * Set one parameter of measure `mi` on a forked plan, resolved exactly as `compilePlan` resolves a
 * scenario's value (non-finite → catalogue default; clamped to the catalogue's min/max). Takes effect
 * with `retuneMeasure`. Unknown parameter ids are ignored (as compilePlan ignores them).
 */
export const setPlanParam = (plan: Plan, mi: number, paramId: string, value: number): void => {
  if (!forks.has(plan)) throw new Error('setPlanParam: only a plan from forkPlan can be re-parameterised')
  const params = plan.model.measures[mi]?.params ?? []
  let def: (typeof params)[number] | undefined
  for (const p of params) if (p.id === paramId) { def = p; break }
  if (def === undefined) return
  ;(plan.params[mi] as Map<string, number>).set(paramId, !Number.isFinite(value) ? def.default : Math.min(def.max, Math.max(def.min, value)))
}

/**
 * Recompute everything of measure `mi` that depends on its parameters (licence timing, its gates'
 * approval/coverage/tariff fields, capacity/stockpile/tech-ramp/sourcing scalars) with the same helpers
 * `compilePlan` uses, and replace its own activity segments when given (a sampled suspension end). A
 * retuned fork evaluates byte-identically to compiling the edited scenario (tested in
 * analysis/uncertainty.test.ts). Cached profiles of the fork are dropped as needed.
 */
export const retuneMeasure = (plan: Plan, mi: number, segments?: readonly Segment[]): void => {
  if (!forks.has(plan)) throw new Error('retuneMeasure: only a plan from forkPlan can be re-parameterised')
  const m = plan.model.measures[mi] as Measure
  const p = plan.params[mi] as ReadonlyMap<string, number>
  setLicenceTiming(plan.timing[mi] as LicenceTiming, m, p)
  if (segments !== undefined) (plan.ownSegs as Segment[][])[mi] = segments as Segment[]
  let j = 0
  for (const g of plan.gates) if (g.measure === mi) setGateParams(g, m, m.channels[j++] as Measure['channels'][number], p)
  setScalarParams(plan, mi, p)
  ownCache.delete(plan)
  if (plan.triggerInvolved.includes(mi)) plan.profileCache.clear()
}
