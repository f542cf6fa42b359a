import { SERIES_FILL_OPACITY } from '../../shared/palette'
import { hasPart, stackLevels } from '../../shared/stack'
import { inForceText, stampLines, tickStep, type ChartSeries, type ChartSpec, type LineDash } from './chart-spec'
import { xmlSafe } from './safe-text'
import { ellipsize, wrapText as wrapMeasured } from './text-fit'

/**
 * Draws a chart spec as a standalone SVG document, 1920×1080 user units (16:9), light theme: title, axes
 * with titles, gridlines, stacked areas, lines, band, an SVG legend (the app's recharts legend is HTML and
 * would be lost) and a footer stamping scenario, date, versions and key assumptions.
 * Pure string building, no DOM: the same SVG is downloaded, rasterised to PNG and used by the report.
 */

export const SVG_WIDTH = 1920
export const SVG_HEIGHT = 1080

const FONT = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif"
const INK = '#1b1f24'
const MUTED = '#5b6470'
const GRID = '#d9dee4'

// Layout (user units). The legend sits right of the plot; the footer spans the bottom.
const PLOT = { left: 150, right: 1400, top: 190, bottom: 830 }
const LEGEND = { left: 1450, top: 200, width: 420, rowHeight: 38, swatch: 30 }
const FOOTER_TOP = 940

/** Escapes text for SVG/XML content and attributes; characters XML forbids become U+FFFD. */
export const escapeXml = (s: string) =>
  xmlSafe(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)

/** Cuts a text to `maxWidth` user units at `fontSize`, with an ellipsis (widths measured per character). */
export const fitText = (text: string, fontSize: number, maxWidth: number): string => ellipsize(text.replace(/[\r\n\t]+/g, ' '), fontSize, maxWidth)

/** Breaks a text into at most `maxLines` lines of `maxWidth` user units; the last one ends in … if cut. */
export const wrapText = (text: string, fontSize: number, maxWidth: number, maxLines: number): string[] =>
  wrapMeasured(text.replace(/[\r\n\t]+/g, ' ').trim(), fontSize, maxWidth, maxLines).filter((l, i) => l !== '' || i === 0)

/** Indices of the labelled quarters: every second (fourth past 24), counted back from the last, so the last is labelled. */
export function labelledQuarters(count: number): number[] {
  const every = count <= 12 ? 1 : count <= 24 ? 2 : 4
  const out: number[] = []
  for (let i = count - 1; i >= 0; i -= every) out.unshift(i)
  return out
}

const n = (v: number) => (Math.round(v * 10) / 10).toString()

export function renderChartSvg(spec: ChartSpec): string {
  const count = spec.categories.length
  const xAt = (i: number) => PLOT.left + (count <= 1 ? 0 : (i * (PLOT.right - PLOT.left)) / (count - 1))
  const span = spec.yMax - spec.yMin
  const yAt = (v: number) => PLOT.bottom - ((Math.max(spec.yMin, Math.min(spec.yMax, v)) - spec.yMin) / span) * (PLOT.bottom - PLOT.top)
  const parts: string[] = []
  const label = `${spec.title}. ${spec.yTitle} by quarter, ${spec.categories[0] ?? ''} to ${spec.categories[count - 1] ?? ''}.`

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${SVG_HEIGHT}" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(FONT)}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<desc>${escapeXml(label)}</desc>`,
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left - 90}" y="86" font-size="46" font-weight="700" fill="${INK}">${escapeXml(fitText(spec.title, 46, SVG_WIDTH - 120))}</text>`,
    `<text x="${PLOT.left - 90}" y="136" font-size="28" fill="${MUTED}">${escapeXml(fitText(spec.subtitle, 28, SVG_WIDTH - 120))}</text>`
  )
  // Measures in force since before the first quarter: their start has no place on the x axis, so they are
  // named above the plot rather than drawn as a marker on the y-axis.
  // The items that fit on the line, with how many more (all of them in the text's tooltip title).
  if (spec.inForce) {
    const line = inForceText(spec.inForce, { size: 22, maxWidth: PLOT.right - PLOT.left + 80 })
    parts.push(`<text data-in-force="true" x="${PLOT.left - 90}" y="${PLOT.top - 16}" font-size="22" fill="${MUTED}"><title>${escapeXml(inForceText(spec.inForce))}</title>${escapeXml(line)}</text>`)
  }

  // Grid and value axis.
  const step = tickStep(span)
  for (let v = Math.ceil(spec.yMin / step) * step; v <= spec.yMax + 1e-9; v += step) {
    const y = n(yAt(v))
    parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}" stroke="${v === 0 ? INK : GRID}" stroke-width="2"${v === 0 ? '' : ' stroke-dasharray="6 6"'}/>`)
    parts.push(`<text x="${PLOT.left - 16}" y="${n(yAt(v) + 9)}" font-size="26" text-anchor="end" fill="${MUTED}">${n(v)}</text>`)
  }
  const yMid = (PLOT.top + PLOT.bottom) / 2
  parts.push(`<text transform="translate(${PLOT.left - 100} ${yMid}) rotate(-90)" font-size="28" text-anchor="middle" fill="${INK}">${escapeXml(spec.yTitle)}</text>`)

  // Category axis: every second quarter and always the last, so labels never collide and the end is named.
  parts.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}" stroke="${INK}" stroke-width="2"/>`)
  for (const i of labelledQuarters(count)) {
    const x = n(xAt(i))
    parts.push(`<line x1="${x}" x2="${x}" y1="${PLOT.bottom}" y2="${PLOT.bottom + 10}" stroke="${INK}" stroke-width="2"/>`)
    // "2025 Q2" on two lines (Q2 over 2025): wide fallback fonts made neighbouring labels touch.
    const [year, quarter] = spec.categories[i].split(' ')
    const label = quarter ? `<tspan x="${x}">${escapeXml(quarter)}</tspan><tspan x="${x}" dy="26">${escapeXml(year)}</tspan>` : escapeXml(spec.categories[i])
    parts.push(`<text x="${x}" y="${PLOT.bottom + 38}" font-size="24" text-anchor="middle" fill="${MUTED}">${label}</text>`)
  }
  parts.push(`<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 100}" font-size="26" text-anchor="middle" fill="${INK}">${escapeXml(spec.xTitle)}</text>`)

  // Data: stacked areas, then the band, then lines on top.
  const levels = stackLevels(spec.stacked.map((s) => s.values))
  spec.stacked.forEach((s, k) => {
    // A series' positive and negative parts, each on its own side of zero (a part it never has is left out).
    const d = (['up', 'down'] as const)
      .filter((side) => hasPart(levels, k, side))
      .map((side) => {
        const upper = levels.map((l, i) => `${n(xAt(i))},${n(yAt(l[k][side][1]))}`)
        const lower = levels.map((l, i) => `${n(xAt(i))},${n(yAt(l[k][side][0]))}`).reverse()
        return `M${upper.join('L')}L${lower.join('L')}Z`
      })
      .join('')
    // No outline: a layer at zero height would otherwise draw its edge along the whole top of the stack.
    if (d) parts.push(`<path data-series="${escapeXml(s.key)}" d="${d}" fill="${s.color}" fill-opacity="${SERIES_FILL_OPACITY}" stroke="none"/>`)
  })
  if (spec.band) {
    const upper = spec.band.high.map((v, i) => `${n(xAt(i))},${n(yAt(v))}`)
    const lower = spec.band.low.map((v, i) => `${n(xAt(i))},${n(yAt(v))}`).reverse()
    // Over the stack, light, with thin solid edges: an envelope that leaves the stack readable beneath it and
    // cannot be taken for the dashed "No measures" line (issue 12).
    parts.push(`<path data-series="band" d="M${upper.join('L')}L${lower.join('L')}Z" fill="${spec.band.color}" fill-opacity="0.14" stroke="none"/>`)
    for (const edge of [upper, [...lower].reverse()]) {
      parts.push(`<path d="M${edge.join('L')}" fill="none" stroke="${spec.band.color}" stroke-width="1" stroke-opacity="0.7"/>`)
    }
  }
  for (const s of spec.lines) {
    // A gap (null) starts a new sub-path, so the line breaks rather than dropping to 0.
    const d = s.values.map((v, i) => (v === null ? '' : `${i === 0 || s.values[i - 1] === null ? 'M' : 'L'}${n(xAt(i))},${n(yAt(v))}`)).join('')
    parts.push(`<path data-series="${escapeXml(s.key)}" d="${d}" fill="none" stroke="${s.color}" stroke-width="5"${dashArray(s.dash, 'line')} stroke-linejoin="round"/>`)
  }
  parts.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="${GRID}" stroke-width="2"/>`)

  parts.push(renderLegend(spec))

  // Footer stamp.
  const [head, assumptions] = stampLines(spec.stamp, { size: 23, maxWidth: SVG_WIDTH - 120 })
  parts.push(`<line x1="60" x2="${SVG_WIDTH - 60}" y1="${FOOTER_TOP}" y2="${FOOTER_TOP}" stroke="${GRID}" stroke-width="2"/>`)
  parts.push(`<text x="60" y="${FOOTER_TOP + 38}" font-size="23" fill="${INK}">${escapeXml(fitText(head, 23, SVG_WIDTH - 120))}</text>`)
  wrapText(assumptions, 22, SVG_WIDTH - 120, 2).forEach((line, i) => {
    parts.push(`<text x="60" y="${FOOTER_TOP + 74 + i * 32}" font-size="22" fill="${MUTED}">${escapeXml(line)}</text>`)
  })
  parts.push('</svg>')
  return parts.join('\n')
}

type LegendItem = { name: string; color: string; kind: 'area' | 'line' | 'band' | LineDash }

/** SVG dash pattern of a line pattern, at plot or legend scale. */
function dashArray(dash: LineDash | undefined, where: 'line' | 'legend'): string {
  const patterns: Record<LineDash, [string, string]> = { dash: ['16 10', '9 5'], dot: ['4 7', '3 4'], dashdot: ['18 7 4 7', '9 3 2 3'] }
  return dash ? ` stroke-dasharray="${patterns[dash][where === 'line' ? 0 : 1]}"` : ''
}

/** Legend entries top to bottom: lines first, then the stack from the top layer down (as it reads). */
export function legendItems(spec: ChartSpec): LegendItem[] {
  const items: LegendItem[] = spec.lines.map((s: ChartSeries) => ({ name: s.name, color: s.color, kind: s.dash ?? 'line' }))
  if (spec.band) items.push({ name: spec.band.name, color: spec.band.color, kind: 'band' })
  for (const s of [...spec.stacked].reverse()) items.push({ name: s.name, color: s.color, kind: 'area' })
  return items
}

function renderLegend(spec: ChartSpec): string {
  const items = legendItems(spec)
  const textWidth = LEGEND.width - LEGEND.swatch - 14
  const out = [`<g data-legend="true">`, `<text x="${LEGEND.left}" y="${LEGEND.top - 16}" font-size="26" font-weight="700" fill="${INK}">Legend</text>`]
  let y = LEGEND.top
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const lines = wrapText(item.name, 24, textWidth, 2)
    const height = LEGEND.rowHeight + (lines.length - 1) * 28
    // Past the plot's bottom: say how many entries did not fit instead of clipping them.
    if (y + height > PLOT.bottom + LEGEND.rowHeight && i < items.length - 1) {
      out.push(`<text x="${LEGEND.left}" y="${y + 26}" font-size="24" fill="${MUTED}">… ${items.length - i} more (see the CSV)</text>`)
      break
    }
    const midY = y + LEGEND.rowHeight / 2
    if (item.kind === 'area' || item.kind === 'band') {
      const band = item.kind === 'band'
      out.push(`<rect x="${LEGEND.left}" y="${y + 6}" width="${LEGEND.swatch}" height="${LEGEND.rowHeight - 14}" rx="3" fill="${item.color}" fill-opacity="${band ? '0.2' : SERIES_FILL_OPACITY}" stroke="${item.color}" stroke-width="${band ? 1 : 2}"/>`)
    } else {
      out.push(`<line x1="${LEGEND.left}" x2="${LEGEND.left + LEGEND.swatch}" y1="${midY}" y2="${midY}" stroke="${item.color}" stroke-width="5"${dashArray(item.kind === 'line' ? undefined : item.kind, 'legend')}/>`)
    }
    lines.forEach((line, k) => out.push(`<text x="${LEGEND.left + LEGEND.swatch + 14}" y="${midY + 9 + k * 28}" font-size="24" fill="${INK}">${escapeXml(line)}</text>`))
    y += height
  }
  out.push('</g>')
  return out.join('\n')
}
