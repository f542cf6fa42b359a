import { attributeView, evaluateView, type Attribution, type Economy, type EvalResult, type Model, type ScenarioDoc, type Sector, type SimulationResult } from '../../core'
import type { ChartConfig } from '../../shared/contract/export'
import { measureLegend, measureSeries, type MeasureSeries } from '../../shared/measure-stack'
import { BAND_SAMPLES, bandCaption, bandLegendName, bandMeta, bandSimulation, bandViewNote } from '../../shared/bands'
import { uncertainty } from '../../shared/dataset'

/**
 * The few engine calls exports need, behind one seam: the base evaluation, the P10–P90 band (seeded Monte
 * Carlo, the scenario's seed) and the Shapley split by measure. Results are memoised per scenario document
 * for the life of one engine (one export), so a deck runs each analysis once however many slides use it.
 */
export type Engine = {
  evaluate(model: Model, doc: ScenarioDoc): EvalResult
  /** P10/P90 of the configured metric. */
  band(model: Model, doc: ScenarioDoc, config: Pick<ChartConfig, 'economy' | 'sector' | 'metric'>): { low: number[]; high: number[]; caption: string; legend: string; note: string } | null
  /** Exposure stacked by measure, as on screen (`measureSeries`): the largest measures, the others, the rest. */
  attribution(model: Model, doc: ScenarioDoc, economy: Economy, sector: Sector): MeasureSeries[] | null
  /** The Shapley split by measure of the branch view (core `attribute`), per economy and sector: what drives each figure. */
  split(model: Model, doc: ScenarioDoc): Attribution
  /** Version of the model stamped on exports: the measures catalogue version (the engine has none of its own). */
  version(model: Model): string
}

/** Exported bands use the app's sample count, so an export matches the screen. */
export { BAND_SAMPLES }

export function createEngine(): Engine {
  const results = new Map<string, EvalResult>()
  const simulations = new Map<string, SimulationResult>()
  const attributions = new Map<string, Attribution>()
  const memo = <T>(cache: Map<string, T>, doc: ScenarioDoc, compute: () => T): T => {
    const key = JSON.stringify(doc)
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const value = compute()
    cache.set(key, value)
    return value
  }
  return {
    // The scenario's branch view (one branch, or the probability-weighted mixture), as on screen.
    evaluate: (model, doc) => memo(results, doc, () => evaluateView(model, doc)),
    band: (model, doc, { economy, sector, metric }) => {
      // The screen's computation (shared): same seed, structure and branch view ⇒ the same band.
      const sim = memo(simulations, doc, () => bandSimulation(model, uncertainty, doc))
      const band = sim.economies[economy][sector][metric]
      const meta = bandMeta(sim, band.stretched.length)
      return { low: band.low, high: band.high, caption: bandCaption(meta), legend: bandLegendName(meta), note: bandViewNote(meta) }
    },
    attribution: (model, doc, economy, sector) => {
      // The split of the branch view, so the stack adds up to the total shown (as `evaluate`).
      const split = memo(attributions, doc, () => attributeView(model, doc))[economy][sector]
      return measureSeries(split, measureLegend(model.measures))
    },
    split: (model, doc) => memo(attributions, doc, () => attributeView(model, doc)),
    version: (model) => model.catalogueVersion
  }
}
