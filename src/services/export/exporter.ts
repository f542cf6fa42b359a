import type { Model, ScenarioDoc } from '../../core'
import type { ChartConfig, ChartFormat, ReportOptions } from '../../shared/contract/export'
import { buildChartSpec } from './chart-spec'
import { renderChartSvg } from './chart-svg'
import { chartInputs, reportContent, type ExportContext } from './content'
import { chartCsv, seriesCsv } from './csv'
import { buildDeck } from './deck'
import { createEngine } from './engine'
import { chromiumPdfPrinter, type PdfPrinter } from './pdf'
import { svgToPng } from './raster'
import { buildReport } from './report-html'
import { DECK_VARIANCE_SAMPLES } from './variance'

/** An export ready to be downloaded or written: a suggested file name, its MIME type and its bytes. */
export type ExportFile = { fileName: string; mimeType: string; bytes: Uint8Array }

export type ExporterOptions = {
  model: Model
  clock?: () => Date
  appVersion: string
  /** Defaults to headless Chromium; the desktop app passes Electron's printToPDF. */
  pdfPrinter?: PdfPrinter
  /** Base sample size of the deck's variance breakdown (default: the workspace's, `DECK_VARIANCE_SAMPLES`; 0 leaves the slide out). */
  varianceSamples?: number
}

export const MIME = {
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf'
} as const

/** A file-name-safe slug of a scenario name (letters and digits of any script kept). */
export function slug(name: string): string {
  const s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return s || 'scenario'
}

const encoder = new TextEncoder()

/**
 * Every export, from scenario documents to file bytes. Stateless between calls: each export evaluates its
 * scenarios afresh (memoised within the call), with the same engine and dataset the renderer uses.
 */
export function createExporter(options: ExporterOptions) {
  const printer = options.pdfPrinter ?? chromiumPdfPrinter
  const context = (): ExportContext => ({ model: options.model, clock: options.clock ?? (() => new Date()), appVersion: options.appVersion, engine: createEngine() })

  const chartSpec = (doc: ScenarioDoc, compare: ScenarioDoc[], config: ChartConfig) => buildChartSpec(chartInputs(context(), doc, compare, config))
  const chartName = (doc: ScenarioDoc, compare: ScenarioDoc[], c: ChartConfig) =>
    `${slug(doc.name)}_${c.sector}-${c.metric}-${c.economy}${compare.length > 0 ? '-comparison' : ''}`

  return {
    chartSpec,
    /** One chart as configured: SVG, PNG (1920×1080 × scale) or the CSV of its data. */
    chart(doc: ScenarioDoc, compare: ScenarioDoc[], config: ChartConfig, format: ChartFormat, scale: 1 | 2 = 1): ExportFile {
      const spec = chartSpec(doc, compare, config)
      const base = chartName(doc, compare, config)
      if (format === 'csv') return { fileName: `${base}.csv`, mimeType: MIME.csv, bytes: encoder.encode(chartCsv(spec)) }
      const svg = renderChartSvg(spec)
      if (format === 'svg') return { fileName: `${base}.svg`, mimeType: MIME.svg, bytes: encoder.encode(svg) }
      return { fileName: `${base}${scale === 2 ? '@2x' : ''}.png`, mimeType: MIME.png, bytes: svgToPng(svg, scale) }
    },
    /** Every series of the scenario and of the compared ones. */
    csv(doc: ScenarioDoc, compare: ScenarioDoc[]): ExportFile {
      const engine = createEngine()
      const scenarios = [doc, ...compare].map((d) => ({ name: d.name, result: engine.evaluate(options.model, d) }))
      return { fileName: `${slug(doc.name)}_series.csv`, mimeType: MIME.csv, bytes: encoder.encode(seriesCsv(scenarios)) }
    },
    async pptx(doc: ScenarioDoc, compare: ScenarioDoc[], opts: ReportOptions): Promise<ExportFile> {
      // The deck carries the "What drives the band" slide, at the workspace's sample count.
      const bytes = await buildDeck(reportContent({ ...context(), varianceSamples: options.varianceSamples ?? DECK_VARIANCE_SAMPLES }, doc, compare, opts))
      return { fileName: `${slug(doc.name)}_deck.pptx`, mimeType: MIME.pptx, bytes }
    },
    reportFileName: (doc: ScenarioDoc, ext: 'pdf' | 'html') => `${slug(doc.name)}_report.${ext}`,
    report(doc: ScenarioDoc, compare: ScenarioDoc[], opts: ReportOptions) {
      return buildReport(reportContent(context(), doc, compare, opts))
    },
    async pdf(doc: ScenarioDoc, compare: ScenarioDoc[], opts: ReportOptions): Promise<ExportFile> {
      const bytes = await printer(buildReport(reportContent(context(), doc, compare, opts)))
      return { fileName: `${slug(doc.name)}_report.pdf`, mimeType: MIME.pdf, bytes }
    }
  }
}

export type Exporter = ReturnType<typeof createExporter>
