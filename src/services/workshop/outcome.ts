import { SECTORS, evaluateView, kpis, type Model, type ScenarioDoc } from '../../core'
import type { Outcome, Prediction, RoundKpi } from '../../shared/contract/workshop'

/**
 * What a round did and how well each team predicted it (docs/WORKSHOP-FORMAT.md §scoring):
 * - the sector that moved most is the one whose KPI changed most in absolute terms (ties: the first listed);
 *   naming it earns 1 point;
 * - the figure earns 2 points within the close band of the outcome, 1 within the near band, else 0.
 *   Index KPIs (0–100): close ≤ 2 points, near ≤ 5. Quarters above the threshold: close ≤ 1, near ≤ 2.
 */
export function bands(kpi: RoundKpi['kpi']): { close: number; near: number } {
  return kpi === 'quartersAbove' ? { close: 1, near: 2 } : { close: 2, near: 5 }
}

/** The KPI of every sector of the round's economy for one scenario. */
export function sectorKpis(model: Model, doc: ScenarioDoc, kpi: RoundKpi): Record<(typeof SECTORS)[number], number> {
  const result = evaluateView(model, doc)
  return Object.fromEntries(SECTORS.map((s) => [s, kpis(result.economies[kpi.economy][s], kpi.threshold)[kpi.kpi]])) as Record<(typeof SECTORS)[number], number>
}

/** Figure points for one prediction. */
export function figurePoints(kpi: RoundKpi['kpi'], predicted: number, actual: number): number {
  const err = Math.abs(predicted - actual)
  const b = bands(kpi)
  // A hair of tolerance: a figure typed from a rounded display must not lose a point to the 10th decimal.
  return err <= b.close + 1e-9 ? 2 : err <= b.near + 1e-9 ? 1 : 0
}

/** The outcome of a round from its documents, with points for each prediction. */
export function roundOutcome(model: Model, before: ScenarioDoc, after: ScenarioDoc, kpi: RoundKpi, predictions: readonly Prediction[]): Outcome {
  const a = sectorKpis(model, before, kpi)
  const b = sectorKpis(model, after, kpi)
  let mostMoved: (typeof SECTORS)[number] = SECTORS[0]
  for (const s of SECTORS) if (Math.abs(b[s] - a[s]) > Math.abs(b[mostMoved] - a[mostMoved]) + 1e-12) mostMoved = s
  const figure = b[kpi.sector]
  return {
    sectors: SECTORS.map((s) => ({ sector: s, before: a[s], after: b[s] })),
    mostMoved,
    figure,
    points: predictions.map((p) => ({ teamId: p.teamId, sector: p.sector === mostMoved ? 1 : 0, figure: figurePoints(kpi.kpi, p.figure, figure) }))
  }
}
