import { CAPACITY_CHANNELS, MATERIAL_CHANNELS, REQUIRED_ASSUMPTIONS, bufferKey, channelKey, costShareKey, critKey, marginKey, priceShockKey, requiredForCatalogue, sigmaKey, substKey } from '../model/keys'
import type { Model } from '../model/load-model'
import { quarterTime } from '../time/quarters'
import { OUTSIDE_EVENTS, yearToQuarterTime, type OutsideEventSpec } from './outside-events'
import { GATE_TARIFF, N_E, N_K, N_S, type Plan } from './plan'
import { CHANNELS, ECONOMIES, SECTORS, type Channel } from './types'

// Module-local copies of plan.ts constants (a CommonJS-compiled import is a getter call per use).
const NK_ = N_K
const NS_ = N_S
const NE_ = N_E
const cellAt = (e: number, s: number, k: number): number => (e * NS_ + s) * NK_ + k
const G_TARIFF_ = GATE_TARIFF
/** Quarter index of 2024-Q1: outside-event dates are decimal years (2024.79 = mid-October 2024). */
const MYANMAR = (OUTSIDE_EVENTS[0] as OutsideEventSpec).keys
const E_CN = ECONOMIES.indexOf('cn')
const K_CHIPS_ = CHANNELS.indexOf('chips')
const K_TARIFFS_ = CHANNELS.indexOf('tariffs')

/**
 * Per-evaluation numeric inputs: assumption values (base, overridden or sampled) turned into flat
 * per-cell arrays. Cheap (≈ 50 cells), so Monte Carlo rebuilds it per sample.
 */
export type Inputs = {
  crit: Float64Array
  sigmaDirect: Float64Array
  sigmaIndirect: Float64Array
  /** Firm inventory cover bounds (quarters of need); hi = 0 ⇒ unbuffered. */
  bufLo: Float64Array
  bufHi: Float64Array
  /** Substitution reachable within 4 quarters. */
  phi4: Float64Array
  /** Grain-boundary-diffusion thrift ceiling (civil Dy/Tb only; 0 elsewhere). */
  gbd: Float64Array
  /**
   * Per-part cells (US legacy chips): 1 where firms hold cover per part, so the cover that meets a stop is
   * that of the parts it covers, and a missing part idles more output than its value share (weakest link).
   */
  perPart: Uint8Array
  /** Output share idled per unit share of parts missing (legacy chips; 1 = value-proportional). */
  lineMultiplier: number
  gbdTau: number
  /** Long-run substitution asymptote per cell (US materials) and its time constant per sector (quarters). */
  phiLong: Float64Array
  longTau: Float64Array
  /** Price multiple − 1 in an April-2025-style shock, per channel. */
  shockM1: Float64Array
  /** Cost weight per cell: the input's share of the sector's cost of output (China's tariff cell: 1, see cost.ts). */
  costWeight: Float64Array
  /** 1 / operating margin per (economy, sector): X = 1 when input price rises equal the margin (cost.ts). */
  costScale: Float64Array
  /**
   * Per cell: what turns G_raw (a share of the sector's whole need of the channel) into the share of the
   * cost-weighted input's own flows unmet, which the price multiple answers to. 1 where the cost share covers
   * the whole channel (materials, legacy chips, …); 1/node share on ≤14-nm chip cells, whose cost share
   * covers the affected-node chips only (else the node share would count twice: in the weight and the gap).
   */
  costGapScale: Float64Array
  /** κ per gate, and per-gate retained-trade share for tariff gates. */
  kappa: Float64Array
  tariffRetained: Float64Array
  /** Restock headroom ρ per economy (share of quarterly need). */
  restock: Float64Array
  passThrough: number
  exportTrend: number
  defenseShare: number
  /** Ex-China share of allied supply per cell (US materials; 0 elsewhere): what DPAS can reach. */
  compliantBase: Float64Array
  /** DPAS reach, defence qualification in May 2024, requalification time constant (quarters). */
  dpasReach: number
  qual0: number
  requalTau: number
  /** Compliant-supply price premium: MP floor / China NdPr price − 1. */
  compliantPremium: number
  /** Share of defence purchases declaring a military end use (they get the military approval rate). */
  declared: number
  /** Share of ex-China NdFeB output needing Dy/Tb feed. */
  hreGrade: number
  /**
   * Outside event on China's own feed (Myanmar/Kachin): share of China's RE-feed imports lost while the
   * event lasts, on [from, until) in quarter-time (docs/MODEL.md §3.3). Not a measure: it is structural.
   */
  feedEventDepth: number
  feedEventFrom: number
  feedEventUntil: number
  /** Ex-China NdPr metal/alloy output in 2024 as a share of allied magnet need (the metal stage's base). */
  metalBase: number
  /** RE (metal) content of NdFeB by mass: t of metal per t of magnet. */
  reContent: number
  /** US-bound share of US & allied flows (the rest, EU/Japan, takes the global approval path). */
  usBoundShare: number
  /** US-bound restocking relative to the global rebound (export diagnostic). */
  usRestock: number
  capDemand: Float64Array
  /** Allied magnet-REE demand growth per year (capacity shares shrink as demand grows). */
  demandGrowth: number
  onSchedule: number
  rampQuarters: number
  lateDelay: number
  stockTargetQ: Float64Array
  fillQuarters: number
}

const MATERIAL = new Set<Channel>(MATERIAL_CHANNELS)
/** Restock headroom ρ per economy (us, cn). */
const RESTOCK_KEYS = ['restock-headroom', 'cn-restock-headroom'] as const

/** Quarter-time of each project's commissioning date (parsed once per model). */
const commissioningCache = new WeakMap<Model, Float64Array>()
/** Commissioning quarter-time per project, aligned with `model.projects`. */
export const projectCommissioning = (model: Model): Float64Array => {
  let c = commissioningCache.get(model)
  if (!c) {
    c = Float64Array.from(model.projects, (p) => quarterTime(p.commissioning))
    commissioningCache.set(model, c)
  }
  return c
}

/**
 * Where each per-cell input comes from, resolved to assumption indices once per model (Monte Carlo
 * rebuilds inputs per sample, so string keys must not be built or looked up in that loop).
 * −1 means "absent": reads as 0 (criticality) or not used.
 */
type Recipe = {
  crit: Int32Array
  /** σ direct = v[sigA] (× v[sigB] when sigB ≥ 0) (× (1 − v[embedded]) for US NdFeB). */
  sigA: Int32Array
  sigB: Int32Array
  /** σ indirect: US materials → (1 − v[sigA])·third; China chips → v[node]·v[indirectShare]. */
  indirect: Int8Array
  embedded: Uint8Array
  months: Int32Array
  phi: Int32Array
  gbd: Uint8Array
  perPart: Uint8Array
  shock: Int32Array
  costShare: Int32Array
  /** Operating-margin index per (economy, sector). */
  margin: Int32Array
  stockDays: Int32Array
  get: (id: string) => number
}

const recipeCache = new WeakMap<Model, Recipe>()
const recipeFor = (model: Model): Recipe => {
  const hit = recipeCache.get(model)
  if (hit) return hit
  const get = (id: string): number => model.assumptionIndex.get(id) ?? -1
  // Per-channel inputs exist only for channels a catalogue measure acts on (keys.ts, loader-checked).
  const wanted = new Set([...REQUIRED_ASSUMPTIONS, ...requiredForCatalogue(model)])
  const getIf = (id: string | null): number => (id !== null && wanted.has(id) ? get(id) : -1)
  const n = NE_ * NS_ * NK_
  const r: Recipe = {
    crit: new Int32Array(n).fill(-1), sigA: new Int32Array(n).fill(-1), sigB: new Int32Array(n).fill(-1),
    indirect: new Int8Array(n), embedded: new Uint8Array(n), months: new Int32Array(n).fill(-1), phi: new Int32Array(n).fill(-1),
    gbd: new Uint8Array(n), perPart: new Uint8Array(n), shock: Int32Array.from(CHANNELS, (k) => (k === 'tariffs' ? -1 : getIf(priceShockKey(k)))),
    costShare: new Int32Array(n).fill(-1),
    margin: Int32Array.from(ECONOMIES.flatMap((e) => SECTORS.map((s) => get(marginKey(e, s))))),
    stockDays: Int32Array.from(SECTORS, (s) => get(s === 'defense' ? 'nds-cover-days' : 'vault-target-days')),
    get
  }
  ECONOMIES.forEach((e, ei) => SECTORS.forEach((s, si) => CHANNELS.forEach((k, ki) => {
    const c = cellAt(ei, si, ki)
    r.crit[c] = get(critKey(e, s, k))
    r.costShare[c] = get(costShareKey(e, s, k))
    r.sigA[c] = getIf(sigmaKey(e, s, k))
    r.months[c] = getIf(bufferKey(e, s, k))
    r.phi[c] = getIf(substKey(e, s, k))
    if (e === 'us') {
      r.indirect[c] = MATERIAL.has(k) ? 1 : 0
      r.embedded[c] = k === 'ndfeb' ? 1 : 0
      r.gbd[c] = k === 'dy_tb' && s !== 'defense' ? 1 : 0
      r.perPart[c] = k === 'legacy_chips' ? 1 : 0
    } else if (k === 'chips') {
      r.sigB[c] = get('cn-direct-us-share-chips')
      r.indirect[c] = 2
    }
  })))
  recipeCache.set(model, r)
  return r
}

/** A zeroed buffer of length n: `old` reused when it has that length (repeated evaluations), else a new one. */
const zeros = (old: Float64Array | undefined, n: number): Float64Array => (old !== undefined && old.length === n ? old.fill(0) : new Float64Array(n))
/** `Float64Array.from(src, f)`, writing into `old` when it has the right length. */
const fillFrom = <T>(old: Float64Array | undefined, src: ArrayLike<T>, f: (x: T) => number): Float64Array => {
  const a = old !== undefined && old.length === src.length ? old : new Float64Array(src.length)
  for (let i = 0; i < src.length; i++) a[i] = f(src[i] as T)
  return a
}

// Assumption ids read per build, spelled once (a Monte Carlo builds inputs per draw).
const SUBST_LONG_KEYS = SECTORS.map((s) => `subst-long-${s}`)
const ALLIED_DEMAND_KEYS = CAPACITY_CHANNELS.map((k) => `allied-demand-${channelKey(k)}`)

/**
 * Build inputs from a plan and a value vector aligned with `model.assumptions`. With `reuse` (the
 * previous result for the same model; Monte Carlo draws) its arrays are overwritten instead of
 * allocated, so the previous result must no longer be needed.
 */
export const buildInputs = (plan: Plan, values: Float64Array, reuse?: Inputs): Inputs => {
  const r = recipeFor(plan.model)
  const at = (i: number): number => (i < 0 ? 0 : (values[i] as number))
  const v = (id: string): number => at(r.get(id))
  const n = NE_ * NS_ * NK_
  const crit = zeros(reuse?.crit, n)
  const sigmaDirect = zeros(reuse?.sigmaDirect, n)
  const sigmaIndirect = zeros(reuse?.sigmaIndirect, n)
  const bufLo = zeros(reuse?.bufLo, n)
  const bufHi = zeros(reuse?.bufHi, n)
  const phi4 = zeros(reuse?.phi4, n)
  const gbd = zeros(reuse?.gbd, n)
  const phiLong = zeros(reuse?.phiLong, n)
  const longBySector = SUBST_LONG_KEYS.map((id) => clamp01(v(id)))
  const compliantBase = zeros(reuse?.compliantBase, n)
  const disp = clamp01(v('buffer-dispersion'))
  const third = clamp01(v('third-country-cn-content'))
  const embedded = clamp01(v('embedded-share-ndfeb'))
  const gbdMax = clamp01(v('gbd-dy-tb-reduction'))
  const indirectChips = clamp01(v('cn-indirect-us-tech-share-chips'))
  for (let c = 0; c < n; c++) {
    crit[c] = clamp01(at(r.crit[c] as number))
    const a = clamp01(at(r.sigA[c] as number))
    const b = (r.sigB[c] as number) >= 0 ? clamp01(at(r.sigB[c] as number)) : 1
    // Magnets arriving inside China-made motors are not licensed as magnets (J.1 channel 3).
    sigmaDirect[c] = a * b * (r.embedded[c] ? 1 - embedded : 1)
    const ind = r.indirect[c]
    if (ind === 1) {
      compliantBase[c] = 1 - a
      phiLong[c] = longBySector[Math.floor(c / NK_) % NS_] as number
    }
    sigmaIndirect[c] = ind === 1 ? (1 - a) * third : ind === 2 ? a * indirectChips : 0
    const q = (r.months[c] as number) >= 0 ? Math.max(0, at(r.months[c] as number)) / 3 : 0
    bufLo[c] = q * (1 - disp)
    bufHi[c] = q * (1 + disp)
    phi4[c] = clamp01(at(r.phi[c] as number))
    gbd[c] = r.gbd[c] ? gbdMax : 0
  }
  const shockM1 = fillFrom(reuse?.shockM1, r.shock, (i) => (i < 0 ? 0 : Math.max(0, at(i) - 1)))
  const costWeight = zeros(reuse?.costWeight, n)
  for (let c = 0; c < n; c++) costWeight[c] = clamp01(at(r.costShare[c] as number))
  // The exporter's tariff cell: σ (cn-us-export-share) is already the share of its output the tariff reaches.
  for (let s = 0; s < NS_; s++) costWeight[cellAt(E_CN, s, K_TARIFFS_)] = 1
  const costGapScale = zeros(reuse?.costGapScale, n)
  for (let c = 0; c < n; c++) {
    const node = c % NK_ === K_CHIPS_ ? clamp01(at(r.sigA[c] as number)) : 1
    costGapScale[c] = node > 1e-9 ? 1 / node : 0
  }
  const costScale = zeros(reuse?.costScale, NE_ * NS_)
  for (let i = 0; i < NE_ * NS_; i++) costScale[i] = 1 / Math.max(0.005, at(r.margin[i] as number))
  const tau0 = Math.max(0, v('tariff-base'))
  const eps = Math.max(0, v('trade-elasticity'))
  const kappa = zeros(reuse?.kappa, plan.gates.length)
  const tariffRetained = zeros(reuse?.tariffRetained, plan.gates.length)
  for (let gi = 0; gi < plan.gates.length; gi++) {
    const g = plan.gates[gi] as Plan['gates'][number]
    kappa[gi] = clamp01((g.coverage < 0 ? 1 : (values[g.coverage] as number)) * g.kappaScale)
    // ΔX/X = ε·ln((1+τ0+Δτ)/(1+τ0)) (domain.md §J.3), capped at total loss.
    tariffRetained[gi] = g.kind === G_TARIFF_ ? 1 - clamp01(eps * Math.log((1 + tau0 + g.tariffRate) / (1 + tau0))) : 1
  }
  const stockTargetQ = fillFrom(reuse?.stockTargetQ, r.stockDays, (i) => Math.max(0, at(i)) / 91.3)
  return {
    crit, sigmaDirect, sigmaIndirect, bufLo, bufHi, phi4, gbd,
    perPart: r.perPart,
    lineMultiplier: Math.max(1, v('legacy-chips-line-multiplier')),
    gbdTau: Math.max(0.1, v('gbd-quarters')),
    phiLong,
    longTau: fillFrom(reuse?.longTau, SECTORS, (s) => Math.max(0.25, v(s === 'defense' ? 'defense-requal-quarters' : 'subst-long-quarters'))),
    shockM1, costWeight, costScale, costGapScale, kappa, tariffRetained,
    restock: fillFrom(reuse?.restock, RESTOCK_KEYS, (id) => Math.max(0, v(id))),
    passThrough: clamp01(v('tariff-pass-through')),
    exportTrend: v('cn-magnet-export-trend'),
    defenseShare: Math.min(0.99, Math.max(0.001, v('defense-share-allied-magnet-demand'))),
    compliantBase,
    dpasReach: clamp01(v('dpas-reach')),
    qual0: clamp01(v('defense-qualified-2024')),
    requalTau: Math.max(0.25, v('defense-requal-quarters')),
    compliantPremium: Math.max(0, v('ndpr-price-floor') / Math.max(1e-9, v('ndpr-price-china')) - 1),
    declared: clamp01(v('defense-declared-military-share')),
    hreGrade: clamp01(v('hre-grade-share-ndfeb')),
    metalBase: Math.max(0, v('metal-exchina-share')),
    feedEventDepth: clamp01(v(MYANMAR.share)) * clamp01(v(MYANMAR.cut)),
    feedEventFrom: yearToQuarterTime(v(MYANMAR.from)),
    feedEventUntil: yearToQuarterTime(v(MYANMAR.until)),
    reContent: Math.min(1, Math.max(0.05, v('re-content-ndfeb'))),
    usRestock: clamp01(v('us-restock-factor')),
    usBoundShare: clamp01(v('us-share-allied-demand')),
    capDemand: fillFrom(reuse?.capDemand, ALLIED_DEMAND_KEYS, (id) => Math.max(1e-9, v(id))),
    demandGrowth: Math.max(0, v('magnet-demand-growth')),
    onSchedule: clamp01(v('on-schedule-probability')),
    rampQuarters: Math.max(0.25, v('ramp-quarters')),
    lateDelay: Math.max(0, v('late-delay-quarters')),
    stockTargetQ,
    fillQuarters: Math.max(0.25, v('gov-fill-quarters'))
  }
}

/** Clamp to [0, 1]; NaN → 0. */
export const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)
