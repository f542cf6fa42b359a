import { ECONOMY_LABELS, SECTOR_LABELS } from '../../core'
import { niceCeiling } from '../../shared/axis'
import { escapeXml as esc } from '../export/chart-svg'
import { fmt } from '../export/content'
import { footerTemplate, type PrintableReport } from '../export/report-html'
import { startedFrom, type AfterActionContent, type ActionRound } from './after-action-content'
import { renderPathSvg } from './after-action-path-svg'

/**
 * The after-action report as a printable HTML document (A4 landscape, inline SVG, no scripts), printed to
 * PDF by the same printer as the scenario report: the deck's content, one round per page.
 */
export function buildAfterActionReport(c: AfterActionContent): PrintableReport {
  const sections = [
    `<section><h1>${esc(c.title)}</h1><p class="sub">${esc(c.subtitle)}</p><p>${esc(startedFrom(c))} · exported ${esc(c.date)}</p>
<table class="scores"><thead><tr><th>Team</th>${c.rounds.map((r) => `<th>Round ${r.number}</th>`).join('')}<th>Score</th></tr></thead><tbody>
${c.scores.map((s) => `<tr><th>${esc(s.team)}</th>${s.perRound.map((p) => `<td>${p}</td>`).join('')}<td><b>${s.total}</b></td></tr>`).join('\n')}
</tbody></table></section>`,
    ...c.rounds.map(roundSection),
    `<section class="path"><h2>The whole path</h2><p class="sub">Exposure by sector, ${esc(ECONOMY_LABELS[c.path.economy])}: start (dashed) and end (solid); each applied move as a numbered marker at its start</p><figure>${renderPathSvg(c.path, `${c.title}: the whole path`)}</figure></section>`
  ]
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(c.title)} — after-action report</title><style>
@page { size: A4 landscape; margin: 12mm 12mm 16mm; }
body { font: 11pt Arial, 'Liberation Sans', sans-serif; color: #1b1f24; margin: 0; }
section { page-break-after: always; } section:last-child { page-break-after: auto; }
h1 { font-size: 26pt; margin: 0 0 4mm; } h2 { font-size: 18pt; margin: 0 0 2mm; } .sub { color: #5b6470; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; } th, td { border: 1px solid #d6dbe1; padding: 1mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #1f4e9c; color: #fff; } .num { text-align: right; } .withdrawn { color: #5b6470; font-style: italic; }
.bar { display: inline-block; height: 3mm; background: #1f4e9c; vertical-align: middle; } .bar.before { background: #9aa0a6; }
.scores { width: auto; } h3 { font-size: 12pt; margin: 3mm 0 1mm; break-after: avoid; } tr { break-inside: avoid; }
.round-grid { display: grid; grid-template-columns: 1.25fr 1fr; gap: 6mm; break-inside: avoid; } figure { margin: 0; } figure svg { width: 100%; height: auto; max-height: 160mm; }
</style></head><body>${sections.join('\n')}</body></html>`
  return { html, footerTemplate: footerTemplate(`Workshop: ${c.title} · after-action report · exported ${c.date} · Chokepoint`) }
}

function roundSection(r: ActionRound): string {
  const moves = r.moves.length === 0
    ? '<p>No move was recorded in this round.</p>'
    : `<table><thead><tr><th>Team</th><th>Move</th><th>Rationale</th></tr></thead><tbody>${r.moves
        .map((m) => `<tr class="${m.withdrawn ? 'withdrawn' : ''}"><th>${esc(m.team)}</th><td>${m.withdrawn ? '(withdrawn) ' : ''}${esc(m.description)}</td><td>${esc(m.rationale || '—')}</td></tr>`)
        .join('')}</tbody></table>`
  // Bars on the screen's y-axis steps (60 mm = the ceiling), so small changes stay visible.
  const mmPerPoint = 60 / niceCeiling(Math.max(1, ...r.exposure.flatMap((x) => [x.before, x.after])))
  const exposure = `<table><thead><tr><th>Sector</th><th class="num">Before</th><th class="num">${r.applied ? 'After' : 'With moves so far'}</th><th>Change (grey: before, blue: ${r.applied ? 'after' : 'with moves'})</th></tr></thead><tbody>${r.exposure
    .map((x) => `<tr><td>${SECTOR_LABELS[x.sector]} (${esc(ECONOMY_LABELS[x.economy])})</td><td class="num">${x.before.toFixed(1)}</td><td class="num">${x.after.toFixed(1)}</td><td><span class="bar before" style="width:${(x.before * mmPerPoint).toFixed(1)}mm"></span><br><span class="bar" style="width:${(x.after * mmPerPoint).toFixed(1)}mm"></span></td></tr>`)
    .join('')}</tbody></table>`
  const outcome = r.outcome ? `<p><b>Moved most: ${esc(r.outcome.mostMoved)}. Outcome, ${esc(r.outcome.of)}: ${(Math.round(r.outcome.figure * 10) / 10).toFixed(1)}.</b></p>` : '<p>Not applied yet: no outcome.</p>'
  const predictions = r.predictions.length === 0
    ? '<p>No predictions were taken this round.</p>'
    : `<table><thead><tr><th>Team</th><th>Moves most</th><th class="num">Figure</th><th class="num">Points</th></tr></thead><tbody>${r.predictions
        .map((p) => `<tr><th>${esc(p.team)}</th><td>${esc(p.sector)}</td><td class="num">${fmt(p.figure)}</td><td class="num">${r.outcome ? p.sectorPoints + p.figurePoints : '—'}</td></tr>`)
        .join('')}</tbody></table>`
  return `<section><h2>Round ${r.number}${r.applied ? '' : ' (open)'}</h2><p class="sub">Predictions on ${esc(r.kpiLabel)}</p>
<h3>Moves</h3>${moves}<div class="round-grid"><div><h3>Peak exposure by sector (index 0–100)</h3>${exposure}</div><div><h3>Predictions against the outcome</h3>${outcome}${predictions}</div></div></section>`
}
