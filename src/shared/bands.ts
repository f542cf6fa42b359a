import { simulate, type SimulationResult } from '../core/analysis/uncertainty'
import type { Model, ScenarioDoc, UncertaintySpec } from '../core'

/**
 * Monte Carlo samples behind every P10–P90 band, in the app and in exports alike, so an exported chart
 * shows exactly the band on screen (same seed, same draws). ≈ 0.1–1 ms a sample depending on load: 200
 * keep the interactive band within the 500 ms the workspace promises; P10/P90 from 200 draws move by well
 * under a point against 1,000.
 */
export const BAND_SAMPLES = 200

/**
 * The one band computation behind the screen, the exports and `chokepoint run --samples 200`: the full
 * uncertainty structure (correlated groups, posture-driven policy, branches), the scenario's seed and
 * branch view. Same document ⇒ the same bands, byte for byte, everywhere.
 */
export const bandSimulation = (model: Model, uncertainty: UncertaintySpec, doc: ScenarioDoc, samples = BAND_SAMPLES): SimulationResult =>
  simulate(model, doc, { samples, uncertainty })

/** What the legend needs to say about a band. */
export type BandMeta = {
  samples: number
  /** 'mixture' or the branch id. */
  view: string
  /** The branch's label (null for the mixture or a scenario without branches). */
  branchLabel: string | null
  /** Number of branches (1 when the scenario declares none). */
  branches: number
  /** Quarters where the point estimate fell outside P10–P90 and the band was widened to it. */
  stretched: number
}

/** Legend metadata of a simulation for one economy × sector (exposure). */
export const bandMeta = (sim: SimulationResult, stretched: number): BandMeta => {
  const label = sim.view === 'mixture' ? null : (sim.branches.find((b) => b.id === sim.view)?.label ?? sim.view)
  return { samples: sim.samples, view: sim.view, branchLabel: label, branches: sim.branches.length, stretched }
}

/**
 * The band's legend, the same words on screen and in exports:
 * "P10–P90 of the index over 200 samples (mixture of 3 branches)" / "(branch Lapsed)", plus a note when
 * the band was widened to hold the point estimate.
 */
export const bandCaption = (m: BandMeta): string => {
  const what = m.branches <= 1 ? '' : m.view === 'mixture' ? ` (mixture of ${m.branches} branches)` : ` (branch ${m.branchLabel ?? m.view})`
  const widened = m.stretched > 0 ? `; widened to the point estimate in ${m.stretched} quarter${m.stretched === 1 ? '' : 's'}` : ''
  return `P10–P90 of the index over ${m.samples} samples${what}${widened}`
}

/** The band's short legend name where space is tight (chart legends in exports): "P10–P90, 200 samples". */
export const bandLegendName = (m: BandMeta): string => `P10–P90, ${m.samples} samples`

/** Which future the band describes, for a subtitle: '' without branches, else "mixture of 3 branches" / "branch Lapsed". */
export const bandViewNote = (m: BandMeta): string =>
  m.branches <= 1 ? '' : m.view === 'mixture' ? `mixture of ${m.branches} branches` : `branch ${m.branchLabel ?? m.view}`

/** How the P50 and the point estimate differ, for legends and slide notes. */
export const BAND_EXPLAINER =
  'P50: median of the samples. Point estimate (the stack’s total): the scenario at its own values' +
  ' (for a mixture, the probability-weighted mean of the branches). Pinned inputs — assumption overrides and' +
  ' measure parameters set outside their sampling range — are not sampled.'
