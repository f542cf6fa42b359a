import PptxGenJS from 'pptxgenjs'
import { ECONOMY_LABELS, SECTOR_LABELS } from '../../core'
import { niceCeiling } from '../../shared/axis'
import { fmt } from '../export/content'
import { svgToPng } from '../export/raster'
import { startedFrom, type ActionRound, type AfterActionContent } from './after-action-content'
import { renderPathSvg } from './after-action-path-svg'

/**
 * The after-action deck (16:9, pptxgenjs as the scenario deck): title with the final scores; per round the
 * moves and rationales, then what the round did (each sector's peak exposure before and after as a native,
 * editable bar chart, and the predictions against the outcome); the whole path as the closing slide.
 */

const W = 13.333
const FONT = 'Arial'
const INK = '1B1F24'
const MUTED = '5B6470'
const BORDER = 'D6DBE1'
const ACCENT = '1F4E9C'
const MASTER = 'AFTER_ACTION'
const MOVES_PER_SLIDE = 7

type Cell = PptxGenJS.TableCell
const head = (text: string): Cell => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: ACCENT } } })

export async function buildAfterActionDeck(c: AfterActionContent): Promise<Uint8Array> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.author = 'Chokepoint'
  pptx.title = `${c.title} — after-action report`
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } } },
      { line: { x: 0.5, y: 6.95, w: W - 1, h: 0, line: { color: BORDER, width: 1 } } },
      { text: { text: `Workshop: ${c.title} · after-action report · exported ${c.date} · Chokepoint`, options: { x: 0.5, y: 7.0, w: W - 2, h: 0.35, fontFace: FONT, fontSize: 10, color: MUTED, fit: 'shrink' } } }
    ],
    slideNumber: { x: W - 1.1, y: 7.0, w: 0.6, h: 0.35, fontFace: FONT, fontSize: 10, color: MUTED, align: 'right' }
  })
  const slide = (title: string, subtitle?: string) => {
    const s = pptx.addSlide({ masterName: MASTER })
    s.addText(title, { x: 0.5, y: 0.3, w: W - 1, h: 0.7, fontFace: FONT, fontSize: 28, bold: true, color: INK, fit: 'shrink' })
    if (subtitle) s.addText(subtitle, { x: 0.5, y: 0.95, w: W - 1, h: 0.4, fontFace: FONT, fontSize: 14, color: MUTED, fit: 'shrink' })
    return s
  }

  // Title, with the scores so the room sees the result first.
  const t = pptx.addSlide({ masterName: MASTER })
  t.addShape('rect', { x: 0, y: 0, w: 0.35, h: 7.5, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } })
  t.addText(c.title, { x: 0.9, y: 1.0, w: W - 1.8, h: 1.2, fontFace: FONT, fontSize: 40, bold: true, color: INK, fit: 'shrink', valign: 'bottom' })
  t.addText(c.subtitle, { x: 0.9, y: 2.3, w: W - 1.8, h: 0.6, fontFace: FONT, fontSize: 20, color: MUTED, fit: 'shrink' })
  // Two lines' room (up to the scores table) for a long starting scenario's name.
  t.addText(`${startedFrom(c)} · exported ${c.date}`, { x: 0.9, y: 2.9, w: W - 1.8, h: 0.75, fontFace: FONT, fontSize: 16, color: INK, valign: 'top', fit: 'shrink' })
  t.addTable(
    [[head('Team'), ...c.rounds.map((r) => head(`Round ${r.number}`)), head('Score')], ...c.scores.map((s): Cell[] => [{ text: s.team, options: { bold: true } }, ...s.perRound.map((p) => ({ text: String(p), options: { align: 'right' as const } })), { text: String(s.total), options: { bold: true, align: 'right' } }])],
    { x: 0.9, y: 3.7, w: Math.min(W - 1.8, 2.6 + 1.3 * (c.rounds.length + 1)), fontFace: FONT, fontSize: 16, color: INK, border: { type: 'solid', pt: 0.75, color: BORDER }, margin: 0.06 }
  )

  for (const r of c.rounds) {
    movesSlides(r, slide)
    outcomeSlide(pptx, r, slide)
  }

  const path = slide('The whole path', `Exposure by sector, ${ECONOMY_LABELS[c.path.economy]}: start (dashed) and end (solid); each applied move as a numbered marker at its start`)
  const png = svgToPng(renderPathSvg(c.path, `${c.title}: the whole path`))
  path.addImage({ data: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, x: 0.9, y: 1.4, w: 9.6, h: 5.4, altText: `Exposure curves from start to end with ${c.path.markers.length} moves as markers` })
  path.addNotes(c.path.markers.map((m, i) => `${i + 1}. Round ${m.round}, ${m.team}: ${m.label}`).join('\n') || 'No round applied.')

  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

function movesSlides(r: ActionRound, slide: (title: string, subtitle?: string) => PptxGenJS.Slide) {
  const pages = Math.max(1, Math.ceil(r.moves.length / MOVES_PER_SLIDE))
  for (let p = 0; p < pages; p++) {
    const s = slide(`Round ${r.number} — moves${pages > 1 ? ` (${p + 1} of ${pages})` : ''}`, `${r.moves.length} move${r.moves.length === 1 ? '' : 's'}${r.applied ? '' : ' · round still open'} · withdrawn moves are marked and were not applied`)
    const rows = r.moves.slice(p * MOVES_PER_SLIDE, (p + 1) * MOVES_PER_SLIDE)
    if (rows.length === 0) {
      s.addText('No move was recorded in this round.', { x: 0.5, y: 1.6, w: W - 1, h: 0.8, fontFace: FONT, fontSize: 18, color: INK })
      continue
    }
    const body = rows.map((m): Cell[] => [
      { text: m.team, options: { bold: true } },
      { text: m.withdrawn ? `(withdrawn) ${m.description}` : m.description, options: { color: m.withdrawn ? MUTED : INK, italic: m.withdrawn } },
      { text: m.rationale || '—', options: { color: m.rationale && !m.withdrawn ? INK : MUTED, italic: m.withdrawn } }
    ])
    s.addTable([[head('Team'), head('Move'), head('Rationale')], ...body], { x: 0.5, y: 1.5, w: W - 1, colW: [1.6, 5.4, W - 1 - 7], fontFace: FONT, fontSize: 13, color: INK, valign: 'top', border: { type: 'solid', pt: 0.75, color: BORDER }, margin: 0.06, autoPage: false })
  }
}

function outcomeSlide(pptx: PptxGenJS, r: ActionRound, slide: (title: string, subtitle?: string) => PptxGenJS.Slide) {
  const s = slide(`Round ${r.number} — what it did`, `Peak exposure by sector (index 0–100), before and ${r.applied ? 'after' : 'with the moves so far (not applied)'} · predictions on ${r.kpiLabel}`)
  const labels = r.exposure.map((x) => `${SECTOR_LABELS[x.sector]} (${x.economy === 'us' ? 'US' : 'CN'})`)
  // The screen's y-axis steps, not a fixed 0–100: a move from 1.8 to 1.9 must not vanish in a 100-point axis.
  const top = niceCeiling(Math.max(1, ...r.exposure.flatMap((x) => [x.before, x.after])))
  s.addChart(pptx.ChartType.bar, [
    { name: 'Before the round', labels, values: r.exposure.map((x) => x.before) },
    { name: r.applied ? 'After the round' : 'With the moves so far', labels, values: r.exposure.map((x) => x.after) }
  ], {
    x: 0.4, y: 1.45, w: 7.4, h: 5.4, barDir: 'col', barGrouping: 'clustered', chartColors: ['9AA0A6', ACCENT], showLegend: true, legendPos: 'b', legendFontSize: 12, legendFontFace: FONT,
    catAxisLabelFontSize: 12, catAxisLabelFontFace: FONT, catAxisLabelColor: INK, valAxisMinVal: 0, valAxisMaxVal: top, valAxisMajorUnit: top / 5, valAxisLabelFontSize: 11, valAxisLabelColor: MUTED,
    showValue: true, dataLabelFontSize: 10, dataLabelFormatCode: '0.0', dataLabelColor: INK, valGridLine: { color: BORDER, size: 0.75, style: 'dash' },
    altText: `Round ${r.number}: peak exposure before and after, by sector`
  })
  const outcome = r.outcome ? `Moved most: ${r.outcome.mostMoved}. Outcome, ${r.outcome.of}: ${(Math.round(r.outcome.figure * 10) / 10).toFixed(1)}.` : 'Not applied yet: no outcome.'
  s.addText(outcome, { x: 8.1, y: 1.5, w: 4.8, h: 0.8, fontFace: FONT, fontSize: 16, bold: true, color: INK, valign: 'top', fit: 'shrink' })
  if (r.predictions.length === 0) {
    s.addText('No predictions were taken this round.', { x: 8.1, y: 2.4, w: 4.8, h: 0.6, fontFace: FONT, fontSize: 14, color: MUTED })
    return
  }
  const rows = r.predictions.map((p): Cell[] => [
    { text: p.team, options: { bold: true } },
    { text: p.sector },
    { text: fmt(p.figure), options: { align: 'right' } },
    { text: r.outcome ? String(p.sectorPoints + p.figurePoints) : '—', options: { align: 'right', bold: true } }
  ])
  s.addTable([[head('Team'), head('Moves most'), head('Figure'), head('Points')], ...rows], { x: 8.1, y: 2.4, w: 4.8, colW: [1.5, 1.4, 0.95, 0.95], fontFace: FONT, fontSize: 13, color: INK, border: { type: 'solid', pt: 0.75, color: BORDER }, margin: 0.06 })
}
