/**
 * The cost term of the kernel (docs/MODEL.md §3.5, "cost"): what a quarter's restrictions do to what a
 * sector pays, as opposed to what it cannot get. Kept apart from the availability kernel so the cost
 * weights, prices and tariff pass-through can change without touching the stock-flow equations.
 *
 *   cost = 100·X/(1 + X)
 *   X    = (1/margin_{e,s}) · [ Σ_k w_k·(m_k − 1)                       price shock on each input channel
 *                              + Σ_k w_k·premium·rule·(1 − σ)           covered defence purchases pay the compliant premium
 *                              + w_tariff·σ·Σ_g tariff_g·share ]         tariffs: importer pays pass-through, exporter the rest
 *   m_k − 1 = (shock_k − 1)·min(1, G_k/0.5)           shock_k: volume-weighted price multiple in an April-2025-style shock
 *   G_k = G_raw of the input's own flows: G_raw where w_k covers the whole channel; G_raw / node share on
 *         ≤14-nm chip cells, whose w_k covers only the affected-node chips (inputs.ts `costGapScale`)
 *
 * w_k is the input's share of the sector's cost of output (all origins), so the bracket is the rise in the
 * sector's unit cost; dividing by the operating margin makes X = 1 (index 50) "input price rises equal
 * the sector's whole margin". A price spike on an input worth 0.1 % of cost barely moves it; the same
 * spike on a 30 % input does.
 */

/** Gap that produced the April-2025 price multiples (≈ half of flows denied). */
export const SHOCK_GAP = 0.5

/** A tariff gate's contribution in one quarter: active share × additional rate × covered share. */
export const tariffGateTerm = (active: number, rate: number, kappa: number): number => active * rate * kappa

/**
 * Cost driver X of one (economy, sector, channel) cell in one quarter.
 * @param scale    1 / operating margin of the (economy, sector)
 * @param weight   the cell's cost share (share of the sector's cost of output spent on the input)
 * @param shockM1  the channel's shock price multiple minus 1
 * @param gapRaw   unmet share, before buffers and stocks, of the flows the cost share covers (G_k)
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
  if (tariffShare !== 0) x += scale * weight * tariffShare * tariffSum * passShare
  return x
}
