import { SECTOR_LABELS, type VarianceFactor } from '../../core'
import { SCENARIO_COLORS } from '../../shared/palette'
import { VARIANCE_TITLE, varianceNote, varianceRows } from '../../shared/variance'
import { niceCeiling } from '../../shared/axis'
import { addBarChart, addContentSlide, addFittedText, CONTENT_BOTTOM, CONTENT_TOP, DECK_COLORS, DECK_FONT, MIN_PT, SLIDE, titleFit, type Deck } from './deck-blocks'
import { isolateBidi } from './safe-text'
import { fitText } from './text-fit'
import { FLAT_VARIANCE, type SectorVariance } from './variance'

/**
 * The deck's "What drives the band" slide: for each sector's peak exposure, the share of its variance each
 * factor of the uncertainty design explains alone (first-order Sobol index), as bars grouped by factor with
 * a bar per sector; beside them each sector's leading factors with their bootstrap 90 % intervals and total
 * indices (the workspace's wording, `shared/variance.ts`); the sample count and seed in a footnote; every
 * factor's figures in the speaker notes.
 */

export type VarianceContent = {
  rows: SectorVariance[]
  /** The slide's title: which factor leads for which sector (with each lead's share). */
  takeaway: string
  /** The same without the shares, for when the full one does not fit the title. */
  brief: string
  /** The scenario it describes (the first one of a comparison). */
  scenario: string
  economyLabel: string
  seed: number
}

/** A whole per cent with a true minus sign (an estimate can dip below 0 by sampling noise). */
const wholePct = (x: number) => {
  const n = Math.round(100 * x)
  return n < 0 ? `\u2212${-n}` : String(n)
}

/** A factor's bootstrap 90 % interval of its first-order (or total) index, compact: "7–50 %", "−1–17 %". */
export const interval = (f: VarianceFactor | undefined, index: 'first' | 'total' = 'first') =>
  !f ? '' : index === 'first' ? `${wholePct(f.firstOrderLow)}–${wholePct(f.firstOrderHigh)}\u00a0%` : `${wholePct(f.totalLow)}–${wholePct(f.totalHigh)}\u00a0%`

/** "45 %" never breaks before its sign: a no-break space between the figure and "%". */
export const keepPercent = (s: string) => s.replace(/(\d) %/g, '$1\u00a0%')

/** A factor is drawn when some sector gets at least this share from it, alone or with interactions. */
const DRAWN_SHARE = 0.02
/** At most this many factors as bars (the rest are named in the notes). */
const MAX_BARS = 8

/** The factors drawn, most explaining first: by their largest first-order share over the sectors. */
export function drawnFactors(rows: readonly SectorVariance[]): { id: string; label: string }[] {
  const best = new Map<string, { label: string; first: number; total: number }>()
  for (const { breakdown } of rows) {
    if (breakdown.variance <= FLAT_VARIANCE) continue
    for (const f of breakdown.factors) {
      const b = best.get(f.id) ?? { label: f.label, first: -Infinity, total: -Infinity }
      best.set(f.id, { label: f.label, first: Math.max(b.first, f.firstOrder), total: Math.max(b.total, f.total) })
    }
  }
  return [...best]
    .filter(([, b]) => b.first >= DRAWN_SHARE || b.total >= DRAWN_SHARE)
    .sort((a, b) => b[1].first - a[1].first || a[0].localeCompare(b[0]))
    .slice(0, MAX_BARS)
    .map(([id, b]) => ({ id, label: b.label }))
}

/** A bar's value: the first-order share in per cent, drawn from 0 (an estimate below 0 is sampling noise). */
const barValue = (x: number) => Math.max(0, 100 * x)

export function varianceSlide(deck: Deck, v: VarianceContent) {
  // The full takeaway when it fits the title at its smallest size, else the one without shares (never cut).
  const title = [v.takeaway, v.brief].map(keepPercent).find((t) => !titleFit(t).cut) ?? keepPercent(v.brief)
  const slide = addContentSlide(deck, title, `${isolateBidi(v.scenario)} · peak exposure by sector, ${v.economyLabel}: share of its spread each factor explains alone`)
  const factors = drawnFactors(v.rows)
  const first = v.rows[0]?.breakdown
  const footnote = first
    ? keepPercent(`Bars: first-order Sobol index of each sector’s peak exposure (below 0: sampling noise, drawn at 0). ${first.samples} samples × (${first.factors.length} + 2) = ${first.evaluations.toLocaleString('en-US')} engine runs shared by the sectors, seed ${v.seed}${first.branches > 1 ? `, ${first.view === 'mixture' ? `mixture of ${first.branches} branches` : `branch ${first.view}`}` : ''}; brackets: bootstrap 90 % intervals of each index.`)
    : ''
  const footTop = CONTENT_BOTTOM - 0.7
  if (factors.length > 0) {
    // Written last sector first: a horizontal bar chart stacks a group's series bottom-up, so the first
    // sector's bar is then on top of each group, as in the legend and the panel.
    const series = v.rows.map((r, i) => ({
      name: SECTOR_LABELS[r.sector],
      color: SCENARIO_COLORS[i % SCENARIO_COLORS.length],
      values: factors.map((f) => {
        if (r.breakdown.variance <= FLAT_VARIANCE) return 0
        return barValue(r.breakdown.factors.find((x) => x.id === f.id)?.firstOrder ?? 0)
      })
    })).reverse()
    const top = Math.max(10, ...series.flatMap((s) => s.values))
    addBarChart(deck, slide, { categories: factors.map((f) => f.label), series, valueTitle: 'Share of the variance, alone (%)', max: Math.min(100, niceCeiling(top)), altText: `${VARIANCE_TITLE}: share of each sector’s peak-exposure variance each factor explains alone` }, { x: 0.3, y: CONTENT_TOP, w: 8.3, h: footTop - CONTENT_TOP - 0.05 })
  } else {
    addFittedText(slide, 'No sector’s peak exposure varies over the samples: there is no band to explain.', { x: 0.5, y: CONTENT_TOP, w: 8, h: 1 }, { maxPt: 20 })
  }
  addSectorPanel(slide, v.rows, { x: 8.75, y: CONTENT_TOP, w: SLIDE.W - 8.75 - 0.4, h: footTop - CONTENT_TOP - 0.05 })
  if (footnote) addFittedText(slide, footnote, { x: 0.5, y: footTop, w: SLIDE.W - 1, h: 0.7 }, { maxPt: MIN_PT, color: DECK_COLORS.muted })
  slide.addNotes(varianceNotes(v))
}

/** Each sector's mean and spread and its two leading factors, with interval and total, in one fitted box. */
function addSectorPanel(slide: ReturnType<typeof addContentSlide>, rows: readonly SectorVariance[], box: { x: number; y: number; w: number; h: number }) {
  const runs: { text: string; options: Record<string, unknown> }[] = []
  for (const { sector, breakdown: b } of rows) {
    const sd = Math.sqrt(b.variance)
    runs.push({ text: `${SECTOR_LABELS[sector]}: peak ${b.mean.toFixed(1)} ± ${sd.toFixed(1)} (mean ± SD)`, options: { bold: true, breakLine: true } })
    if (b.variance <= FLAT_VARIANCE) {
      runs.push({ text: 'does not vary over the samples', options: { breakLine: true, paraSpaceAfter: 8 } })
      continue
    }
    const shown = varianceRows(b).slice(0, 2)
    shown.forEach((r, i) => runs.push({ text: keepPercent(`${r.label}: ${r.alone} alone (${interval(b.factors[i])}); ${r.total} total (${interval(b.factors[i], 'total')})`), options: { breakLine: true, paraSpaceAfter: i === shown.length - 1 ? 8 : 0 } }))
  }
  // One size for the whole panel: the largest at which all of it fits (measured, never the viewer's autofit).
  const size = fitText(runs.map((r) => r.text).join('\n'), box.w * 72 - 14.4, box.h * 72 - 7.2 - rows.length * 8, 18, MIN_PT)
  slide.addText(runs, { ...box, fontFace: DECK_FONT, fontSize: size.fontSize, color: DECK_COLORS.ink, valign: 'top' })
}

/** Speaker notes: the takeaway, how it was estimated, and every factor of every sector. */
export function varianceNotes(v: VarianceContent): string {
  const lines = [`${v.takeaway}.`, '']
  for (const { sector, breakdown: b } of v.rows) {
    lines.push(`${SECTOR_LABELS[sector]} (peak exposure): ${varianceNote(b)}`)
    if (b.variance <= FLAT_VARIANCE) lines.push('- does not vary over the samples.')
    else for (const r of varianceRows(b)) lines.push(`- ${r.label}: ${r.alone} alone (90 % interval ${r.interval}), ${r.total} with interactions (${r.totalInterval}).`)
    lines.push('')
  }
  lines.push('How to read it: the tornado moves one input at a time from this scenario; this breakdown moves every input at once over its range, correlations and the two postures included, so the two can rank factors differently. "Alone" is the share a factor explains by itself; "total" adds its interactions with the others.')
  return lines.join('\n')
}
