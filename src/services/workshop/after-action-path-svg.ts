import { ECONOMY_LABELS, SECTORS, SECTOR_LABELS, type Sector } from '../../core'
import { niceCeiling } from '../../shared/axis'
import { SCENARIO_COLORS, SIDE_COLORS } from '../../shared/palette'
import { escapeXml, fitText, SVG_HEIGHT, SVG_WIDTH } from '../export/chart-svg'
import { tickStep } from '../export/chart-spec'
import type { ActionPath } from './after-action-content'

/**
 * The closing picture of the after-action report: each sector's exposure at the start (dashed) and at the end
 * (solid) of the workshop, with every applied move as a numbered marker at its start quarter, and the
 * markers' key beneath. 1920×1080 like every export chart; drawn with the chart-svg helpers' conventions.
 */

// Unquoted family names: resvg does not match quoted ones ('DejaVu Sans' fell back to a serif face here).
const FONT = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif'
const INK = '#1b1f24'
const MUTED = '#5b6470'
const GRID = '#d9dee4'
// The comparison colours (on white, each ≥ 3:1; palette.ts).
const SECTOR_COLOR: Record<Sector, string> = { defense: SCENARIO_COLORS[0], autos: SCENARIO_COLORS[2], electronics: SCENARIO_COLORS[3] }
const PLOT = { left: 130, right: 1450, top: 150, bottom: 640 }
const KEY_TOP = 730
const KEY_ROWS = 9

const n = (v: number) => (Math.round(v * 10) / 10).toString()
const teamColor = (team: string) => (/beijing|china/i.test(team) ? SIDE_COLORS.beijing : /washington|us\b|united/i.test(team) ? SIDE_COLORS.washington : '#6a4c93')

export function renderPathSvg(path: ActionPath, title: string): string {
  const count = path.quarters.length
  const xAt = (i: number) => PLOT.left + (count <= 1 ? 0 : (i * (PLOT.right - PLOT.left)) / (count - 1))
  const max = niceCeiling(Math.max(1, ...SECTORS.flatMap((s) => [...path.start[s], ...path.end[s]])))
  const yAt = (v: number) => PLOT.bottom - (Math.max(0, Math.min(max, v)) / max) * (PLOT.bottom - PLOT.top)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SVG_WIDTH}" height="${SVG_HEIGHT}" viewBox="0 0 ${SVG_WIDTH} ${SVG_HEIGHT}" role="img" font-family="${escapeXml(FONT)}" aria-label="${escapeXml(`${title}: exposure by sector from start to end, with ${path.markers.length} moves as markers`)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${SVG_WIDTH}" height="${SVG_HEIGHT}" fill="#ffffff"/>`,
    `<text x="40" y="70" font-size="44" font-weight="700" fill="${INK}">${escapeXml(fitText(title, 44, SVG_WIDTH - 80))}</text>`,
    `<text x="40" y="112" font-size="26" fill="${MUTED}">Exposure, ${escapeXml(ECONOMY_LABELS[path.economy])} (index 0–100): dashed at the start, solid at the end; numbered markers are the moves</text>`
  ]
  const step = tickStep(max)
  for (let v = 0; v <= max + 1e-9; v += step) {
    out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${n(yAt(v))}" y2="${n(yAt(v))}" stroke="${v === 0 ? INK : GRID}" stroke-width="2"${v === 0 ? '' : ' stroke-dasharray="6 6"'}/>`)
    out.push(`<text x="${PLOT.left - 14}" y="${n(yAt(v) + 9)}" font-size="24" text-anchor="end" fill="${MUTED}">${n(v)}</text>`)
  }
  const every = Math.max(1, Math.ceil(count / 12))
  for (let i = 0; i < count; i += every) out.push(`<text x="${n(xAt(i))}" y="${PLOT.bottom + 36}" font-size="22" text-anchor="middle" fill="${MUTED}">${escapeXml(path.quarters[i])}</text>`)
  // Markers under the curves: a thin line per quarter with moves, numbered chips stacked at the top.
  const byQuarter = new Map<number, number[]>()
  path.markers.forEach((m, k) => byQuarter.set(m.at, [...(byQuarter.get(m.at) ?? []), k]))
  for (const [at, ks] of byQuarter) {
    const x = n(xAt(at))
    out.push(`<line x1="${x}" x2="${x}" y1="${PLOT.top}" y2="${PLOT.bottom}" stroke="${MUTED}" stroke-width="2" stroke-dasharray="3 5"/>`)
    ks.slice(0, 6).forEach((k, j) => {
      const m = path.markers[k]
      const y = PLOT.top - 4 + j * 34
      out.push(`<g data-marker="${k + 1}"><circle cx="${x}" cy="${y + 14}" r="15" fill="${teamColor(m.team)}"/><text x="${x}" y="${y + 22}" font-size="20" font-weight="700" text-anchor="middle" fill="#ffffff">${k + 1}</text></g>`)
    })
  }
  for (const s of SECTORS) {
    const d = (vs: number[]) => vs.map((v, i) => `${i === 0 ? 'M' : 'L'}${n(xAt(i))},${n(yAt(v))}`).join('')
    out.push(`<path data-series="start-${s}" d="${d(path.start[s])}" fill="none" stroke="${SECTOR_COLOR[s]}" stroke-width="3" stroke-dasharray="12 8" opacity="0.8"/>`)
    out.push(`<path data-series="end-${s}" d="${d(path.end[s])}" fill="none" stroke="${SECTOR_COLOR[s]}" stroke-width="6" stroke-linejoin="round"/>`)
  }
  out.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="${GRID}" stroke-width="2"/>`)
  // Sector legend right of the plot.
  SECTORS.forEach((s, i) => {
    const y = PLOT.top + 20 + i * 50
    out.push(`<line x1="1490" x2="1540" y1="${y}" y2="${y}" stroke="${SECTOR_COLOR[s]}" stroke-width="6"/><text x="1555" y="${y + 9}" font-size="26" fill="${INK}">${SECTOR_LABELS[s]}</text>`)
  })
  out.push(`<line x1="1490" x2="1540" y1="${PLOT.top + 180}" y2="${PLOT.top + 180}" stroke="${MUTED}" stroke-width="3" stroke-dasharray="12 8"/><text x="1555" y="${PLOT.top + 189}" font-size="24" fill="${MUTED}">at the start</text>`)
  // The markers' key, two columns.
  out.push(`<text x="40" y="${KEY_TOP - 20}" font-size="26" font-weight="700" fill="${INK}">Moves</text>`)
  const shown = path.markers.slice(0, KEY_ROWS * 2)
  // One full-width column while the moves fit in it; two half-width columns beyond.
  const columnWidth = shown.length > KEY_ROWS ? 880 : SVG_WIDTH - 140
  shown.forEach((m, k) => {
    const col = Math.floor(k / KEY_ROWS)
    const x = 40 + col * 930
    const y = KEY_TOP + (k % KEY_ROWS) * 36
    out.push(`<circle cx="${x + 14}" cy="${y + 4}" r="14" fill="${teamColor(m.team)}"/><text x="${x + 14}" y="${y + 11}" font-size="18" font-weight="700" text-anchor="middle" fill="#ffffff">${k + 1}</text>`)
    out.push(`<text x="${x + 38}" y="${y + 12}" font-size="22" fill="${INK}">${escapeXml(fitText(`R${m.round} · ${m.team}: ${m.label}`, 22, columnWidth))}</text>`)
  })
  if (path.markers.length > shown.length) out.push(`<text x="40" y="${KEY_TOP + KEY_ROWS * 36 + 10}" font-size="22" fill="${MUTED}">… ${path.markers.length - shown.length} more moves in the moves log</text>`)
  if (path.markers.length === 0) out.push(`<text x="40" y="${KEY_TOP + 12}" font-size="22" fill="${MUTED}">No round has been applied yet.</text>`)
  out.push('</svg>')
  return out.join('\n')
}
