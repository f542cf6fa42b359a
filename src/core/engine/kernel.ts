import { MATERIAL_CHANNELS } from '../model/keys'
import { quarterTime, quarterYear } from '../time/quarters'
import { capacitySlot, computeCapacity, type CapacityShares } from './capacity'
import { cellCostX, tariffGateTerm } from './cost'
import { dyTbStock, feedLoss, metalStage, type StageWorkspace } from './stages'
import type { Inputs } from './inputs'
import { eventOverlap } from './outside-events'
import { GATE_SOURCING, GATE_TARIFF, N_E, N_K, N_S, PRE_ROLL, type Gate, type Plan } from './plan'
import type { QuarterProfile } from './profiles'
import { CHANNELS, type Channel } from './types'

// Module-local copies of plan.ts constants: loaders that compile ESM to CommonJS (tsx: the CLI and the
// benchmarks) turn every imported binding into a getter call, which dominated the hot loops.
const NE = N_E
const NS = N_S
const NK = N_K
const PRE = PRE_ROLL
const G_TARIFF = GATE_TARIFF
const G_SOURCING = GATE_SOURCING
const cell = (e: number, s: number, k: number): number => (e * NS + s) * NK + k
const cellCost = cellCostX
const tariffTerm1 = tariffGateTerm
const eventOverlap_ = eventOverlap

/**
 * The quarterly stock-flow kernel (docs/MODEL.md §3). For every (economy, sector, channel) cell:
 *
 *   pass_g,t = 1 − κ_g·(1 − cleared_g,t),  cleared = 1 − f_t + a₀·init_t + a·steady_t
 *              (f: active share; init/steady: licensed arrivals one lag later, under the initial or steady approval rate)
 *   G_t      = (1 − φ_t)·[σ_t·(1 − Π_direct pass) + σ'·(1 − Π_indirect pass)] − government release
 *   C_t      = max(0, C_{t−1} + G_t − ρ·R_t)         (cumulative deficit against firm stocks)
 *   R_t      = (1 − φ_t)·[σ_t·(pass − uncovered) + σ'·(pass' − uncovered') + (σ₀ − σ_t)]
 *              (what over-ordering can draw on: covered flows still approved, plus allied supply; not
 *               uncovered goods, which do not substitute — a permanent ban is never "bought around")
 *   u_t      = max(0, h(C_t) − h(C_{t−1}))           (h: expected overrun of firm cover ~ U[lo, hi])
 *   exposure = 100·(1 − Π_k (1 − crit_k·u_k))       byChannel_k ∝ crit_k·u_k, summing exactly to exposure
 *   cost     = 100·X/(1 + X), X per cell from cost.ts (price shock, compliant premium, tariffs)
 *
 * Everything is monotone non-decreasing in restriction (lower approvals, wider coverage, higher
 * tariffs) and non-increasing in buffers and allied capacity; property tests pin this.
 */
export type KernelOut = {
  /** crit·u per [e][s][k][t] over the horizon. */
  terms: Float64Array
  /** Cost driver X per [e][s][t]. */
  costX: Float64Array
  exportsGlobal: Float64Array
  exportsUs: Float64Array
  capacity: CapacityShares
}

/** Allocate output buffers sized for a plan (reuse across runs to avoid allocation). */
export const allocKernelOut = (plan: Plan): KernelOut => ({
  terms: new Float64Array(NE * NS * NK * plan.horizon),
  costX: new Float64Array(NE * NS * plan.horizon),
  exportsGlobal: new Float64Array(plan.horizon),
  exportsUs: new Float64Array(plan.horizon),
  capacity: {
    total: new Float64Array(3 * plan.slots), priority: new Float64Array(3 * plan.slots),
    metalNeed: new Float64Array(plan.slots), metal: new Float64Array(plan.slots)
  }
})

const IS_MATERIAL = CHANNELS.map((k) => (MATERIAL_CHANNELS as readonly Channel[]).includes(k))
const K_TARIFFS = CHANNELS.indexOf('tariffs')
const K_NDFEB = CHANNELS.indexOf('ndfeb')
const K_SMCO = CHANNELS.indexOf('smco')
const K_DYTB = CHANNELS.indexOf('dy_tb')
const K_LIGHT = CHANNELS.indexOf('light_ree')
const K_REE_FEED = CHANNELS.indexOf('ree_feed')
const E_CN = 1
const S_DEFENSE = 0
const S_AUTOS = 1
const E_US = 0
const E1 = 1 - Math.exp(-1)
/** Publication of the DFARS 2027 final rule (89 FR 46816): defence requalification clock starts. */
const RULE_PUBLISHED = quarterTime('2024-05-30')

/**
 * Share of a quarter's flow cleared through one gate: the uncontrolled part plus licensed arrivals
 * (applications approved at the initial or steady rate, arriving one licence lag later). Uncapped:
 * after a lift, lagged approvals can push it above 1 (catch-up).
 */
const cleared = (g: Gate, retained: number, sector: number, usBound: boolean, p: QuarterProfile, t: number, declared = 1): number => {
  const f = p.strength[t] as number
  if (g.kind === G_TARIFF) return 1 - f + retained * f
  let a0 = usBound ? g.aInitial * g.usInitialFactor : g.aInitial
  let a1 = g.aSteady
  if (sector === S_DEFENSE) {
    // Purchases declaring a military end use get the military rate; the rest buy through civil channels.
    a0 = declared * (a0 < g.aDefense ? a0 : g.aDefense) + (1 - declared) * a0
    a1 = declared * (a1 < g.aDefense ? a1 : g.aDefense) + (1 - declared) * a1
  }
  return usBound
    ? 1 - f + a0 * (p.initUs[t] as number) + a1 * (p.steadyUs[t] as number)
    : 1 - f + a0 * (p.init[t] as number) + a1 * (p.steady[t] as number)
}

/** Expected cumulative overrun of firm cover uniformly spread on [lo, hi] (convex, slope ≤ 1). */
const overrun = (c: number, lo: number, hi: number): number => {
  if (c <= lo) return 0
  if (c >= hi) return c - 0.5 * (lo + hi)
  const d = c - lo
  return (d * d) / (2 * (hi - lo))
}

/**
 * Run the kernel; `economyMask` bit e set ⇔ simulate economy e (others left at 0). `diagnostics` false
 * skips the magnet-export index (`exportsGlobal`/`exportsUs` keep stale values): Monte Carlo draws never read it.
 */
export const runKernel = (plan: Plan, inp: Inputs, profiles: readonly QuarterProfile[], out: KernelOut, economyMask = 3, diagnostics = true): void => {
  const Q = plan.slots
  const H = plan.horizon
  const gates = plan.gates
  if ((economyMask & 1) !== 0) computeCapacity(plan, inp, profiles, out.capacity)
  out.terms.fill(0)
  out.costX.fill(0)
  // Gates whose measure never acts in this run (off, or masked out) are skipped outright; for the
  // others, the pass factor per quarter is computed once (civil and defence variants), not per sector.
  const ws = gateWorkspace(plan)
  const { gateOn, isRule, passCivil, passDefense, uncovered, tariffTerm, ruleCover, qual } = ws
  // Defence qualification on compliant supply: q0 in May 2024, closing the rest with time constant τ.
  for (let t = 0; t < Q; t++) {
    const age = plan.q0 + t + 0.5 - RULE_PUBLISHED
    qual[t] = age <= 0 ? inp.qual0 : 1 - (1 - inp.qual0) * Math.exp(-age / inp.requalTau)
  }
  for (let gIdx = 0; gIdx < gates.length; gIdx++) {
    const g = gates[gIdx] as Gate
    const p = profiles[g.measure] as QuarterProfile
    const on = Number.isFinite(p.firstActive) && (economyMask & (1 << g.economy)) !== 0
    gateOn[gIdx] = on ? 1 : 0
    if (!on) continue
    const kappa = inp.kappa[gIdx] as number
    const ret = inp.tariffRetained[gIdx] as number
    // `us` = US & allies: the US-bound share of flows takes the US-specific approval path, EU/Japan
    // the global one (flows add, so cleared shares mix linearly). Defence is US-bound.
    const w = g.economy === E_US ? inp.usBoundShare : 0
    const hasCap = Number.isFinite(g.aDefense)
    for (let t = 0; t < Q; t++) {
      const o = gIdx * Q + t
      const f = p.strength[t] as number
      const clC = Math.min(1, w > 0 ? w * cleared(g, ret, S_AUTOS, true, p, t) + (1 - w) * cleared(g, ret, S_AUTOS, false, p, t) : cleared(g, ret, S_AUTOS, false, p, t))
      passCivil[o] = 1 - kappa * (1 - clC)
      passDefense[o] = hasCap || w > 0 ? 1 - kappa * (1 - Math.min(1, cleared(g, ret, S_DEFENSE, g.economy === E_US, p, t, inp.declared))) : (passCivil[o] as number)
      // Only the active share of a gate's coverage is "covered" this quarter.
      uncovered[o] = 1 - kappa * f
      tariffTerm[o] = g.kind === G_TARIFF ? tariffTerm1(f, g.tariffRate, kappa) : 0
      ruleCover[o] = kappa * f
    }
  }
  // Stage chain: ex-China magnet makers' feed. Dy/Tb (for high-coercivity NdFeB grades) and Sm metal
  // (for SmCo) come from China; what their licences deny this quarter is output ex-China plants lose.
  feedEvent(plan, inp, ws)
  const stock = plan.stockpile
  const stockProfile = stock === null ? null : (profiles[stock.measure] as QuarterProfile)
  feedLoss(plan, inp, ws, K_DYTB, inp.hreGrade, ws.feedNd)
  feedLoss(plan, inp, ws, K_SMCO, 1, ws.feedSm)
  // Oxide stocks (Dy/Tb) go to magnet makers' feed, not to sectors (docs/MODEL.md §3.4).
  dyTbStock(plan, inp, ws, stockProfile)
  // Metal/alloy stage: ex-China NdFeB output beyond ex-China NdPr metal runs on China metal.
  metalStage(plan, inp, ws, out.capacity, stockProfile)
  for (let e = 0; e < NE; e++) {
    if ((economyMask & (1 << e)) === 0) continue
    for (let s = 0; s < NS; s++) {
      const costScale = inp.costScale[e * NS + s] as number
      // The importer (US & allies) bears the passed-through share of its tariffs, the exporter the rest.
      const passShare = e === E_US ? inp.passThrough : 1 - inp.passThrough
      for (let k = 0; k < NK; k++) {
        const c = cell(e, s, k)
        const gd = plan.cellGatesDirect[c] as number[]
        const gi = plan.cellGatesIndirect[c] as number[]
        if (gd.length === 0 && gi.length === 0) continue
        const crit = inp.crit[c] as number
        const costW = inp.costWeight[c] as number
        // G_raw as a share of the cost-weighted input's own flows (≤14-nm chip cells: ÷ node share; inputs.ts).
        const costGap = inp.costGapScale[c] as number
        const isTariff = k === K_TARIFFS
        // Nothing to compute where neither exposure (crit) nor cost (cost share) reads the cell.
        if (crit === 0 && costW === 0 && !isTariff) continue
        // Stress starts when any measure on the cell first acts; substitution clocks run from there.
        let stressStart = Number.POSITIVE_INFINITY
        for (const g of gd) stressStart = Math.min(stressStart, (profiles[(gates[g] as Gate).measure] as QuarterProfile).firstActive)
        for (const g of gi) stressStart = Math.min(stressStart, (profiles[(gates[g] as Gate).measure] as QuarterProfile).firstActive)
        // China's own feed also loses what an outside event (Myanmar) takes, whatever the measures.
        const feedEvent = e === E_CN && k === K_REE_FEED && ws.eventOn === 1
        if (feedEvent && inp.feedEventFrom < stressStart) stressStart = inp.feedEventFrom
        if (stressStart === Number.POSITIVE_INFINITY) continue
        // exp(−age/τ) advanced by recurrence (age grows by exactly one quarter per slot).
        let decay4 = 1
        let decayG = 1
        const step4 = Math.exp(-1 / 4)
        const stepG = Math.exp(-1 / inp.gbdTau)
        const tauL = inp.longTau[s] as number
        const stepL = Math.exp(-1 / tauL)
        const phiL = inp.phiLong[c] as number
        let decayL = 1
        const sigD = inp.sigmaDirect[c] as number
        const sigI = inp.sigmaIndirect[c] as number
        let lo = inp.bufLo[c] as number
        let hi = inp.bufHi[c] as number
        // Per-part cover (legacy chips): a stop meets the cover of the parts it covers (share P = σ·κ of the
        // channel's need), not the channel's pooled stock; and a missing part idles `lineMultiplier` × its
        // value share of output (docs/MODEL.md §3.4).
        let uScale = 1
        if (inp.perPart[c] === 1) {
          let kMax = 0
          for (const g of gd) if (gateOn[g] === 1 && (inp.kappa[g] as number) > kMax) kMax = inp.kappa[g] as number
          const part = sigD * kMax
          if (part > 0) {
            lo *= part
            hi *= part
            uScale = inp.lineMultiplier
          }
        }
        const phi4 = inp.phi4[c] as number
        const gbd = inp.gbd[c] as number
        const capSlot = e === E_US ? capacitySlot(CHANNELS[k] as Channel) : -1
        const matCell = e === E_US && IS_MATERIAL[k] === true
        // Oxide forms (NdPr, Dy/Tb) were released above, into magnet makers' feed (through the metal stage).
        const useStock = stockProfile !== null && stock !== null && stock.cells[c] === 1 && k !== K_LIGHT && k !== K_DYTB
        const cs = inp.compliantBase[c] as number
        const d = inp.defenseShare
        const feed = k === K_NDFEB ? ws.feedNd : k === K_SMCO ? ws.feedSm : null
        let prestock = -1
        const shockM1 = inp.shockM1[k] as number
        const rho = inp.restock[e] as number
        let cum = 0
        let stockLevel = 0
        for (let t = 0; t < Q; t++) {
          let passD = 1
          let passLic = 1
          let rule = 0
          let uncovD = 1
          let tariffCost = 0
          const passArr = s === S_DEFENSE ? passDefense : passCivil
          for (let j = 0; j < gd.length; j++) {
            const gIdx = gd[j] as number
            if (gateOn[gIdx] === 0) continue
            const o = gIdx * Q + t
            const pg = passArr[o] as number
            passD *= pg
            if (isRule[gIdx] === 1) {
              if ((ruleCover[o] as number) > rule) rule = ruleCover[o] as number
            } else {
              passLic *= pg
              uncovD *= uncovered[o] as number
            }
            tariffCost += tariffTerm[o] as number
          }
          if (feedEvent) {
            // Flows an outside event takes are neither approved nor re-orderable.
            const ev = ws.eventPass[t] as number
            passD *= ev
            passLic *= ev
            uncovD *= ev
          }
          let passI = 1
          let uncovI = 1
          for (let j = 0; j < gi.length; j++) {
            const gIdx = gi[j] as number
            if (gateOn[gIdx] === 0) continue
            const o = gIdx * Q + t
            passI *= passArr[o] as number
            uncovI *= uncovered[o] as number
          }
          let sigma = sigD
          let loss = 0
          if (matCell) {
            // Compliant (ex-China) supply: allied output pro rata, DPAS priority for defence (docs/MODEL.md §3.3).
            const capT = capSlot >= 0 ? (out.capacity.total[capSlot * Q + t] as number) : 0
            const capP = capSlot >= 0 ? (out.capacity.priority[capSlot * Q + t] as number) : 0
            const sigPr = sigD > capT ? sigD - capT : 0
            // Existing ex-China magnet output loses what its China feed is denied; new projects bring their own
            // feed (Dy/Tb), but magnet makers without their own metal need NdPr metal (metal stage, §3.3).
            let metalShort = 0
            loss = feed === null ? 0 : cs * (feed[t] as number)
            if (k === K_NDFEB) {
              loss += ws.metalLoss[t] as number
              metalShort = (ws.metalShort[t] as number) - (ws.metalLoss[t] as number)
            }
            // Under a sourcing rule, magnets made from China metal are not compliant (DFARS 2027: not refined,
            // melted or produced in China), so DPAS reach excludes them for the covered share.
            let compliant = cs - loss + capT - rule * metalShort - capP
            if (compliant < 0) compliant = 0
            let reach = (inp.dpasReach * compliant + capP) / d
            if (reach > 1) reach = 1
            let sigDef = 1 - reach * (qual[t] as number)
            if (sigDef > sigPr) sigDef = sigPr
            if (sigDef < 0) sigDef = 0
            if (s === S_DEFENSE) sigma = sigDef
            else {
              sigma = sigPr + (d * (sigPr - sigDef)) / (1 - d)
              if (sigma > 1) sigma = 1
            }
          }
          const tq = plan.q0 + t + 1
          let phi = 0
          if (tq > stressStart) {
            if (decay4 === 1) {
              // First stressed slot: initialise the recurrences at the exact age.
              decay4 = Math.exp(-(tq - stressStart) / 4)
              decayG = Math.exp(-(tq - stressStart) / inp.gbdTau)
              decayL = Math.exp(-(tq - stressStart) / tauL)
            } else {
              decay4 *= step4
              decayG *= stepG
              decayL *= stepL
            }
            phi = (phi4 * (1 - decay4)) / E1
            // Long-run redesign and requalification: its own asymptote and speed (docs/MODEL.md §3.4).
            if (phiL > 0) {
              const l2 = phiL * (1 - decayL)
              if (l2 > phi) phi = l2
            }
            if (gbd > 0) {
              const g2 = gbd * (1 - decayG)
              if (g2 > phi) phi = g2
            }
            if (phi > 1) phi = 1
          }
          // Defence's compliant share already nets the feed loss out of its reach (DPAS); civil bears it.
          const gRaw = (1 - phi) * (sigma * (1 - passD) + sigI * (1 - passI) + (s === S_DEFENSE ? 0 : loss))
          let gap = gRaw
          if (rule > 0 && s === S_DEFENSE && matCell) {
            // DFARS: stocks of compliant material built since May 2024 meet the rule's unwaived gap first.
            if (prestock < 0) prestock = sourcingPrestock(plan) * rule * sigma
            let rel = (1 - phi) * sigma * (passLic - passD)
            if (rel > prestock) rel = prestock
            gap -= rel
            prestock -= rel
          }
          if (useStock && stockProfile !== null && stock !== null) {
            const st = stockProfile.strength[t] as number
            const target = (inp.stockTargetQ[s] as number) * stock.fill
            if (st > 0 && stockLevel < target) stockLevel = Math.min(target, stockLevel + (st * target) / inp.fillQuarters)
            let rel = stock.release * st
            if (rel > stockLevel) rel = stockLevel
            if (rel > gap) rel = gap
            gap -= rel
            stockLevel -= rel
          }
          let u: number
          if (hi > 0) {
            // A sourcing rule's covered share cannot be bought around (waived flows are not over-ordered).
            const restockable = (1 - phi) * (sigma * (passLic - uncovD) * (1 - rule) + sigI * (passI - uncovI) + (sigD > sigma ? sigD - sigma : 0))
            const next = Math.max(0, cum + gap - rho * restockable)
            u = next > cum ? uScale * (overrun(next, lo, hi) - overrun(cum, lo, hi)) : 0
            if (u > 1) u = 1
            cum = next
          } else u = gap
          if (t < PRE) continue
          const h = t - PRE
          // Tariffs move prices and sourcing, not availability: cost only, never unmet need.
          out.terms[c * H + h] = isTariff ? 0 : crit * u
          const eh = (e * NS + s) * H + h
          // Cost term (cost.ts): price shock, compliant premium on covered defence purchases, tariffs.
          const premiumRule = s === S_DEFENSE && matCell ? rule : 0
          const x = cellCost(costScale, costW, shockM1, gRaw * costGap, inp.compliantPremium, premiumRule, 1 - sigma, isTariff ? sigD : 0, tariffCost, passShare)
          out.costX[eh] = (out.costX[eh] as number) + x
        }
      }
    }
  }
  if (diagnostics) magnetExports(plan, inp, profiles, out)
}

/** Per-plan scratch buffers; the stage chain's part is `StageWorkspace` (stages.ts). */
type GateWorkspace = StageWorkspace & {
  /** Outside feed event (Myanmar): pass factor per slot, and whether it acts at all this run. */
  eventPass: Float64Array; eventOn: number
  passDefense: Float64Array; uncovered: Float64Array; tariffTerm: Float64Array; ruleCover: Float64Array; qual: Float64Array
}
const workspaces = new WeakMap<Plan, GateWorkspace>()
/** Per-plan scratch buffers (gates × slots), reused across runs of the same plan. */
const gateWorkspace = (plan: Plan): GateWorkspace => {
  let w = workspaces.get(plan)
  if (!w) {
    const n = plan.gates.length * plan.slots
    w = {
      gateOn: new Uint8Array(plan.gates.length), isRule: Uint8Array.from(plan.gates, (g) => (g.kind === G_SOURCING ? 1 : 0)),
      passCivil: new Float64Array(n), passDefense: new Float64Array(n), uncovered: new Float64Array(n), tariffTerm: new Float64Array(n),
      ruleCover: new Float64Array(n), qual: new Float64Array(plan.slots), feedNd: new Float64Array(plan.slots), feedSm: new Float64Array(plan.slots),
      metalShort: new Float64Array(plan.slots), metalLoss: new Float64Array(plan.slots),
      eventPass: new Float64Array(plan.slots), eventOn: 0
    }
    workspaces.set(plan, w)
  }
  return w
}

/**
 * Outside event on China's own feed (docs/MODEL.md §3.3): pass factor 1 − depth·(share of slot t inside
 * [from, until)), depth = Myanmar's share of China's RE-feed imports × the share of it cut.
 */
const feedEvent = (plan: Plan, inp: Inputs, ws: GateWorkspace): void => {
  const from = inp.feedEventFrom
  const until = inp.feedEventUntil
  ws.eventOn = inp.feedEventDepth > 0 && until > from ? 1 : 0
  for (let t = 0; t < plan.slots; t++) ws.eventPass[t] = 1 - inp.feedEventDepth * eventOverlap_(plan.q0 + t, from, until)
}

/** Compliant pre-stock of the sourcing rule in quarters of covered need (0 without a rule). */
const sourcingPrestock = (plan: Plan): number => (plan.sourcing === null ? 0 : plan.sourcing.prestockQuarters)

/** China magnet exports vs the same quarter of 2024 (trend-adjusted): global civil and US-bound. */
const magnetExports = (plan: Plan, inp: Inputs, profiles: readonly QuarterProfile[], out: KernelOut): void => {
  const gd = plan.cellGatesDirect[cell(E_US, S_AUTOS, K_NDFEB)] as number[]
  // US tariffs on Chinese goods also cut US-bound magnet purchases (April–May 2025).
  const gt = plan.cellGatesDirect[cell(E_US, S_AUTOS, K_TARIFFS)] as number[]
  const H = plan.horizon
  const refG = new Float64Array(H)
  const refU = new Float64Array(H)
  for (let h = 0; h < H; h++) {
    const t = h + PRE
    let pg = 1
    let pu = 1
    let sg = 1
    let su = 1
    for (const gIdx of gd) {
      const g = plan.gates[gIdx] as Gate
      const p = profiles[g.measure] as QuarterProfile
      const kappa = inp.kappa[gIdx] as number
      const ret = inp.tariffRetained[gIdx] as number
      pg *= 1 - kappa * (1 - cleared(g, ret, S_AUTOS, false, p, t))
      pu *= 1 - kappa * (1 - cleared(g, ret, S_AUTOS, true, p, t))
      const st = 1 - kappa * (1 - steadyCleared(g, ret, p, t))
      sg *= st
      su *= st
    }
    for (const gIdx of gt) {
      const g = plan.gates[gIdx] as Gate
      const p = profiles[g.measure] as QuarterProfile
      const ret = inp.tariffRetained[gIdx] as number
      const kappa = inp.kappa[gIdx] as number
      pu *= 1 - kappa * (1 - cleared(g, ret, S_AUTOS, true, p, t))
      su *= 1 - kappa * (1 - steadyCleared(g, ret, p, t))
    }
    const years = Math.max(0, quarterYear(plan.q0 + t) - 2024)
    const trend = Math.pow(1 + inp.exportTrend, years)
    out.exportsGlobal[h] = trend * pg
    out.exportsUs[h] = trend * pu
    refG[h] = sg
    refU[h] = su
  }
  restockOvershoot(out.exportsGlobal, refG, inp.restock[E_US] as number, plan, inp)
  restockOvershoot(out.exportsUs, refU, (inp.restock[E_US] as number) * inp.usRestock, plan, inp)
}

/** Cleared share of a quarter's flow once the regime is settled (steady approval, no lag): the new normal. */
const steadyCleared = (g: Gate, retained: number, p: QuarterProfile, t: number): number => {
  const f = p.strength[t] as number
  return 1 - f + (g.kind === G_TARIFF ? retained : g.aSteady) * f
}

/**
 * Buyers rebuild what a shortfall cost them: each quarter they order up to ρ × the quarter's flow on
 * top, until the cumulative shortfall is repaid (the 2025 Q3/Q4 overshoot). The shortfall is measured
 * against the settled regime (`ref`: steady approvals), not against no controls: a permanent licence
 * gap is the new normal, not a hole buyers refill. In place, on the trend-adjusted index.
 */
const restockOvershoot = (idx: Float64Array, ref: Float64Array, rho: number, plan: Plan, inp: Inputs): void => {
  let owed = 0
  for (let h = 0; h < idx.length; h++) {
    const years = Math.max(0, quarterYear(plan.q0 + PRE + h) - 2024)
    const trend = Math.pow(1 + inp.exportTrend, years)
    const flow = (idx[h] as number) / trend
    const r = ref[h] as number
    const shortfall = flow < r ? r - flow : 0
    let repay = rho * flow
    if (repay > owed) repay = owed
    owed += shortfall - repay
    idx[h] = trend * (flow + repay)
  }
}
