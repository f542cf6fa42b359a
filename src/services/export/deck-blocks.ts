import PptxGenJS from 'pptxgenjs'
import { SERIES_FILL_OPACITY } from '../../shared/palette'
import { tickStep, type ChartSpec } from './chart-spec'
import { finishDeck } from './deck-package'
import { fitText, LINE_HEIGHT, paginate, wrapText } from './text-fit'
import { shortName } from './takeaway'
import { uniqueHeaders, type WorkbookData } from './xlsx'

/** Longest series name in a chart legend (and the workbook header behind it). */
export const LEGEND_CHARS = 40

/**
 * Building blocks of Chokepoint slide decks (16:9), shared by the scenario deck (`deck.ts`) and other decks
 * (the workshop's after-action deck): slide masters with real title placeholders (an organisation's
 * template can re-flow them), text measured to fit its box (never the viewer's shrink-to-fit), native
 * charts whose embedded workbook holds exactly the chart's numbers, and tables split across slides.
 * Stable API: add options rather than change signatures.
 */

export const SLIDE = { W: 13.333, H: 7.5 } as const
export const DECK_FONT = 'Arial'
export const DECK_COLORS = { ink: '1B1F24', muted: '4A525C', border: 'D6DBE1', accent: '1F4E9C', white: 'FFFFFF' } as const
/** Smallest text on a slide (chart text included): readable from the back of a room. The footer stamp is the only exception. */
export const MIN_PT = 14
export const MASTER_TITLE = 'CHOKEPOINT_TITLE'
export const MASTER_CONTENT = 'CHOKEPOINT_CONTENT'

/** The title area of content slides, and where the content below it starts. */
export const TITLE_BOX = { x: 0.5, y: 0.25, w: SLIDE.W - 1, h: 0.95 } as const
export const CONTENT_TOP = 1.65
export const CONTENT_BOTTOM = 6.85

/** Bold Arial runs up to ≈ 8 % wider than regular: bold text is measured against a box that much narrower. */
const BOLD = 1.08

/** Inner text insets of a pptxgenjs text box (0.1 in left/right, 0.05 in top/bottom), in points. */
const INSET_X = 14.4
const INSET_Y = 7.2

export type Box = { x: number; y: number; w: number; h: number }
export type Deck = { pptx: PptxGenJS; charts: WorkbookData[] }
type Slide = PptxGenJS.Slide

const hex = (c: string) => c.replace('#', '').toUpperCase()
/** One line of text: line breaks and tabs become spaces (legends, table headers, workbook cells). */
export const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ')

/** A new deck with the two masters (title slide, content slide), each with a title placeholder and the stamp in its footer. */
export function createDeck(meta: { title: string; subject: string; stamp: string }): Deck {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.author = 'Chokepoint'
  pptx.company = 'Chokepoint scenario planner'
  pptx.title = oneLine(meta.title)
  pptx.subject = oneLine(meta.subject)
  const footer = [
    { line: { x: 0.5, y: 6.95, w: SLIDE.W - 1, h: 0, line: { color: DECK_COLORS.border, width: 1 } } },
    { text: { text: meta.stamp, options: { x: 0.5, y: 7.0, w: SLIDE.W - 2, h: 0.35, fontFace: DECK_FONT, fontSize: 10, color: DECK_COLORS.muted, valign: 'middle' as const } } }
  ]
  const slideNumber = { x: SLIDE.W - 1.1, y: 7.0, w: 0.6, h: 0.35, fontFace: DECK_FONT, fontSize: 10, color: DECK_COLORS.muted, align: 'right' as const }
  pptx.defineSlideMaster({
    title: MASTER_TITLE,
    background: { color: DECK_COLORS.white },
    objects: [
      { rect: { x: 0, y: 0, w: 0.35, h: SLIDE.H, fill: { color: DECK_COLORS.accent }, line: { color: DECK_COLORS.accent, width: 0 } } },
      { placeholder: { options: { name: 'title', type: 'title', x: 0.9, y: 1.2, w: SLIDE.W - 1.8, h: 1.7, fontFace: DECK_FONT, fontSize: 40, bold: true, color: DECK_COLORS.ink, align: 'left', valign: 'bottom' }, text: '' } },
      ...footer
    ],
    slideNumber
  })
  pptx.defineSlideMaster({
    title: MASTER_CONTENT,
    background: { color: DECK_COLORS.white },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.W, h: 0.12, fill: { color: DECK_COLORS.accent }, line: { color: DECK_COLORS.accent, width: 0 } } },
      { placeholder: { options: { name: 'title', type: 'title', ...TITLE_BOX, fontFace: DECK_FONT, fontSize: 28, bold: true, color: DECK_COLORS.ink, align: 'left', valign: 'top' }, text: '' } },
      ...footer
    ],
    slideNumber
  })
  return { pptx, charts: [] }
}

export type TextStyle = { maxPt: number; minPt?: number; color?: string; bold?: boolean; align?: 'left' | 'center' | 'right'; valign?: 'top' | 'middle' | 'bottom' }

/** Places text in a box at the largest size (≤ maxPt, ≥ minPt) at which it fits wrapped; cut with … past that. */
export function addFittedText(slide: Slide, text: string, box: Box, style: TextStyle, extra: PptxGenJS.TextPropsOptions = {}) {
  const fitted = fitText(text, (box.w * 72 - INSET_X) / (style.bold ? BOLD : 1), box.h * 72 - INSET_Y, style.maxPt, style.minPt ?? MIN_PT)
  slide.addText(fitted.text, { ...box, fontFace: DECK_FONT, fontSize: fitted.fontSize, color: style.color ?? DECK_COLORS.ink, bold: style.bold, align: style.align, valign: style.valign ?? 'top', wrap: true, ...extra })
  return fitted
}

/** A slide of the title master: the name in the title placeholder, sized to fit. */
export function addTitleSlide(deck: Deck, title: string): Slide {
  const slide = deck.pptx.addSlide({ masterName: MASTER_TITLE })
  const fitted = fitText(title, ((SLIDE.W - 1.8) * 72 - INSET_X) / BOLD, 1.7 * 72 - INSET_Y, 40, 24)
  slide.addText([{ text: fitted.text, options: { fontSize: fitted.fontSize } }], { placeholder: 'title', align: 'left' })
  return slide
}

/** How a content slide's title fits its placeholder: size (28–20 pt) and whether it had to be cut. */
export const titleFit = (title: string) => fitText(title, (TITLE_BOX.w * 72 - INSET_X) / BOLD, TITLE_BOX.h * 72 - INSET_Y, 28, 20)

/** A content slide: the title (a takeaway, ideally) in the title placeholder sized to fit, and an optional subtitle line. */
export function addContentSlide(deck: Deck, title: string, subtitle?: string): Slide {
  const slide = deck.pptx.addSlide({ masterName: MASTER_CONTENT })
  const fitted = titleFit(title)
  slide.addText([{ text: fitted.text, options: { fontSize: fitted.fontSize } }], { placeholder: 'title', align: 'left' })
  if (subtitle) addFittedText(slide, subtitle, { x: 0.5, y: 1.2, w: SLIDE.W - 1, h: 0.42 }, { maxPt: 16, color: DECK_COLORS.muted })
  return slide
}

/** Bulleted lines in a box, one size for all, the largest that fits (lines that still do not fit are cut). */
export function addBullets(slide: Slide, items: string[], box: Box, style: TextStyle) {
  const width = box.w * 72 - INSET_X - 20 // bullet indent
  const height = box.h * 72 - INSET_Y
  const heightAt = (pt: number) => items.reduce((h, t) => h + wrapText(t, pt, width).length * pt * LINE_HEIGHT + pt * 0.5, 0)
  let pt = style.maxPt
  while (pt > (style.minPt ?? MIN_PT) && heightAt(pt) > height) pt--
  // Still too tall at the smallest size: keep the items that fit, each cut to at most three lines.
  const kept: string[] = []
  let used = 0
  for (const item of items) {
    const lines = wrapText(item, pt, width, 3)
    const h = lines.length * pt * LINE_HEIGHT + pt * 0.5
    if (used + h > height && kept.length > 0) break
    kept.push(lines.join(' '))
    used += h
  }
  slide.addText(
    kept.map((text) => ({ text, options: { bullet: true, breakLine: true, paraSpaceAfter: pt * 0.5 } })),
    { ...box, fontFace: DECK_FONT, fontSize: pt, color: style.color ?? DECK_COLORS.ink, valign: 'top', wrap: true }
  )
  return { fontSize: pt, shown: kept.length }
}

export type AxisLabels = { reversed: boolean; skip: number }

/**
 * Which quarters carry a label: every second one (every fourth past 24 quarters, so 14-pt labels never
 * collide), counted back from the last so the last quarter is always labelled. PowerPoint labels every
 * `skip`-th category from the first one, so when that would miss the last, the categories are written
 * newest first and the axis drawn right to left (time still reads left to right).
 */
export function axisLabels(count: number): AxisLabels {
  const skip = count <= 12 ? 1 : count <= 24 ? 2 : 4
  return { skip, reversed: (count - 1) % skip !== 0 }
}

export type ChartStyle = { legend?: boolean; altText?: string }

/**
 * Text and grid styling every native chart of the deck shares (legend, axis labels and titles at the deck's
 * minimum size, dashed value grid, no category grid), so a line chart and a bar chart read alike.
 */
const chartTextStyle = (ink: string): PptxGenJS.IChartOpts => ({
  legendPos: 'b',
  legendFontFace: DECK_FONT,
  legendFontSize: MIN_PT,
  legendColor: ink,
  // Data labels are off; whoever turns them on gets them at a readable size too.
  dataLabelFontSize: MIN_PT,
  catAxisLabelFontFace: DECK_FONT,
  catAxisLabelFontSize: MIN_PT,
  catAxisLabelColor: ink,
  valAxisLabelFontFace: DECK_FONT,
  valAxisLabelFontSize: MIN_PT,
  valAxisLabelColor: ink,
  valAxisLabelFormatCode: '0',
  showValAxisTitle: true,
  valAxisTitleFontSize: MIN_PT,
  valAxisTitleColor: ink,
  valGridLine: { color: DECK_COLORS.border, size: 0.75, style: 'dash' },
  catGridLine: { style: 'none' }
})

/**
 * A native PowerPoint chart of a chart spec: stacked areas, then lines grouped by dash (solid, dashed,
 * dotted, dash-dot, P10/P90). Every value is the spec's, unrounded; a gap (null) is a missing point and a
 * missing cell in the embedded workbook. Text is at least `MIN_PT`.
 */
export function addNativeChart(deck: Deck, slide: Slide, spec: ChartSpec, box: Box, style: ChartStyle = {}) {
  const { pptx } = deck
  const plan = axisLabels(spec.categories.length)
  const order = <T>(xs: readonly T[]) => (plan.reversed ? [...xs].reverse() : [...xs])
  const labels = order(spec.categories).map(oneLine)
  type Series = { name: string; color: string; values: readonly (number | null)[] }
  const groups: { kind: 'area' | 'line'; dash?: string; series: Series[] }[] = []
  if (spec.stacked.length > 0) groups.push({ kind: 'area', series: spec.stacked })
  const byDash = (dash: string | undefined) => spec.lines.filter((s) => s.dash === dash)
  for (const [dash, ooxml] of [[undefined, 'solid'], ['dash', 'dash'], ['dot', 'sysDot'], ['dashdot', 'dashDot']] as const) {
    const series = byDash(dash)
    if (series.length > 0) groups.push({ kind: 'line', dash: ooxml, series })
  }
  // Solid edges: dashes belong to the "No measures" line (issue 12); the band's caption is in the subtitle.
  if (spec.band) groups.push({ kind: 'line', dash: 'solid', series: [{ name: 'Band low (P10)', color: spec.band.color, values: spec.band.low }, { name: 'Band high (P90)', color: spec.band.color, values: spec.band.high }] })
  // Names are legend entries and table headers in the workbook: one line, at most 40 characters (a
  // 200-character name would bury the legend), unique, never "Quarter".
  const names = uniqueHeaders(['Quarter', ...groups.flatMap((g) => g.series.map((s) => shortName(oneLine(s.name), LEGEND_CHARS)))]).slice(1)
  let k = 0
  const workbook: WorkbookData = { categories: labels, series: [] }
  const chartGroups: PptxGenJS.IChartMulti[] = groups.map((g) => {
    const data = g.series.map((s) => {
      const values = order(s.values)
      const name = names[k++]
      ;(workbook.series as { name: string; values: (number | null)[] }[]).push({ name, values })
      return { name, labels, values: values as number[] }
    })
    const colors = g.series.map((s) => hex(s.color))
    return g.kind === 'area'
      ? { type: pptx.ChartType.area, data, options: { barGrouping: 'stacked', chartColors: colors, chartColorsOpacity: SERIES_FILL_OPACITY * 100 } }
      : { type: pptx.ChartType.line, data, options: { chartColors: colors, lineDash: g.dash as 'solid', lineDataSymbol: 'none', lineSize: 3 } }
  })
  deck.charts.push(workbook)
  const ink = DECK_COLORS.ink
  const options: PptxGenJS.IChartOpts = {
    ...box,
    altText: style.altText ?? `${spec.title}: ${spec.yTitle} by quarter`,
    ...chartTextStyle(ink),
    showLegend: style.legend ?? true,
    catAxisLabelFrequency: String(plan.skip),
    catAxisOrientation: (plan.reversed ? 'maxMin' : 'minMax') as 'minMax',
    // With the categories right to left, the value axis crosses at the last one: the left edge.
    ...(plan.reversed ? { catAxisCrossesAt: 'max' as unknown as 'autoZero' } : {}),
    showCatAxisTitle: false,
    valAxisMinVal: spec.yMin,
    valAxisMaxVal: spec.yMax,
    valAxisMajorUnit: tickStep(spec.yMax - spec.yMin),
    valAxisTitle: spec.yTitle,
    displayBlanksAs: 'gap'
  }
  // A multi-type chart takes its options where a single chart takes its data (pptxgenjs' typings miss this).
  slide.addChart(chartGroups, options as unknown as unknown[])
}

export type BarSeries = { name: string; color: string; values: readonly number[] }

/**
 * A native horizontal bar chart, series side by side per category (e.g. a factor's share for each sector).
 * The first category is drawn at the top: PowerPoint draws bar categories bottom-up, so they are written
 * last-first (and "Edit Data" lists them so). Every value is written as given; text is at least `MIN_PT`.
 */
export function addBarChart(deck: Deck, slide: Slide, chart: { categories: readonly string[]; series: readonly BarSeries[]; valueTitle: string; max: number; altText: string }, box: Box) {
  const { pptx } = deck
  const labels = [...chart.categories].reverse().map((c) => shortName(oneLine(c), LEGEND_CHARS))
  const names = uniqueHeaders(['Factor', ...chart.series.map((s) => shortName(oneLine(s.name), LEGEND_CHARS))]).slice(1)
  const data = chart.series.map((s, i) => ({ name: names[i], labels, values: [...s.values].reverse() }))
  deck.charts.push({ categories: labels, series: data.map((d) => ({ name: d.name, values: d.values })), corner: 'Factor' })
  const ink = DECK_COLORS.ink
  slide.addChart(pptx.ChartType.bar, data, {
    ...box,
    altText: chart.altText,
    barDir: 'bar',
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    chartColors: chart.series.map((s) => hex(s.color)),
    ...chartTextStyle(ink),
    showLegend: true,
    valAxisMinVal: 0,
    valAxisMaxVal: chart.max,
    valAxisMajorUnit: tickStep(chart.max),
    valAxisTitle: chart.valueTitle
  })
}

export type TableColumn = { header: string; width: number; align?: 'left' | 'right'; fontPt?: number }
export type TableCell = string | { text: string; bold?: boolean; color?: string }

const cellText = (c: TableCell) => (typeof c === 'string' ? c : c.text)

/** Height (inches) of a table row at its columns' sizes, text wrapped in each cell. */
export function rowHeight(cells: readonly TableCell[], columns: readonly TableColumn[], fontPt: number): number {
  const lines = cells.map((c, i) => wrapText(cellText(c), columns[i]?.fontPt ?? fontPt, (columns[i]?.width ?? 1) * 72 - 8).length * (columns[i]?.fontPt ?? fontPt))
  return (Math.max(...lines, fontPt) * LINE_HEIGHT + 8) / 72
}

/**
 * A table spread over as many slides as its rows need (each page repeats the header and says "n of m" in its
 * title); rows are measured, never shrunk. Returns the slides.
 */
export function addTableSlides(deck: Deck, title: string, subtitle: string | undefined, columns: TableColumn[], rows: TableCell[][], fontPt = MIN_PT, top = CONTENT_TOP): Slide[] {
  const head = columns.map((c) => ({ text: oneLine(c.header), options: { bold: true, color: DECK_COLORS.white, fill: { color: DECK_COLORS.accent } } }))
  const headHeight = rowHeight(columns.map((c) => c.header), columns, fontPt)
  const pages = paginate(rows, (r) => rowHeight(r, columns, fontPt), CONTENT_BOTTOM - top - headHeight - 0.05)
  return pages.map((page, i) => {
    const slide = addContentSlide(deck, pages.length > 1 ? `${title} (${i + 1} of ${pages.length})` : title, subtitle)
    const body = page.map((r) =>
      r.map((c, j) => ({ text: cellText(c), options: { bold: typeof c === 'string' ? undefined : c.bold, color: typeof c === 'string' ? undefined : c.color, align: columns[j]?.align, fontSize: columns[j]?.fontPt ?? fontPt } }))
    )
    slide.addTable([head, ...body], { x: 0.5, y: top, w: columns.reduce((a, c) => a + c.width, 0), colW: columns.map((c) => c.width), fontFace: DECK_FONT, fontSize: fontPt, color: DECK_COLORS.ink, valign: 'top', border: { type: 'solid', pt: 0.75, color: DECK_COLORS.border }, margin: 0.05, autoPage: false })
    return slide
  })
}

/** Writes the deck: pptxgenjs' package, then the faithful workbooks and compression (`finishDeck`). */
export async function writeDeck(deck: Deck): Promise<Uint8Array> {
  const raw = (await deck.pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array
  return finishDeck(raw, deck.charts)
}
