import type { CapacityShares } from './capacity'
import type { Inputs } from './inputs'
import { N_K, N_S, type Plan } from './plan'
import type { QuarterProfile } from './profiles'
import { CHANNELS } from './types'

// Module-local copies of plan.ts constants (a CommonJS-compiled import is a getter call per use).
const NS = N_S
const NK = N_K
const cell = (e: number, s: number, k: number): number => (e * NS + s) * NK + k
const E_US = 0
const S_AUTOS = 1
const K_NDFEB = CHANNELS.indexOf('ndfeb')
const K_SMCO = CHANNELS.indexOf('smco')
const K_LIGHT = CHANNELS.indexOf('light_ree')
const K_DYTB = CHANNELS.indexOf('dy_tb')

/**
 * The stage chain ahead of the sectors (docs/MODEL.md §3.3): what ex-China magnet makers lose for want
 * of China feed (Dy/Tb, Sm) and of NdPr metal, and how oxide stocks reach them. Per slot, in place, in
 * the kernel's per-plan scratch buffers.
 */
export type StageWorkspace = {
  gateOn: Uint8Array
  isRule: Uint8Array
  passCivil: Float64Array
  /** Share of existing ex-China NdFeB / SmCo output lost for want of China Dy/Tb / Sm feed. */
  feedNd: Float64Array
  feedSm: Float64Array
  /** Ex-China NdFeB output running on China metal, and the part of it China's light-REE gates deny (shares of allied need). */
  metalShort: Float64Array
  metalLoss: Float64Array
}

/** Civil pass of the licence gates (not sourcing rules) on a US channel's direct pool, slot t. */
const civilPass = (plan: Plan, ws: StageWorkspace, channel: number, t: number): number => {
  const gd = plan.cellGatesDirect[cell(E_US, S_AUTOS, channel)] as number[]
  const Q = plan.slots
  let pass = 1
  for (let j = 0; j < gd.length; j++) {
    const gIdx = gd[j] as number
    if (ws.gateOn[gIdx] === 1 && ws.isRule[gIdx] === 0) pass *= ws.passCivil[gIdx * Q + t] as number
  }
  return pass
}

/**
 * Share of ex-China output of a magnet channel lost for want of China feed, per slot: `grade` × the
 * China share of the feed × its denied share (civil licence path, direct gates of the feed channel).
 */
export const feedLoss = (plan: Plan, inp: Inputs, ws: StageWorkspace, feedChannel: number, grade: number, out: Float64Array): void => {
  const sig = feedChannel === K_SMCO ? 1 : (inp.sigmaDirect[cell(E_US, S_AUTOS, feedChannel)] as number)
  for (let t = 0; t < plan.slots; t++) out[t] = grade * sig * (1 - civilPass(plan, ws, feedChannel, t))
}

/**
 * A government oxide stock feeding magnet makers: filled to `fill` × target quarters of `need` over
 * `gov-fill-quarters` while the stockpile measure is active, released at up to `release` × need per
 * quarter against `denied`. Returns the relief; `level` carries the stock between slots.
 */
const drawStock = (inp: Inputs, plan: Plan, st: number, need: number, denied: number, level: { v: number }): number => {
  const stock = plan.stockpile
  if (stock === null || st <= 0 || need <= 0) return 0
  // Civil target (Project Vault days): the feed serves every sector's magnets.
  const target = (inp.stockTargetQ[S_AUTOS] as number) * stock.fill * need
  if (level.v < target) level.v = Math.min(target, level.v + (st * target) / inp.fillQuarters)
  let rel = stock.release * st * need
  if (rel > level.v) rel = level.v
  if (rel > denied) rel = denied
  level.v -= rel
  return rel
}

/** True when the stockpile measure holds the oxide of `channel` for any US sector. */
const holdsOxide = (plan: Plan, channel: number): boolean => {
  const stock = plan.stockpile
  if (stock === null) return false
  for (let s = 0; s < NS; s++) if (stock.cells[cell(E_US, s, channel)] === 1) return true
  return false
}

/**
 * Dy/Tb oxide stocks relieve ex-China magnet makers' Dy/Tb shortfall (`feedNd`), not sectors directly:
 * oxide fills a magnet gap only through magnet makers (review row 11). Need = the China-fed Dy/Tb share
 * of their output, hre-grade × σ_Dy/Tb.
 */
export const dyTbStock = (plan: Plan, inp: Inputs, ws: StageWorkspace, profile: QuarterProfile | null): void => {
  if (profile === null || !holdsOxide(plan, K_DYTB)) return
  const need = inp.hreGrade * (inp.sigmaDirect[cell(E_US, S_AUTOS, K_DYTB)] as number)
  const level = { v: 0 }
  for (let t = 0; t < plan.slots; t++) {
    const rel = drawStock(inp, plan, profile.strength[t] as number, need, ws.feedNd[t] as number, level)
    ws.feedNd[t] = (ws.feedNd[t] as number) - rel
  }
}

/**
 * The metal/alloy stage (docs/MODEL.md §3.3), per slot, in shares of allied magnet need. Ex-China magnet
 * makers that buy NdPr metal (existing output cs plus new plants without their own metal) need X; ex-China
 * metal makers supply M (2024 base plus metal/alloy projects), less what China's light-REE gates deny of
 * their China-sourced oxide, plus NdPr oxide stocks they can reduce instead. Output beyond that runs on
 * China metal (`metalShort`) and loses what the same gates deny (`metalLoss`). With no Chinese control on
 * light REEs nothing is lost, but the China-metal part is still not compliant under a sourcing rule.
 */
export const metalStage = (plan: Plan, inp: Inputs, ws: StageWorkspace, cap: CapacityShares, profile: QuarterProfile | null): void => {
  const cs = inp.compliantBase[cell(E_US, S_AUTOS, K_NDFEB)] as number
  const sigL = inp.sigmaDirect[cell(E_US, S_AUTOS, K_LIGHT)] as number
  const useStock = profile !== null && holdsOxide(plan, K_LIGHT)
  const level = { v: 0 }
  for (let t = 0; t < plan.slots; t++) {
    const passL = civilPass(plan, ws, K_LIGHT, t)
    const need = cs + (cap.metalNeed[t] as number)
    const metal = inp.metalBase + (cap.metal[t] as number)
    const denied = metal * sigL * (1 - passL)
    // NdPr oxide stocks stand in for the China oxide metal makers are denied (no extra metal capacity needed),
    // and only as far as magnet makers are short of metal.
    const gap = need - (metal - denied)
    const useful = gap <= 0 ? 0 : gap < denied ? gap : denied
    const relief = useStock ? drawStock(inp, plan, (profile as QuarterProfile).strength[t] as number, metal * sigL, useful, level) : 0
    const supply = metal - denied + relief
    const short = need > supply ? need - supply : 0
    ws.metalShort[t] = short
    ws.metalLoss[t] = short * (1 - passL)
  }
}
