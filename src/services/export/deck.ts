import PptxGenJS from 'pptxgenjs'
import { SECTOR_LABELS } from '../../core'
import { SIDE_COLORS } from '../../shared/palette'
import { stampLines, tickStep, type ChartSpec } from './chart-spec'
import { fmt, type Kpi, type ReportContent } from './content'

/**
 * The slide deck (16:9): title; one slide per sector with the exposure chart as a native, editable
 * PowerPoint chart (stacked areas by channel, the "No measures" line, P10/P90 lines when asked) carrying the
 * engine's unrounded numbers; active measures; overridden assumptions with sources; and, for a comparison,
 * a slide per sector with each scenario's line and a KPI table. Every slide carries the export stamp.
 */

const W = 13.333
const FONT = 'Arial'
const INK = '1B1F24'
const MUTED = '5B6470'
const BORDER = 'D6DBE1'
const ACCENT = '1F4E9C'
const MASTER = 'CHOKEPOINT'

const hex = (c: string) => c.replace('#', '').toUpperCase()
const chunk = <T>(xs: T[], size: number): T[][] => (xs.length === 0 ? [[]] : Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, i * size + size)))
const pageTitle = (title: string, page: number, pages: number) => (pages > 1 ? `${title} (${page} of ${pages})` : title)

type Slide = PptxGenJS.Slide
type Cell = PptxGenJS.TableCell

/** Builds the deck and returns the .pptx file bytes. */
export async function buildDeck(content: ReportContent): Promise<Uint8Array> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.author = 'Chokepoint'
  pptx.company = 'Chokepoint scenario planner'
  pptx.title = content.title
  pptx.subject = content.subtitle
  const [stampHead] = stampLines(content.stamp)
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } } },
      { line: { x: 0.5, y: 6.95, w: W - 1, h: 0, line: { color: BORDER, width: 1 } } },
      { text: { text: stampHead, options: { x: 0.5, y: 7.0, w: W - 2, h: 0.35, fontFace: FONT, fontSize: 10, color: MUTED, fit: 'shrink' } } }
    ],
    slideNumber: { x: W - 1.1, y: 7.0, w: 0.6, h: 0.35, fontFace: FONT, fontSize: 10, color: MUTED, align: 'right' }
  })

  titleSlide(pptx, content)
  for (const s of content.sectors) sectorSlide(pptx, s.chart, s.kpi, content)
  measureSlides(pptx, content)
  assumptionSlides(pptx, content)
  if (content.comparison) {
    const cmp = content.comparison
    for (const c of cmp.charts) comparisonSlide(pptx, c.chart, cmp.kpis.filter((k) => k.sector === c.sector), content.threshold)
    kpiSlide(pptx, cmp.kpis, content.threshold)
  }
  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

function newSlide(pptx: PptxGenJS, title: string, subtitle?: string): Slide {
  const slide = pptx.addSlide({ masterName: MASTER })
  slide.addText(title, { x: 0.5, y: 0.3, w: W - 1, h: 0.7, fontFace: FONT, fontSize: 28, bold: true, color: INK, fit: 'shrink' })
  if (subtitle) slide.addText(subtitle, { x: 0.5, y: 0.95, w: W - 1, h: 0.4, fontFace: FONT, fontSize: 14, color: MUTED, fit: 'shrink' })
  return slide
}

function titleSlide(pptx: PptxGenJS, c: ReportContent) {
  const slide = pptx.addSlide({ masterName: MASTER })
  slide.addShape('rect', { x: 0, y: 0, w: 0.35, h: 7.5, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } })
  slide.addText(c.title, { x: 0.9, y: 1.6, w: W - 1.8, h: 1.3, fontFace: FONT, fontSize: 40, bold: true, color: INK, fit: 'shrink', valign: 'bottom' })
  slide.addText(c.subtitle, { x: 0.9, y: 3.0, w: W - 1.8, h: 0.6, fontFace: FONT, fontSize: 20, color: MUTED })
  const facts = [
    `Horizon ${c.horizon} · exported ${c.stamp.date}`,
    `Chokepoint ${c.stamp.appVersion} · model ${c.stamp.modelVersion} · dataset ${c.stamp.datasetVersion}`,
    ...(c.comparison ? [`Compared with: ${c.comparison.names.slice(1).join(', ')}`] : []),
    ...(c.tags.length > 0 ? [`Tags: ${c.tags.join(', ')}`] : [])
  ]
  slide.addText(facts.map((text) => ({ text, options: { breakLine: true } })), { x: 0.9, y: 3.8, w: W - 1.8, h: 1.4, fontFace: FONT, fontSize: 16, color: INK, valign: 'top' })
  if (c.notes.trim()) slide.addText(c.notes.trim().slice(0, 600), { x: 0.9, y: 5.3, w: W - 1.8, h: 1.5, fontFace: FONT, fontSize: 14, color: MUTED, valign: 'top', fit: 'shrink' })
}

/** The chart's series as native chart groups: stacked areas, then solid, dashed and dotted lines. */
function nativeChart(pptx: PptxGenJS, slide: Slide, spec: ChartSpec, box: { x: number; y: number; w: number; h: number }) {
  const labels = spec.categories
  const groups: PptxGenJS.IChartMulti[] = []
  if (spec.stacked.length > 0) {
    groups.push({
      type: pptx.ChartType.area,
      data: spec.stacked.map((s) => ({ name: s.name, labels, values: s.values.map((v) => v ?? 0) })),
      options: { barGrouping: 'stacked', chartColors: spec.stacked.map((s) => hex(s.color)), chartColorsOpacity: 85 }
    })
  }
  const solid = spec.lines.filter((s) => !s.dash)
  const dashed = spec.lines.filter((s) => s.dash === 'dash')
  const dotted = spec.lines.filter((s) => s.dash === 'dot')
  const dashDot = spec.lines.filter((s) => s.dash === 'dashdot')
  const lineGroup = (series: ChartSpec['lines'], dash: 'solid' | 'dash' | 'sysDot' | 'sysDash' | 'dashDot'): PptxGenJS.IChartMulti => ({
    type: pptx.ChartType.line,
    // A gap (null) is written as an empty point, which PowerPoint leaves blank.
    data: series.map((s) => ({ name: s.name, labels, values: s.values as number[] })),
    options: { chartColors: series.map((s) => hex(s.color)), lineDash: dash, lineDataSymbol: 'none', lineSize: 2.5 }
  })
  if (solid.length > 0) groups.push(lineGroup(solid, 'solid'))
  if (dashed.length > 0) groups.push(lineGroup(dashed, 'dash'))
  if (dotted.length > 0) groups.push(lineGroup(dotted, 'sysDot'))
  if (dashDot.length > 0) groups.push(lineGroup(dashDot, 'dashDot'))
  if (spec.band) {
    const band = spec.band
    // Solid edges: dashes belong to the "No measures" line (issue 12); the caption is in the subtitle.
    groups.push(lineGroup([{ key: 'p10', name: 'Band low (P10)', color: band.color, values: band.low }, { key: 'p90', name: 'Band high (P90)', color: band.color, values: band.high }], 'solid'))
  }
  // A multi-type chart takes its options where a single chart takes its data (pptxgenjs' typings miss this).
  const options: PptxGenJS.IChartOpts = {
    ...box,
    altText: `${spec.title}: ${spec.yTitle} by quarter`,
    showLegend: true,
    legendPos: 'b',
    legendFontFace: FONT,
    legendFontSize: 12,
    legendColor: INK,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 12,
    catAxisLabelColor: MUTED,
    catAxisLabelFrequency: String(Math.max(1, Math.ceil(labels.length / 12))),
    showCatAxisTitle: true,
    catAxisTitle: spec.xTitle,
    catAxisTitleFontSize: 13,
    catAxisTitleColor: INK,
    valAxisMinVal: spec.yMin,
    valAxisMaxVal: spec.yMax,
    valAxisMajorUnit: tickStep(spec.yMax - spec.yMin),
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: MUTED,
    valAxisLabelFormatCode: '0',
    showValAxisTitle: true,
    valAxisTitle: spec.yTitle,
    valAxisTitleFontSize: 13,
    valAxisTitleColor: INK,
    valGridLine: { color: BORDER, size: 0.75, style: 'dash' },
    catGridLine: { style: 'none' }
  }
  slide.addChart(groups, options as unknown as unknown[])
}

function sectorSlide(pptx: PptxGenJS, chart: ChartSpec, kpi: Kpi, c: ReportContent) {
  const slide = newSlide(pptx, chart.title, chart.subtitle)
  nativeChart(pptx, slide, chart, { x: 0.4, y: 1.45, w: 9.2, h: 5.4 })
  const n = chart.categories.length
  const facts: [string, string][] = [
    ['Peak exposure', `${fmt(kpi.peak)} / 100`],
    ['Quarter of peak', kpi.peakQuarter],
    [`Quarters above ${fmt(c.threshold)}`, `${kpi.quartersAbove} of ${n}`],
    ['Peak cost pressure', `${fmt(kpi.peakCost)} / 100`]
  ]
  const runs: PptxGenJS.TextProps[] = facts.flatMap(([label, value]) => [
    { text: label, options: { fontSize: 13, color: MUTED, breakLine: true } },
    { text: value, options: { fontSize: 24, bold: true, color: INK, breakLine: true, paraSpaceAfter: 8 } }
  ])
  slide.addText(runs, { x: 9.9, y: 1.5, w: 3.0, h: 3.6, fontFace: FONT, valign: 'top' })
  slide.addText(c.stamp.assumptions.join(' · '), { x: 9.9, y: 5.2, w: 3.0, h: 1.6, fontFace: FONT, fontSize: 10, color: MUTED, valign: 'top', fit: 'shrink' })
  slide.addNotes(`${chart.title}. Peak ${fmt(kpi.peak)} in ${kpi.peakQuarter}; ${kpi.quartersAbove} quarters above ${fmt(c.threshold)}; peak cost pressure ${fmt(kpi.peakCost)}.`)
}

const headerCell = (text: string): Cell => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: ACCENT } } })

function table(slide: Slide, rows: Cell[][], colW: number[], y = 1.5, fontSize = 12) {
  slide.addTable(rows, { x: 0.5, y, w: colW.reduce((a, b) => a + b, 0), colW, fontFace: FONT, fontSize, color: INK, valign: 'top', border: { type: 'solid', pt: 0.75, color: BORDER }, margin: 0.05 })
}

function measureSlides(pptx: PptxGenJS, c: ReportContent) {
  const pages = chunk(c.measures, 6)
  pages.forEach((rows, i) => {
    const slide = newSlide(pptx, pageTitle('Active measures', i + 1, pages.length), `${c.measures.length} measure${c.measures.length === 1 ? '' : 's'} on in “${c.title}”, with their legal instruments and dates`)
    if (rows.length === 0) {
      slide.addText('No measure is on in this scenario: the charts show the baseline with no policy shock.', { x: 0.5, y: 1.6, w: W - 1, h: 1, fontFace: FONT, fontSize: 18, color: INK })
      return
    }
    const head = ['Side', 'Measure', 'Instrument', 'Instrument dates', 'In this scenario', 'Setting'].map(headerCell)
    const body = rows.map((m): Cell[] => [
      { text: m.side, options: { bold: true, color: hex(m.side === 'Beijing' ? SIDE_COLORS.beijing : SIDE_COLORS.washington) } },
      { text: m.title },
      { text: m.instrument },
      { text: m.instrumentDates },
      { text: m.scenarioDates },
      { text: m.setting }
    ])
    table(slide, [head, ...body], [1.1, 3.3, 2.5, 1.9, 2.0, 1.5])
  })
  if (c.triggers.length > 0) {
    const slide = newSlide(pptx, 'Counter-measure triggers', 'Moves that start when another measure is active')
    slide.addText(c.triggers.map((text) => ({ text, options: { bullet: true, breakLine: true } })), { x: 0.5, y: 1.5, w: W - 1, h: 5.2, fontFace: FONT, fontSize: 16, color: INK, valign: 'top', fit: 'shrink' })
  }
}

function assumptionSlides(pptx: PptxGenJS, c: ReportContent) {
  const pages = chunk(c.overrides, 6)
  pages.forEach((rows, i) => {
    const slide = newSlide(pptx, pageTitle('Assumptions', i + 1, pages.length), `Overrides of the baseline dataset ${c.stamp.datasetVersion}; every other figure is the baseline`)
    if (rows.length === 0) {
      slide.addText(`No overrides: every figure is the baseline dataset ${c.stamp.datasetVersion}, each with its source (see the assumptions panel).`, { x: 0.5, y: 1.6, w: W - 1, h: 1, fontFace: FONT, fontSize: 18, color: INK })
      return
    }
    const head = ['Assumption', 'Baseline', 'Override', 'Unit', 'Source (confidence)'].map(headerCell)
    const body = rows.map((o): Cell[] => [
      { text: o.label },
      { text: o.baseline === null ? '—' : fmt(o.baseline) },
      { text: fmt(o.value), options: { bold: true } },
      { text: o.unit },
      { text: `${o.source} (${o.confidence})`, options: { fontSize: 9 } }
    ])
    table(slide, [head, ...body], [3.4, 1.1, 1.1, 1.4, 5.3])
  })
}

function comparisonSlide(pptx: PptxGenJS, chart: ChartSpec, kpis: Kpi[], threshold: number) {
  const slide = newSlide(pptx, chart.title, chart.subtitle)
  nativeChart(pptx, slide, chart, { x: 0.4, y: 1.45, w: 8.4, h: 5.4 })
  const head = ['Scenario', 'Peak', 'Quarter', `> ${fmt(threshold)}`].map(headerCell)
  const body = kpis.map((k): Cell[] => [{ text: k.scenario }, { text: fmt(k.peak) }, { text: k.peakQuarter }, { text: String(k.quartersAbove) }])
  slide.addTable([head, ...body], { x: 9.0, y: 1.6, w: 3.9, colW: [1.5, 0.7, 0.95, 0.75], fontFace: FONT, fontSize: 12, color: INK, border: { type: 'solid', pt: 0.75, color: BORDER }, margin: 0.05 })
}

function kpiSlide(pptx: PptxGenJS, kpis: Kpi[], threshold: number) {
  const slide = newSlide(pptx, 'Comparison: key figures', `Exposure index 0–100; quarters above ${fmt(threshold)}; cost pressure index 0–100`)
  const head = ['Scenario', 'Sector', 'Peak exposure', 'Quarter of peak', `Quarters above ${fmt(threshold)}`, 'Peak cost pressure'].map(headerCell)
  const body = kpis.map((k): Cell[] => [
    { text: k.scenario },
    { text: SECTOR_LABELS[k.sector] },
    { text: fmt(k.peak), options: { align: 'right' } },
    { text: k.peakQuarter },
    { text: String(k.quartersAbove), options: { align: 'right' } },
    { text: fmt(k.peakCost), options: { align: 'right' } }
  ])
  table(slide, [head, ...body], [3.6, 1.8, 1.7, 1.8, 1.7, 1.7], 1.5, 13)
}

