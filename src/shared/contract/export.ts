import { z } from 'zod'
import { ECONOMIES, SECTORS, scenarioDocSchema } from '../../core'

/**
 * Export methods: charts (SVG, PNG), data (CSV), the slide deck (PPTX) and the PDF report.
 * Every method takes the scenario document as the renderer holds it (saved or not), so what is exported is
 * what is on screen. The backend evaluates it with the same engine and dataset the renderer uses.
 *
 * Where the file goes is the backend's business: the desktop app asks for a place with a native save dialog
 * and writes the file there (`saved` / `cancelled`); the web host returns the bytes (`file`) for the
 * renderer to download. The renderer handles all three answers and never knows which transport it used.
 */

/** How one chart is configured on screen right now. */
export const chartConfigSchema = z
  .object({
    sector: z.enum(SECTORS),
    economy: z.enum(ECONOMIES).default('us'),
    /** Exposure index or cost-pressure index (both 0–100). */
    metric: z.enum(['exposure', 'cost']).default('exposure'),
    /** Exposure split: by channel, by measure (attribution), or the total line only. Cost is never stacked. */
    stacking: z.enum(['channel', 'measure', 'total']).default('channel'),
    /** Draw the P10–P90 band of the seeded Monte Carlo. */
    band: z.boolean().default(false),
    /** Draw the same scenario with every measure off ("No measures"), as the app does. */
    reference: z.boolean().default(true)
  })
  .strict()

/** Scenarios overlaid with the current one (a comparison): 1–3 more, each with its own name. */
const compareSchema = z.array(scenarioDocSchema).max(3).default([])

/** Options of the whole-scenario exports (deck, report, all-series CSV). */
export const reportOptionsSchema = z
  .object({
    economy: z.enum(ECONOMIES).default('us'),
    band: z.boolean().default(false),
    /** "Quarters above threshold" KPI, exposure index 0–100. */
    threshold: z.number().min(0).max(100).default(20),
    /** Value axis of the sector charts: the same on every slide (default, so sectors compare by eye) or scaled to each. */
    axis: z.enum(['shared', 'each']).optional()
  })
  .strict()

/** What an export produced: the bytes (web host), or where the file was saved (desktop), or nothing. */
export const exportResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    fileName: z.string(),
    mimeType: z.string(),
    /** The file, base64-encoded. */
    base64: z.string(),
    byteLength: z.number().int().nonnegative()
  }),
  z.object({ kind: z.literal('saved'), fileName: z.string(), path: z.string(), byteLength: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('cancelled') })
])

export const CHART_FORMATS = ['png', 'svg', 'csv'] as const

export const exportContract = {
  /** One chart as configured: PNG (1920×1080 at scale 1, 3840×2160 at scale 2), SVG, or the CSV of its data. */
  'export.chart': {
    input: z
      .object({
        doc: scenarioDocSchema,
        compare: compareSchema,
        chart: chartConfigSchema,
        format: z.enum(CHART_FORMATS),
        scale: z.union([z.literal(1), z.literal(2)]).default(1)
      })
      .strict(),
    output: exportResultSchema
  },
  /** Every series of the scenario (and of the compared ones) as CSV, units in the headers. */
  'export.csv': {
    input: z.object({ doc: scenarioDocSchema, compare: compareSchema, options: reportOptionsSchema.default({ economy: 'us', band: false, threshold: 20 }) }).strict(),
    output: exportResultSchema
  },
  /** The slide deck (.pptx) with native, editable charts. */
  'export.pptx': {
    input: z.object({ doc: scenarioDocSchema, compare: compareSchema, options: reportOptionsSchema.default({ economy: 'us', band: false, threshold: 20 }) }).strict(),
    output: exportResultSchema
  },
  /** The report as one self-contained HTML document with print styles, for the browser's Print (never saved by the backend). */
  'export.reportHtml': {
    input: z.object({ doc: scenarioDocSchema, compare: compareSchema, options: reportOptionsSchema.default({ economy: 'us', band: false, threshold: 20 }) }).strict(),
    output: z.object({ fileName: z.string(), html: z.string() })
  },
  /** The printable report (.pdf) with the deck's content. */
  'export.pdf': {
    input: z.object({ doc: scenarioDocSchema, compare: compareSchema, options: reportOptionsSchema.default({ economy: 'us', band: false, threshold: 20 }) }).strict(),
    output: exportResultSchema
  }
} as const

export type ChartConfig = z.output<typeof chartConfigSchema>
export type ChartConfigInput = z.input<typeof chartConfigSchema>
export type ReportOptions = z.output<typeof reportOptionsSchema>
export type ExportResult = z.output<typeof exportResultSchema>
export type ChartFormat = (typeof CHART_FORMATS)[number]
