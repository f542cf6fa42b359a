import { ECONOMIES, SECTORS, SECTOR_LABELS, type Economy, type Model, type ScenarioDoc, type Sector, type UncertaintySpec, type VarianceBreakdown } from '../../core'
import { N_S } from '../../core/engine/plan'
import { sobolIndices } from '../../core/analysis/sobol'
import { drawRunner } from '../../core/analysis/uncertainty'
import { sharePct, WORKSPACE_VARIANCE_SAMPLES } from '../../shared/variance'

/**
 * "What drives the band" for the deck: the variance breakdown (first-order and total Sobol indices over the
 * factor blocks of the uncertainty design, core `varianceBreakdown`) of each sector's peak exposure, and the
 * takeaway that titles its slide.
 *
 * The three sectors are read off the same engine runs: one draw computes every sector, so the deck pays for
 * one breakdown, not three. The estimator is core's `sobolIndices`, called once per sector with the same
 * seed; the first call records each run's three peaks, the others replay them in the order the estimator
 * asks (it is deterministic for a seed), each vector checked against the one recorded. The result equals
 * `varianceBreakdown` per sector exactly (tested), so the slide says what the workspace and the CLI say for
 * the same samples and seed.
 */

/** Base sample size of the deck's breakdown: the workspace's, so the slide matches the screen. */
export const DECK_VARIANCE_SAMPLES = WORKSPACE_VARIANCE_SAMPLES

export type SectorVariance = { sector: Sector; breakdown: VarianceBreakdown }

/** A cheap fingerprint of a normal vector, to check a replay is in step with the recording. */
const fingerprint = (v: Float64Array): number => {
  let h = 0
  for (let i = 0; i < v.length; i += 7) h = h * 31 + (v[i] as number)
  return h
}

/** The peak exposure breakdown of every sector of `economy`, from one set of engine runs. */
export function sectorVariances(model: Model, doc: ScenarioDoc, economy: Economy, uncertainty: UncertaintySpec, samples = DECK_VARIANCE_SAMPLES): SectorVariance[] {
  const N = Math.max(8, Math.floor(samples))
  const runner = drawRunner(model, doc, { uncertainty })
  const { design } = runner
  const view = doc.branchView
  const forced = view === 'mixture' ? undefined : design.branches.findIndex((b) => b.id === view)
  if (forced !== undefined && forced < 0) throw new Error(`unknown branch "${view}" (this scenario has: ${design.branches.map((b) => b.id).join(', ')}, or mixture)`)
  const H = runner.horizon
  const offsets = SECTORS.map((s) => (ECONOMIES.indexOf(economy) * N_S + SECTORS.indexOf(s)) * H)
  const peaks: Float64Array[] = []
  const prints: number[] = []
  const record = (normals: Float64Array): number => {
    const r = runner.run(normals, forced)
    const p = new Float64Array(SECTORS.length)
    offsets.forEach((off, k) => {
      let peak = 0
      for (let h = 0; h < H; h++) peak = Math.max(peak, r.exposure[off + h] as number)
      p[k] = peak
    })
    peaks.push(p)
    prints.push(fingerprint(normals))
    return p[0] as number
  }
  const replay = (k: number) => {
    let i = 0
    return (normals: Float64Array): number => {
      if (prints[i] !== fingerprint(normals)) throw new Error('variance breakdown: the estimator asked for runs in another order than recorded')
      return (peaks[i++] as Float64Array)[k] as number
    }
  }
  return SECTORS.map((sector, k) => {
    const { mean, variance, factors } = sobolIndices(k === 0 ? record : replay(k), design.blocks, design.dim, N, doc.seed)
    factors.sort((a, b) => b.firstOrder - a.firstOrder || a.id.localeCompare(b.id))
    const breakdown: VarianceBreakdown = {
      economy,
      sector,
      kpi: 'peak',
      quarter: null,
      view: forced === undefined ? 'mixture' : view,
      branches: design.branches.length,
      mean,
      variance,
      samples: N,
      evaluations: N * (design.blocks.length + 2),
      factors,
      interactions: 1 - factors.reduce((a, f) => a + f.firstOrder, 0)
    }
    return { sector, breakdown }
  })
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
