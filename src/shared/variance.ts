import type { VarianceBreakdown } from '../core'

/**
 * Words and figures of the variance breakdown ("what drives the band"), shared by the workspace view and
 * the deck (the decks helper builds its slide from `varianceBreakdown` in core plus these rows), so a
 * slide says exactly what the screen says.
 */
export const VARIANCE_TITLE = 'What drives the band'

/**
 * Base sample size of the breakdown the workspace shows and the deck prints (N·(factors + 2) engine runs):
 * one figure for both so a slide matches the screen. 192 costs what 96 did before the draw runner stopped
 * compiling a scenario per draw, with intervals √2 narrower (the CLI's default is core's VARIANCE_SAMPLES, 256).
 */
export const WORKSPACE_VARIANCE_SAMPLES = 192

/** A share as a whole per cent ("46 %"). */
export const sharePct = (x: number): string => `${Math.round(100 * x)} %`

/** One row per factor, largest first-order share first. */
export type VarianceRow = { id: string; label: string; alone: string; interval: string; total: string; totalInterval: string }

/** Rows of a breakdown: the share alone (first-order) and with interactions (total), each with its bootstrap 90 % interval. */
export const varianceRows = (b: VarianceBreakdown): VarianceRow[] =>
  b.factors.map((f) => ({
    id: f.id, label: f.label, alone: sharePct(f.firstOrder), interval: `${sharePct(f.firstOrderLow)}–${sharePct(f.firstOrderHigh)}`,
    total: sharePct(f.total), totalInterval: `${sharePct(f.totalLow)}–${sharePct(f.totalHigh)}`
  }))

/** The sentence under the title: what was explained and how it was estimated. */
export const varianceNote = (b: VarianceBreakdown): string => {
  const view = b.branches <= 1 ? '' : b.view === 'mixture' ? `, mixture of ${b.branches} branches` : `, branch ${b.view}`
  return `Share of the variance over ${b.samples} × (${b.factors.length} + 2) engine runs${view}; mean ${b.mean.toFixed(1)}, SD ${Math.sqrt(b.variance).toFixed(1)} index points. ` +
    `Interactions: ${sharePct(Math.max(0, b.interactions))}.`
}
