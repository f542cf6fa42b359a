import { SECTORS, SECTOR_LABELS, type Economy, type Model, type ScenarioDoc, type Sector, type UncertaintySpec, type VarianceBreakdown } from '../../core'
import { varianceBreakdowns } from '../../core/analysis/sobol'
import { sharePct, WORKSPACE_VARIANCE_SAMPLES } from '../../shared/variance'

/**
 * "What drives the band" for the deck: the variance breakdown (first-order and total Sobol indices over the
 * factor blocks of the uncertainty design, core `varianceBreakdown`) of each sector's peak exposure, and the
 * takeaway that titles its slide.
 *
 * The three sectors are read off the same engine runs (core `varianceBreakdowns`), and each equals
 * `varianceBreakdown` for its sector exactly (tested), so the slide says what the workspace and the CLI say
 * for the same samples and seed.
 */

/** Base sample size of the deck's breakdown: the workspace's, so the slide matches the screen. */
export const DECK_VARIANCE_SAMPLES = WORKSPACE_VARIANCE_SAMPLES

export type SectorVariance = { sector: Sector; breakdown: VarianceBreakdown }

/** The peak exposure breakdown of every sector of `economy`, from one set of engine runs (core `varianceBreakdowns`). */
export function sectorVariances(model: Model, doc: ScenarioDoc, economy: Economy, uncertainty: UncertaintySpec, samples = DECK_VARIANCE_SAMPLES): SectorVariance[] {
  return varianceBreakdowns(model, doc, { economy, sectors: SECTORS, kpi: 'peak', samples, uncertainty }).map((breakdown) => ({ sector: breakdown.sector, breakdown }))
}

/** Below this variance (index points²) a sector's peak does not vary: nothing to break down. */
export const FLAT_VARIANCE = 1e-9
/** A factor is a sector's lead when it explains at least this share alone; below it, no single factor leads. */
export const LEAD_SHARE = 0.1

/**
 * The slide's title in words: which factor explains most of each sector's spread, sectors sharing a lead
 * named together — "What drives the band: Beijing posture and policy for Electronics (45 %); Buffers and
 * stocks for Autos (28 %) and Defense (24 %)". A sector whose peak does not vary, or where no factor reaches
 * `LEAD_SHARE` alone, is said so. `brief` leaves the percentages out (for a title that must be shorter).
 */
export function varianceTakeaway(rows: readonly SectorVariance[], brief = false): string {
  const leads = new Map<string, string[]>()
  const flat: string[] = []
  const spread: string[] = []
  const ranked = [...rows].map((r) => ({ r, top: r.breakdown.factors[0] })).sort((a, b) => (b.top?.firstOrder ?? 0) - (a.top?.firstOrder ?? 0))
  for (const { r, top } of ranked) {
    const name = SECTOR_LABELS[r.sector]
    if (r.breakdown.variance <= FLAT_VARIANCE) flat.push(name)
    else if (!top || top.firstOrder < LEAD_SHARE) spread.push(name)
    else leads.set(top.label, [...(leads.get(top.label) ?? []), brief ? name : `${name} (${sharePct(top.firstOrder)})`])
  }
  const and = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`)
  const parts = [...leads].map(([label, sectors]) => `${label} for ${and(sectors)}`)
  if (spread.length > 0) parts.push(`no single factor for ${and(spread)}`)
  if (flat.length > 0) parts.push(`${and(flat)} ${flat.length === 1 ? 'does' : 'do'} not vary`)
  return `What drives the band: ${parts.join('; ')}`
}
