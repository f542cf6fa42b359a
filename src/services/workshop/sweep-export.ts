import { ECONOMY_LABELS, SECTOR_LABELS, SWEEP_KPI_LABELS, timingSweep, type Model, type ScenarioDoc, type SweepResult } from '../../core'
import { niceCeiling } from '../../shared/axis'
import { SCENARIO_COLORS } from '../../shared/palette'
import type { SweepOptionsInput } from '../../shared/contract/workshop'
import type { ChartSpec } from '../export/chart-spec'
import { renderChartSvg } from '../export/chart-svg'
import { makeStamp } from '../export/content'
import { csvField } from '../export/csv'
import { MIME, slug, type ExportFile } from '../export/exporter'
import { svgToPng } from '../export/raster'

/**
 * The timing sweep as an export: the chart (the export building blocks' SVG, rasterised to PNG) or its data.
 * The x axis is the shift in quarters (negative = earlier), the y axis the chosen KPI.
 */

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

/** The sweep as a chart spec (one line, the KPI at each shift). */
export function sweepChartSpec(sweep: SweepResult, doc: ScenarioDoc, stamp: ChartSpec['stamp']): ChartSpec {
  const zero = sweep.points.find((p) => p.shift === 0)
  const isIndex = sweep.kpi !== 'quartersAbove'
  const max = Math.max(0, ...sweep.points.map((p) => p.value))
  return {
    title: `Timing sweep — ${sweep.label}`,
    subtitle: `${SWEEP_KPI_LABELS[sweep.kpi]}, ${SECTOR_LABELS[sweep.sector]}, ${ECONOMY_LABELS[sweep.economy]} · ${doc.name}`,
    categories: sweep.points.map((p) => signed(p.shift)),
    xTitle: sweep.target.kind === 'measure' ? `Start shifted, quarters (0 = ${zero?.setting ?? 'as set'})` : `Trigger lag shifted, quarters (0 = ${zero?.setting ?? 'as set'})`,
    yTitle: SWEEP_KPI_LABELS[sweep.kpi],
    unit: isIndex ? 'index 0–100' : 'quarters',
    yMin: 0,
    yMax: isIndex ? Math.min(100, niceCeiling(max)) : Math.max(4, Math.ceil(max)),
    stacked: [],
    lines: [{ key: 'sweep', name: SWEEP_KPI_LABELS[sweep.kpi], color: SCENARIO_COLORS[0], values: sweep.points.map((p) => p.value) }],
    band: null,
    stamp
  }
}

/** The sweep's data: shift, the start date or lag it gives, the KPI. */
export function sweepCsv(sweep: SweepResult): string {
  const setting = sweep.target.kind === 'measure' ? 'Start date' : 'Trigger lag'
  const rows: (string | number)[][] = [['Shift (quarters)', setting, SWEEP_KPI_LABELS[sweep.kpi]], ...sweep.points.map((p) => [p.shift, p.setting, p.value])]
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Runs the sweep and builds the file. */
export function sweepExport(model: Model, ctx: { clock: () => Date; appVersion: string }, doc: ScenarioDoc, options: SweepOptionsInput, format: 'png' | 'svg' | 'csv'): ExportFile {
  const sweep = timingSweep(model, doc, options)
  const base = `${slug(doc.name)}_sweep-${slug(sweep.label)}-${options.kpi}-${options.sector}-${options.economy}`
  if (format === 'csv') return { fileName: `${base}.csv`, mimeType: MIME.csv, bytes: new TextEncoder().encode(sweepCsv(sweep)) }
  const svg = renderChartSvg(sweepChartSpec(sweep, doc, makeStamp({ model, clock: ctx.clock, appVersion: ctx.appVersion }, doc)))
  if (format === 'svg') return { fileName: `${base}.svg`, mimeType: MIME.svg, bytes: new TextEncoder().encode(svg) }
  return { fileName: `${base}.png`, mimeType: MIME.png, bytes: svgToPng(svg) }
}
