import { SECTOR_LABELS } from '../../core'
import { stampLines } from './chart-spec'
import { escapeXml as esc, renderChartSvg } from './chart-svg'
import { fmt, type Kpi, type ReportContent } from './content'
import { headlineDrivers, pct, signedPoints } from './insights'
import { isolateBidi } from './safe-text'

/** A report ready to print: the HTML document and the footer (HTML) repeated on every page. */
export type PrintableReport = { html: string; footerTemplate: string }

/**
 * The footer the printer repeats on every page: the stamp and the page number (Chromium's and Electron's
 * print templates fill `pageNumber`/`totalPages`; they need inline styles and an explicit font size).
 */
export function footerTemplate(stampHead: string): string {
  return `<div style="font: 8px Arial, 'Liberation Sans', sans-serif; color: #5b6470; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;"><span>${esc(stampHead)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}

/**
 * The printable report: the deck's content as one self-contained HTML document (A4 landscape, inline SVG
 * charts, no scripts, no external resources), printed to PDF by Chromium or Electron.
 */
export function buildReport(c: ReportContent): PrintableReport {
  // The printer's footer is 8 px across A4 landscape less margins (≈ 1,030 px).
  const [head] = stampLines(c.stamp, { size: 8, maxWidth: 900 })
  return { html: buildReportHtml(c), footerTemplate: footerTemplate(head) }
}

/** The report's HTML document alone. */
export function buildReportHtml(c: ReportContent): string {
  const [, assumptions] = stampLines(c.stamp)
  const sections: string[] = []

  sections.push(`<section class="title-page">
  <h1>${esc(c.title)}</h1>
  <p class="subtitle">${esc(c.subtitle)}</p>
  <ul class="facts">
    <li>Horizon ${esc(c.horizon)} · exported ${esc(c.stamp.date)}</li>
    <li>Chokepoint ${esc(c.stamp.appVersion)} · model ${esc(c.stamp.modelVersion)} · dataset ${esc(c.stamp.datasetVersion)}</li>
    ${c.comparison ? `<li>Compared with: ${esc(c.comparison.names.slice(1).map(isolateBidi).join(', '))}</li>` : ''}
    ${c.tags.length > 0 ? `<li>Tags: ${esc(c.tags.map(isolateBidi).join(', '))}</li>` : ''}
  </ul>
  ${c.notes.trim() ? `<p class="notes">${esc(c.notes.trim())}</p>` : ''}
  <p class="assumptions">${esc(assumptions)}</p>
</section>`)

  sections.push(`<section>
  <h2>Executive summary</h2>
  <ul class="summary">${c.summary.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>
</section>`)

  // A comparison comes first, as in the deck.
  if (c.comparison) {
    for (const ch of c.comparison.charts) {
      sections.push(`<section class="chart-page">
  <h2>${esc(ch.takeaway)}</h2>
  <figure>${renderChartSvg(ch.chart)}</figure>
  ${kpiTable(c.comparison.kpis.filter((k) => k.sector === ch.sector), c.threshold, ch.chart.categories.length, false)}
</section>`)
    }
    sections.push(`<section>
  <h2>Comparison: key figures</h2>
  ${kpiTable(c.comparison.kpis, c.threshold, c.sectors[0]?.chart.categories.length ?? 0, true)}
</section>`)
  }

  for (const s of c.sectors) {
    sections.push(`<section class="chart-page">
  <h2>${esc(s.takeaway)}</h2>
  <figure>${renderChartSvg(s.chart)}</figure>
  ${kpiTable([s.kpi], c.threshold, c.sectors[0]?.chart.categories.length ?? 0, false)}
</section>`)
  }
  sections.push(`<section class="chart-page">
  <h2>${esc(c.cost.takeaway)}</h2>
  <figure>${renderChartSvg(c.cost.chart)}</figure>
</section>`)

  sections.push(`<section>
  <h2>Active measures</h2>
  ${
    c.measures.length === 0
      ? '<p>No measure is on in this scenario: the charts show the baseline with no policy shock.</p>'
      : `<table><thead><tr><th>Side</th><th>Measure</th><th>Instrument</th><th>Instrument dates</th><th>In this scenario</th><th>Setting</th></tr></thead><tbody>
${c.measures.map((m) => `<tr><td class="side-${m.side.toLowerCase()}">${esc(m.side)}</td><td>${esc(m.title)}</td><td>${esc(m.instrument)}</td><td>${esc(m.instrumentDates)}</td><td>${esc(m.scenarioDates)}</td><td>${esc(m.setting)}</td></tr>`).join('\n')}
</tbody></table>`
  }
  ${c.triggers.length > 0 ? `<h3>Counter-measure triggers</h3><ul>${c.triggers.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}
</section>`)

  sections.push(`<section>
  <h2>Assumptions</h2>
  <p>Overrides of the baseline dataset ${esc(c.stamp.datasetVersion)}; every other figure is the baseline.</p>
  ${
    c.overrides.length === 0
      ? '<p>No overrides: every figure is the baseline dataset, each with its source.</p>'
      : `<table><thead><tr><th>Assumption</th><th>Baseline</th><th>Override</th><th>Unit</th><th>Source (confidence)</th></tr></thead><tbody>
${c.overrides.map((o) => `<tr><td>${esc(o.label)}</td><td class="num">${o.baseline === null ? '—' : esc(fmt(o.baseline))}</td><td class="num"><strong>${esc(fmt(o.value))}</strong></td><td>${esc(o.unit)}</td><td class="source">${esc(o.source)} (${esc(o.confidence)})</td></tr>`).join('\n')}
</tbody></table>`
  }
</section>`)

  const drivers = c.sectors.flatMap((s) => headlineDrivers(s.drivers).map((d) => ({ sector: s.sector, d })))
  sections.push(`<section>
  <h2>Sources and caveats</h2>
  <p>${esc(`${c.sources.provenance.guesses} of ${c.sources.provenance.inputs} inputs are modelling guesses.`)}</p>
  ${
    drivers.length === 0
      ? '<p>No sector has exposure above zero: no driver to name.</p>'
      : `<table><thead><tr><th>Driver of a headline figure</th><th>Sector</th><th>Index points at the peak</th><th>Share of what adds to the peak</th><th>Confidence</th><th>Source</th></tr></thead><tbody>
${drivers.map(({ sector, d }) => `<tr><td>${esc(d.name)}</td><td>${esc(SECTOR_LABELS[sector])}</td><td class="num">${esc(signedPoints(d.value))}</td><td class="num">${d.effect === 'adds' ? pct(d.share) : 'relief'}</td><td>${esc(d.confidence)}${d.guess ? ' (setting is a guess)' : ''}</td><td class="source">${esc(d.source)}</td></tr>`).join('\n')}
</tbody></table>`
  }
  <h3>How to read these figures</h3>
  <ul>${[...c.sources.indexMeaning, ...c.sources.caveats].map((t) => `<li>${esc(t)}</li>`).join('')}</ul>
</section>`)

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(c.title)} — Chokepoint report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`
}

function kpiTable(kpis: Kpi[], threshold: number, quarters: number, withSector: boolean): string {
  const rows = kpis
    .map(
      (k) =>
        `<tr><td>${esc(k.scenario)}</td>${withSector ? `<td>${esc(SECTOR_LABELS[k.sector])}</td>` : ''}<td class="num">${esc(fmt(k.peak))}</td><td>${esc(k.peakQuarter)}</td><td class="num">${k.quartersAbove} of ${quarters}</td><td class="num">${esc(fmt(k.peakCost))}</td></tr>`
    )
    .join('\n')
  return `<table class="kpis"><thead><tr><th>Scenario</th>${withSector ? '<th>Sector</th>' : ''}<th>Peak exposure (index 0–100)</th><th>Quarter of peak</th><th>Quarters above ${esc(fmt(threshold))}</th><th>Peak cost pressure (index 0–100)</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

const REPORT_CSS = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.35 'Liberation Sans', Arial, Helvetica, sans-serif; color: #1b1f24; background: #fff; }
section { break-after: page; }
section:last-of-type { break-after: auto; }
h1 { font-size: 30pt; margin: 40mm 0 4mm; }
h2 { font-size: 18pt; margin: 0 0 4mm; border-bottom: 2px solid #1f4e9c; padding-bottom: 2mm; }
h3 { font-size: 13pt; margin: 6mm 0 2mm; }
.subtitle { font-size: 15pt; color: #5b6470; margin: 0 0 8mm; }
.facts { list-style: none; padding: 0; font-size: 12pt; }
.notes { color: #5b6470; white-space: pre-wrap; }
.assumptions { color: #5b6470; font-size: 10pt; }
figure { margin: 0; }
figure svg { width: 100%; height: auto; max-height: 118mm; display: block; }
/* A chart, its title and its table stay on one page (118 mm of chart leaves room for a 4-scenario table). */
.chart-page { break-inside: avoid; page-break-inside: avoid; }
.chart-page h2 { font-size: 16pt; break-after: avoid; }
.chart-page table { break-before: avoid; }
.summary li { font-size: 13pt; margin-bottom: 2mm; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #d6dbe1; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #1f4e9c; color: #fff; }
/* Long tables repeat their header on every page, and no row is split across pages. */
thead { display: table-header-group; }
tbody { break-inside: auto; }
tr { break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.source { font-size: 8.5pt; word-break: break-word; }
.side-beijing { color: #c8102e; font-weight: 700; }
.side-washington { color: #1f4e9c; font-weight: 700; }
.kpis { margin-top: 3mm; }
`
