import { CAPACITY_CHANNELS, MATERIAL_CHANNELS, channelKey, cnShareKey, critKey, priceShockKey } from '../model/keys'
import type { Model } from '../model/load-model'
import { quarterTime } from '../time/quarters'
import { GATE_TARIFF, N_E, N_K, N_S, cellIndex, type Plan } from './plan'
import { CHANNELS, ECONOMIES, SECTORS, type Channel } from './types'

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
  gbdTau: number
  /** Price multiple − 1 in an April-2025-style shock, per channel. */
  shockM1: Float64Array
  costScale: Float64Array
  /** κ per gate, and per-gate retained-trade share for tariff gates. */
  kappa: Float64Array
  tariffRetained: Float64Array
  /** Restock headroom ρ per economy (share of quarterly need). */
  restock: Float64Array
  passThrough: number
  exportTrend: number
  defenseShare: number
  capDemand: Float64Array
  onSchedule: number
  rampQuarters: number
  lateDelay: number
  stockTargetQ: Float64Array
  fillQuarters: number
}

const MATERIAL = new Set<Channel>(MATERIAL_CHANNELS)

/** Quarter-time of each project's commissioning date (parsed once per model). */
const commissioningCache = new WeakMap<Model, Float64Array>()
export const projectCommissioning = (model: Model): Float64Array => {
  let c = commissioningCache.get(model)
  if (!c) {
    c = Float64Array.from(model.projects, (p) => quarterTime(p.commissioning))
    commissioningCache.set(model, c)
  }
  return c
}

/**
 * Assumption ids resolve to indices once per model (Monte Carlo rebuilds inputs per sample, so
 * string lookups would dominate). Missing optional ids (crit-*) map to −1 and read as 0.
 */
const keyIndexCache = new WeakMap<Model, Map<string, number>>()
const keyIndex = (model: Model): Map<string, number> => {
  let m = keyIndexCache.get(model)
  if (!m) {
    m = new Map(model.assumptionIndex)
    keyIndexCache.set(model, m)
  }
  return m
}

/** Build inputs from a plan and a value vector aligned with `model.assumptions`. */
export const buildInputs = (plan: Plan, values: Float64Array): Inputs => {
  const { model } = plan
  const idx = keyIndex(model)
  const v = (id: string): number => {
    const i = idx.get(id)
    return i === undefined ? 0 : (values[i] as number)
  }
  const n = N_E * N_S * N_K
  const crit = new Float64Array(n)
  const sigmaDirect = new Float64Array(n)
  const sigmaIndirect = new Float64Array(n)
  const bufLo = new Float64Array(n)
  const bufHi = new Float64Array(n)
  const phi4 = new Float64Array(n)
  const gbd = new Float64Array(n)
  const disp = clamp01(v('buffer-dispersion'))
  const third = clamp01(v('third-country-cn-content'))
  const embedded = clamp01(v('embedded-share-ndfeb'))
  ECONOMIES.forEach((e, ei) => SECTORS.forEach((s, si) => CHANNELS.forEach((k, ki) => {
    const c = cellIndex(ei, si, ki)
    crit[c] = clamp01(v(critKey(e, s, k)))
    let months = 0
    if (e === 'us') {
      if (MATERIAL.has(k)) {
        const share = clamp01(v(cnShareKey(k)))
        // Magnets arriving inside China-made motors are not licensed as magnets (J.1 channel 3).
        sigmaDirect[c] = k === 'ndfeb' ? share * (1 - embedded) : share
        sigmaIndirect[c] = (1 - share) * third
      } else if (k === 'chips') sigmaDirect[c] = clamp01(v(`node-share-${s}`))
      else if (k === 'tariffs') sigmaDirect[c] = clamp01(v(`us-cn-import-share-${s}`))
      if (k !== 'tariffs' && k !== 'software') months = v(`buffer-months-${s}`)
      phi4[c] = k === 'tariffs' ? v('tariff-diversion-4q') : v(`subst-4q-${s}`)
      if (k === 'dy_tb' && s !== 'defense') gbd[c] = clamp01(v('gbd-dy-tb-reduction'))
    } else {
      if (k === 'chips') {
        const node = clamp01(v(`node-share-${s}`))
        sigmaDirect[c] = node * clamp01(v('cn-direct-us-share-chips'))
        sigmaIndirect[c] = node * clamp01(v('cn-indirect-us-tech-share-chips'))
        months = v('cn-buffer-months-chips')
        phi4[c] = v('cn-subst-4q-chips')
      } else if (k === 'software') {
        sigmaDirect[c] = clamp01(v('cn-eda-us-share'))
        months = v('cn-buffer-months-software')
        phi4[c] = v('cn-subst-4q-software')
      } else if (k === 'tariffs') {
        sigmaDirect[c] = clamp01(v(`cn-us-export-share-${s}`))
        phi4[c] = v('tariff-diversion-4q')
      }
    }
    const q = Math.max(0, months) / 3
    bufLo[c] = q * (1 - disp)
    bufHi[c] = q * (1 + disp)
    phi4[c] = clamp01(phi4[c] as number)
  })))
  const shockM1 = Float64Array.from(CHANNELS, (k) => (k === 'tariffs' ? 0 : Math.max(0, v(priceShockKey(k)) - 1)))
  const costScale = new Float64Array(N_E * N_S)
  for (let e = 0; e < N_E; e++) SECTORS.forEach((s, si) => { costScale[e * N_S + si] = Math.max(0, v(`cost-scale-${s}`)) })
  const tau0 = Math.max(0, v('tariff-base'))
  const eps = Math.max(0, v('trade-elasticity'))
  const kappa = new Float64Array(plan.gates.length)
  const tariffRetained = new Float64Array(plan.gates.length)
  plan.gates.forEach((g, gi) => {
    kappa[gi] = clamp01((g.coverage < 0 ? 1 : (values[g.coverage] as number)) * g.kappaScale)
    // ΔX/X = ε·ln((1+τ0+Δτ)/(1+τ0)) (domain.md §J.3), capped at total loss.
    tariffRetained[gi] = g.kind === GATE_TARIFF ? 1 - clamp01(eps * Math.log((1 + tau0 + g.tariffRate) / (1 + tau0))) : 1
  })
  const stockTargetQ = new Float64Array(N_S)
  SECTORS.forEach((s, si) => { stockTargetQ[si] = Math.max(0, s === 'defense' ? v('nds-cover-days') : v('vault-target-days')) / 91.3 })
  return {
    crit, sigmaDirect, sigmaIndirect, bufLo, bufHi, phi4, gbd,
    gbdTau: Math.max(0.1, v('gbd-quarters')),
    shockM1, costScale, kappa, tariffRetained,
    restock: Float64Array.of(Math.max(0, v('restock-headroom')), Math.max(0, v('cn-restock-headroom'))),
    passThrough: clamp01(v('tariff-pass-through')),
    exportTrend: v('cn-magnet-export-trend'),
    defenseShare: Math.min(0.99, Math.max(0.001, v('defense-share-allied-magnet-demand'))),
    capDemand: Float64Array.from(CAPACITY_CHANNELS, (k) => Math.max(1e-9, v(`allied-demand-${channelKey(k)}`))),
    onSchedule: clamp01(v('on-schedule-probability')),
    rampQuarters: Math.max(0.25, v('ramp-quarters')),
    lateDelay: Math.max(0, v('late-delay-quarters')),
    stockTargetQ,
    fillQuarters: Math.max(0.25, v('gov-fill-quarters'))
  }
}

/** Clamp to [0, 1]; NaN → 0. */
export const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0)
