import { SECTOR_LABELS } from '../../core'
import { SIDE_COLORS } from '../../shared/palette'
import { inForceText, stampLines, type ChartSpec } from './chart-spec'
import { fmt, type Kpi, type ReportContent, type SectorContent } from './content'
import { driverEffect, headlineDrivers, pct, signedPoints, type DriverRow } from './insights'
import { addBullets, addContentSlide, addFittedText, addNativeChart, addTableSlides, addTitleSlide, createDeck, CONTENT_BOTTOM, CONTENT_TOP, DECK_COLORS, DECK_FONT, MIN_PT, SLIDE, writeDeck, type Deck, type TableCell } from './deck-blocks'
import { varianceSlide } from './deck-variance'
import { isolateBidi } from './safe-text'
import { shortName } from './takeaway'
import { ellipsize, fitText } from './text-fit'

/**
 * The scenario deck (16:9), in the order a facilitator presents it: title; executive summary; for a
 * comparison, the comparison first (a slide per sector and the key figures); a slide per sector whose title
 * is the takeaway, with a native chart on an axis shared by all sectors; what drives the band (when computed);
 * cost pressure; active measures;
 * overridden assumptions; sources and caveats. Speaker notes give the drivers and caveats. Every slide
 * carries the export stamp; every chart's "Edit Data" opens exactly its numbers.
 */

const FOOTER_WIDTH_PT = (SLIDE.W - 2) * 72 - 14.4

/** Builds the deck and returns the .pptx file bytes. */
export async function buildDeck(content: ReportContent): Promise<Uint8Array> {
  const [stampHead] = stampLines(content.stamp, { size: 10, maxWidth: FOOTER_WIDTH_PT })
  const deck = createDeck({ title: content.title, subject: content.subtitle, stamp: stampHead })
  titleSlide(deck, content)
  summarySlide(deck, content)
  if (content.comparison) {
    const cmp = content.comparison
    for (const c of cmp.charts) comparisonSlide(deck, c.chart, c.takeaway, cmp.kpis.filter((k) => k.sector === c.sector), content.threshold)
    kpiSlides(deck, cmp.kpis, content.threshold)
  }
  for (const s of content.sectors) sectorSlide(deck, s, content)
  if (content.variance) varianceSlide(deck, content.variance)
  costSlide(deck, content)
  measureSlides(deck, content)
  assumptionSlides(deck, content)
  sourcesSlide(deck, content)
  return writeDeck(deck)
}

function titleSlide(deck: Deck, c: ReportContent) {
  const slide = addTitleSlide(deck, c.title)
  addFittedText(slide, c.subtitle, { x: 0.9, y: 3.0, w: SLIDE.W - 1.8, h: 0.6 }, { maxPt: 20, color: DECK_COLORS.muted })
  const facts = [
    `Horizon ${c.horizon} · exported ${c.stamp.date}`,
    `Chokepoint ${c.stamp.appVersion} · model ${c.stamp.modelVersion} · dataset ${c.stamp.datasetVersion}`,
    ...(c.comparison ? [`Compared with: ${c.comparison.names.slice(1).map(isolateBidi).join(', ')}`] : []),
    ...(c.tags.length > 0 ? [`Tags: ${c.tags.map(isolateBidi).join(', ')}`] : [])
  ]
  addFittedText(slide, facts.join('\n'), { x: 0.9, y: 3.7, w: SLIDE.W - 1.8, h: 1.5 }, { maxPt: 16 })
  const notes = c.notes.trim()
  if (notes) {
    const shown = addFittedText(slide, notes, { x: 0.9, y: 5.3, w: SLIDE.W - 1.8, h: 1.5 }, { maxPt: 16, color: DECK_COLORS.muted })
    slide.addNotes(`${shown.cut ? 'Scenario notes (cut on the slide, in full here):\n' : 'Scenario notes:\n'}${notes}`)
  }
}

function summarySlide(deck: Deck, c: ReportContent) {
  const slide = addContentSlide(deck, 'Executive summary', `${c.economyLabel} · horizon ${c.horizon} · exposure and cost pressure are indices 0–100`)
  // What drives the band goes before the closing line on how sure the inputs are.
  const lines = c.variance ? [...c.summary.slice(0, -1), c.variance.takeaway, ...c.summary.slice(-1)] : c.summary
  addBullets(slide, lines, { x: 0.5, y: CONTENT_TOP, w: SLIDE.W - 1, h: CONTENT_BOTTOM - CONTENT_TOP }, { maxPt: 22 })
  slide.addNotes(['Executive summary.', ...lines, '', 'What the indices mean:', ...c.sources.indexMeaning].join('\n'))
}

const kpiRuns = (facts: [string, string][]) =>
  facts.flatMap(([label, value]) => [
    { text: label, options: { fontSize: MIN_PT, color: DECK_COLORS.muted, breakLine: true } },
    { text: value, options: { fontSize: 24, bold: true, color: DECK_COLORS.ink, breakLine: true, paraSpaceAfter: 6 } }
  ])

function sectorSlide(deck: Deck, s: SectorContent, c: ReportContent) {
  const { chart, kpi } = s
  const slide = addContentSlide(deck, s.takeaway, `${chart.title} · ${chart.subtitle}`)
  addNativeChart(deck, slide, chart, { x: 0.3, y: CONTENT_TOP, w: 9.3, h: CONTENT_BOTTOM - CONTENT_TOP - inForceHeight(chart) })
  addInForce(slide, chart, 9.3)
  const n = chart.categories.length
  slide.addText(
    kpiRuns([
      ['Peak exposure', `${fmt(kpi.peak)} / 100`],
      ['Quarter of peak', kpi.peakQuarter],
      [`Quarters above ${fmt(c.threshold)}`, `${kpi.quartersAbove} of ${n}`],
      ['Peak cost pressure', `${fmt(kpi.peakCost)} / 100`]
    ]),
    { x: 9.8, y: CONTENT_TOP, w: 3.1, h: 2.9, fontFace: DECK_FONT, valign: 'top' }
  )
  const panel = peakPanel(s.drivers)
  if (panel) addFittedText(slide, panel, { x: 9.8, y: 4.6, w: 3.1, h: CONTENT_BOTTOM - 4.6 }, { maxPt: 16 })
  slide.addNotes(sectorNotes(s, c))
}

/** Room under a chart for the note on measures in force since before the horizon (one line at 14 pt: the legend already takes much of the chart's height). */
const inForceHeight = (chart: ChartSpec) => (chart.inForce ? 0.38 : 0)

/**
 * Measures in force since before the first quarter, as a note under the chart: a native chart cannot place a
 * date marker before its first category (it would sit on the y-axis). Cut with … if long; in full in the notes.
 */
function addInForce(slide: ReturnType<typeof addContentSlide>, chart: ChartSpec, width: number) {
  if (!chart.inForce) return
  // One line at 14 pt: the items that fit, and how many more (all of them in the notes).
  const text = inForceText(chart.inForce, { size: MIN_PT, maxWidth: (width * 72 - 14.4) * 0.9 })
  addFittedText(slide, text, { x: 0.3, y: CONTENT_BOTTOM - inForceHeight(chart), w: width, h: inForceHeight(chart) }, { maxPt: MIN_PT, color: DECK_COLORS.muted })
}

/**
 * The "at the peak" panel of a sector slide, in signed index points: what adds (with its share of the gross
 * additions, so shares never pass 100 %) and what relieves. Null when nothing drives the peak.
 */
export function peakPanel(drivers: readonly DriverRow[]): string | null {
  const adds = drivers.filter((d) => d.effect === 'adds').slice(0, 3)
  const relieves = drivers.filter((d) => d.effect === 'relieves').slice(0, 2)
  if (adds.length === 0 && relieves.length === 0) return null
  return [
    'At the peak, index points:',
    ...adds.map((d) => `${signedPoints(d.value)} ${d.name} (${pct(d.share)} of additions)`),
    ...relieves.map((d) => `${signedPoints(d.value)} ${d.name} (relief)`)
  ].join('\n')
}

/** Speaker notes of a sector slide: the takeaway, the drivers with their sources and confidence, the caveats. */
export function sectorNotes(s: SectorContent, c: ReportContent): string {
  const drivers = s.drivers.map((d) => {
    const figures = d.assumptions.map((a) => `${a.label} (${a.confidence}${a.guess ? ', guess' : ''})`).join('; ')
    return `- ${d.name}: ${driverEffect(d)}. Source: ${d.source}. Confidence: ${d.confidence}${d.guess ? ' (setting is a modelling guess)' : ''}.${figures ? ` Rests on: ${figures}.` : ''}`
  })
  return [
    `${s.takeaway}.`,
    `Peak ${fmt(s.kpi.peak)} in ${s.kpi.peakQuarter}; ${s.kpi.quartersAbove} quarters above ${fmt(c.threshold)}; peak cost pressure ${fmt(s.kpi.peakCost)}.`,
    '',
    drivers.length > 0 ? 'What drives the peak (index points; a share is of what adds to the peak, before relief):' : 'Exposure stays near zero: no driver to name.',
    ...drivers,
    '',
    ...(s.chart.inForce ? [`${inForceText(s.chart.inForce)}.`, ''] : []),
    'Caveats:',
    ...c.sources.caveats.map((t) => `- ${t}`),
    `- ${c.sources.indexMeaning[0]}`
  ].join('\n')
}

function costSlide(deck: Deck, c: ReportContent) {
  const slide = addContentSlide(deck, c.cost.takeaway, `${c.cost.chart.title} · ${c.cost.chart.subtitle}`)
  addNativeChart(deck, slide, c.cost.chart, { x: 0.3, y: CONTENT_TOP, w: SLIDE.W - 0.6, h: CONTENT_BOTTOM - CONTENT_TOP - inForceHeight(c.cost.chart) })
  addInForce(slide, c.cost.chart, SLIDE.W - 0.6)
  slide.addNotes([`${c.cost.takeaway}.`, '', c.sources.indexMeaning[1], c.sources.indexMeaning[2]].join('\n'))
}

function comparisonSlide(deck: Deck, chart: ChartSpec, takeaway: string, kpis: Kpi[], threshold: number) {
  const slide = addContentSlide(deck, takeaway, `${chart.title} · ${chart.subtitle}`)
  addNativeChart(deck, slide, chart, { x: 0.3, y: CONTENT_TOP, w: 8.4, h: CONTENT_BOTTOM - CONTENT_TOP })
  const runs = kpis.flatMap((k) => [
    { text: k.scenario, options: { bold: true, breakLine: true } },
    { text: `peak ${fmt(k.peak)} in ${k.peakQuarter} · ${k.quartersAbove} quarters above ${fmt(threshold)}`, options: { breakLine: true, paraSpaceAfter: 8 } }
  ])
  // Sized as the same text in one box would be: the largest size at which every scenario's lines fit.
  const size = fitText(runs.map((r) => r.text).join('\n'), 4.0 * 72 - 14.4, (CONTENT_BOTTOM - CONTENT_TOP) * 72 - 7.2 - kpis.length * 8, 16, MIN_PT)
  slide.addText(size.cut ? runs.map((r) => ({ ...r, text: ellipsize(r.text, size.fontSize, 4.0 * 72 - 14.4) })) : runs, { x: 8.9, y: CONTENT_TOP, w: 4.0, h: CONTENT_BOTTOM - CONTENT_TOP, fontFace: DECK_FONT, fontSize: size.fontSize, color: DECK_COLORS.ink, valign: 'top' })
  slide.addNotes([`${takeaway}.`, ...kpis.map((k) => `- ${k.scenario}: peak ${fmt(k.peak)} in ${k.peakQuarter}; ${k.quartersAbove} quarters above ${fmt(threshold)}; peak cost pressure ${fmt(k.peakCost)}.`)].join('\n'))
}

function kpiSlides(deck: Deck, kpis: Kpi[], threshold: number) {
  const cols = [
    { header: 'Scenario', width: 4.2 },
    { header: 'Sector', width: 1.7 },
    { header: 'Peak exposure', width: 1.6, align: 'right' as const },
    { header: 'Quarter of peak', width: 1.6 },
    { header: `Quarters above ${fmt(threshold)}`, width: 1.6, align: 'right' as const },
    { header: 'Peak cost pressure', width: 1.6, align: 'right' as const }
  ]
  const rows = kpis.map((k): TableCell[] => [shortName(k.scenario, 80), SECTOR_LABELS[k.sector], fmt(k.peak), k.peakQuarter, String(k.quartersAbove), fmt(k.peakCost)])
  addTableSlides(deck, 'Comparison: key figures', `Exposure and cost pressure are indices 0–100; quarters above ${fmt(threshold)}`, cols, rows)
}

function measureSlides(deck: Deck, c: ReportContent) {
  const subtitle = `${c.measures.length} measure${c.measures.length === 1 ? '' : 's'} on in “${isolateBidi(c.title)}”, with their legal instruments and dates`
  if (c.measures.length === 0) {
    const slide = addContentSlide(deck, 'No measure is on', subtitle)
    addFittedText(slide, 'No measure is on in this scenario: the charts show the baseline with no policy shock.', { x: 0.5, y: CONTENT_TOP, w: SLIDE.W - 1, h: 1 }, { maxPt: 20 })
  } else {
    const cols = [
      { header: 'Side', width: 1.5 },
      { header: 'Measure', width: 2.95 },
      { header: 'Instrument', width: 2.5 },
      { header: 'Instrument dates', width: 1.9 },
      { header: 'In this scenario', width: 2.0 },
      { header: 'Setting', width: 1.45 }
    ]
    const rows = c.measures.map((m): TableCell[] => [
      { text: m.side, bold: true, color: (m.side === 'Beijing' ? SIDE_COLORS.beijing : SIDE_COLORS.washington).replace('#', '').toUpperCase() },
      m.title,
      m.instrument,
      m.instrumentDates,
      m.scenarioDates,
      m.setting
    ])
    addTableSlides(deck, 'Active measures', subtitle, cols, rows)
  }
  if (c.triggers.length > 0) {
    const slide = addContentSlide(deck, 'Counter-measure triggers', 'Moves that start when another measure is active')
    addBullets(slide, c.triggers, { x: 0.5, y: CONTENT_TOP, w: SLIDE.W - 1, h: CONTENT_BOTTOM - CONTENT_TOP }, { maxPt: 18 })
  }
}

function assumptionSlides(deck: Deck, c: ReportContent) {
  const subtitle = `Overrides of the baseline dataset ${c.stamp.datasetVersion}; every other figure is the baseline`
  if (c.overrides.length === 0) {
    const slide = addContentSlide(deck, 'No overrides: every figure is the baseline', subtitle)
    addFittedText(slide, `No overrides: every figure is the baseline dataset ${c.stamp.datasetVersion}, each with its source (see the assumptions panel).`, { x: 0.5, y: CONTENT_TOP, w: SLIDE.W - 1, h: 1 }, { maxPt: 20 })
    return
  }
  const cols = [
    { header: 'Assumption', width: 3.6 },
    { header: 'Baseline', width: 1.2, align: 'right' as const },
    { header: 'Override', width: 1.2, align: 'right' as const },
    { header: 'Unit', width: 1.5 },
    { header: 'Source (confidence)', width: 4.8, fontPt: 12 }
  ]
  const rows = c.overrides.map((o): TableCell[] => [o.label, o.baseline === null ? '—' : fmt(o.baseline), { text: fmt(o.value), bold: true }, o.unit, `${o.source} (${o.confidence})`])
  addTableSlides(deck, 'Assumptions', subtitle, cols, rows)
}

/** " · rests on 3 dataset figures (2 guesses)": how firm the figures under a driver are. */
const restsOn = (d: DriverRow) => {
  const n = d.assumptions.length
  if (n === 0) return ''
  const guesses = d.assumptions.filter((a) => a.guess).length
  return ` · rests on ${n} dataset figure${n === 1 ? '' : 's'} (${guesses === 0 ? 'none a guess' : `${guesses} a guess`})`
}

/** The drivers behind the headline figures with their sources and confidence, the guesses, what the index means. */
function sourcesSlide(deck: Deck, c: ReportContent) {
  // Each driver once, with every sector it drives and its largest share of a peak.
  const byName = new Map<string, { d: DriverRow; where: string[] }>()
  for (const s of c.sectors) {
    for (const d of headlineDrivers(s.drivers)) {
      const entry = byName.get(d.name) ?? { d, where: [] }
      // Per sector, signed: "Defense +40 (52 %)", "Autos −3 (relief)".
      entry.where.push(`${SECTOR_LABELS[s.sector]} ${signedPoints(d.value)} (${d.effect === 'adds' ? pct(d.share) : 'relief'})`)
      byName.set(d.name, entry)
    }
  }
  const rows: TableCell[][] = [...byName.values()].map(({ d, where }) => [d.name, where.join('; '), `${d.confidence}${d.guess ? ' · setting is a guess' : ''}`, `${d.source}${restsOn(d)}`])
  const p = c.sources.provenance
  const subtitle = `${p.guesses} of ${p.inputs} inputs are modelling guesses · exposure: 0 = nothing missing, 100 = every critical input missing`
  const cols = [
    { header: 'Driver of a headline figure', width: 2.9 },
    { header: 'At the peak: points (share of additions)', width: 2.7 },
    { header: 'Confidence', width: 1.5 },
    { header: 'Source', width: 5.23, fontPt: 12 }
  ]
  const slides = rows.length > 0 ? addTableSlides(deck, 'Sources and caveats', subtitle, cols, rows) : [addContentSlide(deck, 'Sources and caveats', subtitle)]
  const notes = ['Sources and caveats.', ...c.sources.caveats, '', 'What the indices mean:', ...c.sources.indexMeaning].join('\n')
  for (const slide of slides) slide.addNotes(notes)
  // The caveats and the index's meaning on a slide of their own, readable, rather than squeezed under the table.
  const caveats = addContentSlide(deck, 'How to read these figures', subtitle)
  addBullets(caveats, [...c.sources.indexMeaning, ...c.sources.caveats], { x: 0.5, y: CONTENT_TOP, w: SLIDE.W - 1, h: CONTENT_BOTTOM - CONTENT_TOP }, { maxPt: 20 })
  caveats.addNotes(notes)
}
