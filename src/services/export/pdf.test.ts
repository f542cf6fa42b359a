import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../../core'
import { model } from '../../shared/dataset'
import { createExporter } from './exporter'
import { findChromium } from './pdf'

const pages = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length

describe('PDF report (headless Chromium, as the web host and the CLI print it)', () => {
  const exporter = createExporter({ model, appVersion: '0.1.0', clock: () => new Date('2026-11-28T12:00:00Z') })
  const doc = defaultScenario(model, 'Workshop A')

  it('finds the Chromium the project installs', () => {
    expect(findChromium()).not.toBeNull()
  })

  it('prints the report: a PDF with the title page, a page per sector, measures and assumptions', async () => {
    const file = await exporter.pdf(doc, [], { economy: 'us', band: false, threshold: 20 })
    expect(file.fileName).toBe('workshop-a_report.pdf')
    expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    // Title, 3 sectors, at least one page of measures, assumptions.
    expect(pages(file.bytes)).toBeGreaterThanOrEqual(6)
    const off = { ...doc, name: 'All off', measures: doc.measures.map((m) => ({ ...m, enabled: false })) }
    const compared = await exporter.pdf(doc, [off], { economy: 'us', band: false, threshold: 20 })
    // A comparison adds a page per sector and the key figures.
    expect(pages(compared.bytes)).toBe(pages(file.bytes) + 4)
    // With four scenarios too: each comparison chart keeps its KPI table on its page (no table row left alone on the next).
    const more = [1, 2].map((k) => ({ ...off, name: `Variant ${k}`, measures: doc.measures.map((m, i) => ({ ...m, enabled: i % (k + 1) === 0 })) }))
    const four = await exporter.pdf(doc, [off, ...more], { economy: 'us', band: false, threshold: 20 })
    expect(pages(four.bytes)).toBe(pages(file.bytes) + 4)
  }, 90_000)

  it('keeps a chart with its table and repeats a long table’s header on every page (print CSS)', () => {
    const { html } = exporter.report(doc, [], { economy: 'us', band: false, threshold: 20 })
    expect(html).toMatch(/\.chart-page \{ break-inside: avoid; page-break-inside: avoid; \}/)
    expect(html).toContain('thead { display: table-header-group; }')
    expect(html).toContain('tr { break-inside: avoid; }')
    // Every sector page holds its chart and its table together, titled by the takeaway.
    const chartPages = html.match(/<section class="chart-page">[\s\S]*?<\/section>/g) ?? []
    expect(chartPages.length).toBe(4)
    for (const p of chartPages.slice(0, 3)) expect(p).toMatch(/<h2>[^<]+<\/h2>\s*<figure><svg[\s\S]*<\/svg><\/figure>\s*<table class="kpis">/)
  })

  it('says what to install when no Chromium is there', async () => {
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = '/nonexistent/chromium'
    try {
      await expect(exporter.pdf(doc, [], { economy: 'us', band: false, threshold: 20 })).rejects.toThrow(/PDF export needs Chromium/)
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  })
})
