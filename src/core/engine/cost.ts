/**
 * The cost term of the kernel (docs/MODEL.md §3, "cost"): what a quarter's restrictions do to what a
 * sector pays, as opposed to what it cannot get. Kept apart from the availability kernel so the cost
 * weights, prices and tariff pass-through can change without touching the stock-flow equations.
 *
 *   cost = 100·X/(1 + X)
 *   X    = scale·Σ_k crit_k·(m_k − 1)                              price shock on each material channel
 *        + scale·crit_k·premium·rule·(1 − σ)                        covered defence purchases pay the compliant premium
 *        + scale·σ·Σ_g tariff_g·(pass-through | 1 − pass-through)    tariffs: importer pays pt, exporter absorbs 1 − pt
 *   m_k − 1 = (shock_k − 1)·min(1, G_raw/0.5)
 */

/** Gap that produced the April-2025 price multiples (≈ half of flows denied). */
export const SHOCK_GAP = 0.5

/** A tariff gate's contribution in one quarter: active share × additional rate × covered share. */
export const tariffGateTerm = (active: number, rate: number, kappa: number): number => active * rate * kappa

/**
 * Cost driver X of one (economy, sector, channel) cell in one quarter.
 * @param scale    sector cost scale (cost-scale-<sector>)
 * @param weight   the cell's cost weight
 * @param shockM1  the channel's shock price multiple minus 1
 * @param gapRaw   unmet share of the cell's flows before buffers and stocks (G_raw)
 * @param premium  compliant premium (MP floor / China NdPr price − 1)
 * @param rule     covered share of a sourcing rule on a defence material cell; 0 elsewhere
 * @param compliant share of the cell bought from compliant supply (1 − σ)
 * @param tariffShare  σ_direct on a tariff cell, 0 elsewhere
 * @param tariffSum    Σ over the cell's tariff gates of tariffGateTerm
 * @param passShare    share of the tariff borne by this side: pass-through for the importer, 1 − pass-through for the exporter
 */
export const cellCostX = (
  scale: number, weight: number, shockM1: number, gapRaw: number,
  premium: number, rule: number, compliant: number,
  tariffShare: number, tariffSum: number, passShare: number
): number => {
  const ratio = gapRaw >= SHOCK_GAP ? 1 : gapRaw / SHOCK_GAP
  let x = scale * weight * shockM1 * ratio
  if (rule > 0) x += scale * weight * premium * rule * compliant
  if (tariffShare !== 0) x += scale * tariffShare * tariffSum * passShare
  return x
}
