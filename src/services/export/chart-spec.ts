import { CHANNELS, CHANNEL_LABELS, ECONOMY_LABELS, SECTOR_LABELS, type EvalResult } from '../../core'
import { niceCeiling, niceFloor } from '../../shared/axis'
import { stackLevels } from '../../shared/stack'
import type { MeasureSeries } from '../../shared/measure-stack'
import { BAND_COLOR, CHANNEL_COLORS, MODIFIED_COLOR, REFERENCE_COLOR, SCENARIO_COLORS } from '../../shared/palette'
import type { ChartConfig } from '../../shared/contract/export'
import type { InForce } from '../../shared/in-force'
import { isolateBidi } from './safe-text'
import { ellipsize, textWidth } from './text-fit'

/**
 * A chart as data: everything an exporter draws (SVG/PNG), tabulates (CSV) or hands to PowerPoint as a
 * native chart. Values are the engine's, unrounded; only the drawings round.
 */
export type ChartSeries = {
  key: string
  name: string
  /** `#rrggbb`. */
  color: string
  /** One value per category (quarter), in the chart's unit; null where a compared scenario has no such quarter. */
  values: (number | null)[]
  /** Lines only: dashed (the no-measures reference), dotted (the same under your assumptions), or dash-dot. */
  dash?: LineDash
}

export type LineDash = 'dash' | 'dot' | 'dashdot'

/** Line pattern of each compared scenario by position (as the app's comparison): colour and dash both tell them apart. */
export const SCENARIO_DASHES: readonly (LineDash | undefined)[] = [undefined, 'dash', 'dot', 'dashdot']

export type ChartBand = { name: string; color: string; low: number[]; high: number[] }

/** Who made the picture from what: printed in the footer of every chart, slide and report page. */
export type Stamp = {
  scenario: string
  /** Export date, ISO `YYYY-MM-DD`. */
  date: string
  appVersion: string
  modelVersion: string
  datasetVersion: string
  /** Key assumptions in a few words each, most important first. */
  assumptions: string[]
}

export type ChartSpec = {
  title: string
  subtitle: string
  /** Category labels, e.g. `2025 Q1`. */
  categories: string[]
  xTitle: string
  yTitle: string
  /** Unit of the values, e.g. `index 0–100`. */
  unit: string
  /** Value axis: 0 (or below, when a measure lowers exposure in a stack by measure) to `yMax`. */
  yMin: number
  yMax: number
  /** Drawn as a stack of filled areas, bottom first. */
  stacked: ChartSeries[]
  /** Drawn as lines over the stack. */
  lines: ChartSeries[]
  band: ChartBand | null
  /**
   * Measures already in force when the horizon begins: their start has no place on the x axis, so they are
   * named in a note instead of drawn as a marker on the y-axis. Absent or null when none (or in a comparison).
   */
  inForce?: InForceNote | null
  stamp: Stamp
}

/** Measures in force before the first quarter `before`, each as "Ga/Ge/Sb licensing since 2023-08-01". */
export type InForceNote = { before: string; items: string[] }

export function inForceNote(items: readonly InForce[], firstQuarter: string): InForceNote | null {
  return items.length === 0 ? null : { before: firstQuarter, items: items.map((f) => f.text.replace(/: in force since /, ' since ')) }
}

/**
 * The note in words: "In force before 2025 Q1: A since 2023-08-01; B since 2024-12-02". With `fit` (font size and
 * width, same unit) it keeps the items that fit and says how many it left out ("; 2 more"), never cutting a date.
 */
export function inForceText(note: InForceNote, fit?: { size: number; maxWidth: number }): string {
  const head = `In force before ${note.before}: `
  const full = head + note.items.join('; ')
  if (!fit || textWidth(full, fit.size) <= fit.maxWidth) return full
  for (let k = note.items.length - 1; k >= 1; k--) {
    const text = `${head}${note.items.slice(0, k).join('; ')}; ${note.items.length - k} more`
    if (textWidth(text, fit.size) <= fit.maxWidth) return text
  }
  return `${head}${note.items.length} measure${note.items.length === 1 ? '' : 's'}`
}

/** What a chart needs beyond its configuration, computed by the engine. */
export type ChartInputs = {
  config: ChartConfig
  /** The current scenario first; more than one means a comparison (lines overlaid, no stacking). */
  scenarios: { name: string; result: EvalResult }[]
  /** The current scenario with every measure off and the default assumptions ("No measures"), or null. */
  reference: EvalResult | null
  /** Every measure off under the scenario's assumption overrides; null when it has none. */
  modified?: EvalResult | null
  /** P10/P90 of the plotted metric of the current scenario, or null. */
  /** `legend`: the band's legend name; `note`: which branch view it describes (subtitle); `caption`: the full sentence. */
  band: { low: number[]; high: number[]; caption?: string; legend?: string; note?: string } | null
  /** Exposure stacked by measure of the current scenario (`measureSeries`), for `stacking: 'measure'`. */
  attribution: MeasureSeries[] | null
  /** Measures of the current scenario in force since before its horizon (left out of a comparison). */
  inForce?: readonly InForce[]
  stamp: Stamp
}

export const INDEX_UNIT = 'index 0–100'

/** `2025-Q1` → `2025 Q1`, as on the app's axes. */
export const quarterText = (q: string) => q.replace('-', ' ')

const metricName = (metric: ChartConfig['metric']) => (metric === 'exposure' ? 'Exposure' : 'Cost pressure')

/** The chart's title as the app shows it: sector, metric, economy. */
export function chartTitle(config: Pick<ChartConfig, 'sector' | 'economy' | 'metric'>, comparison = false): string {
  const base = `${SECTOR_LABELS[config.sector]} — ${metricName(config.metric).toLowerCase()}, ${ECONOMY_LABELS[config.economy]}`
  return comparison ? `${base}: comparison` : base
}

/**
 * Builds the chart of one sector as configured. A comparison overlays each scenario's total; otherwise the
 * current scenario is stacked by channel or by measure (exposure only) or drawn as a total line, with the
 * "No measures" reference and the P10–P90 band when asked for.
 */
export function buildChartSpec(inputs: ChartInputs): ChartSpec {
  const { config, scenarios, stamp } = inputs
  const main = scenarios[0]
  if (!main) throw new Error('a chart needs at least one scenario')
  const pick = (r: EvalResult) => r.economies[config.economy][config.sector]
  const metricOf = (r: EvalResult) => (config.metric === 'exposure' ? pick(r).exposure : pick(r).cost)
  const comparison = scenarios.length > 1
  const stacked: ChartSeries[] = []
  const lines: ChartSeries[] = []
  const notes: string[] = []

  // A comparison spans every quarter any scenario covers (horizons may differ); gaps are null.
  const quarters = comparison ? [...new Set(scenarios.flatMap((s) => s.result.quarters))].sort() : main.result.quarters
  if (comparison) {
    scenarios.forEach((s, i) => {
      const byQuarter = new Map(s.result.quarters.map((q, t) => [q, metricOf(s.result)[t]]))
      const values = quarters.map((q) => byQuarter.get(q) ?? null)
      lines.push({ key: `scenario-${i + 1}`, name: s.name, color: SCENARIO_COLORS[i % SCENARIO_COLORS.length], values, dash: SCENARIO_DASHES[i % SCENARIO_DASHES.length] })
    })
    notes.push(`${scenarios.length} scenarios overlaid`)
  } else if (config.metric === 'exposure' && config.stacking === 'channel') {
    const byChannel = pick(main.result).byChannel
    for (const c of CHANNELS) {
      if (byChannel[c].some((v) => v > 0)) stacked.push({ key: c, name: CHANNEL_LABELS[c], color: CHANNEL_COLORS[c], values: byChannel[c] })
    }
    notes.push('stacked by channel')
  } else if (config.metric === 'exposure' && config.stacking === 'measure' && inputs.attribution) {
    stacked.push(...inputs.attribution.map(({ key, label, color, values }) => ({ key, name: label, color, values })))
    notes.push('stacked by measure')
  }
  // A total line when nothing is stacked (cost, 'total', or a stack with every series at zero).
  if (!comparison && stacked.length === 0) lines.push({ key: 'total', name: main.name, color: SCENARIO_COLORS[0], values: metricOf(main.result) })
  // A reference at 0 throughout would be a dashed line on the axis with a legend entry saying nothing.
  const drawn = (values: number[]) => values.some((v) => Math.abs(v) >= 0.005)
  if (!comparison && inputs.reference && config.reference && drawn(metricOf(inputs.reference))) {
    lines.push({ key: 'reference', name: 'No measures', color: REFERENCE_COLOR, values: metricOf(inputs.reference), dash: 'dash' })
    notes.push('dashed: no measures')
  }
  if (!comparison && inputs.reference && config.reference && inputs.modified && drawn(metricOf(inputs.modified))) {
    lines.push({ key: 'modified', name: 'No measures, your assumptions', color: MODIFIED_COLOR, values: metricOf(inputs.modified), dash: 'dot' })
  }
  const band = !comparison && inputs.band && config.band ? { name: inputs.band.legend ?? 'P10–P90 band', color: BAND_COLOR, low: inputs.band.low, high: inputs.band.high } : null
  if (band) notes.push(inputs.band?.note ? `band: ${inputs.band.note}` : 'band: P10–P90')

  return {
    title: chartTitle(config, comparison),
    subtitle: comparison ? `${scenarios.map((s) => isolateBidi(s.name)).join(' vs ')} · ${notes.join(' · ')}` : `${isolateBidi(main.name)} · ${notes.join(' · ')}`.replace(/ · $/, ''),
    categories: quarters.map(quarterText),
    xTitle: 'Quarter',
    yTitle: `${metricName(config.metric)} (${INDEX_UNIT})`,
    unit: INDEX_UNIT,
    ...axisRange(stacked, lines, band),
    stacked,
    lines,
    band,
    inForce: comparison ? null : inForceNote(inputs.inForce ?? [], quarterText(quarters[0] ?? '')),
    stamp
  }
}

/** A round tick step for the axis range `span`: at most 6 intervals, dividing the span exactly when it can. */
export function tickStep(span: number): number {
  const steps = [1, 2, 5, 10, 20, 25, 50]
  return steps.find((step) => span % step === 0 && span / step <= 6) ?? steps.find((step) => span / step <= 7) ?? span / 5
}

/** The value axis: nice steps around everything drawn (stack, lines, band), 0 always included. */
export function axisRange(stacked: ChartSeries[], lines: ChartSeries[], band: ChartBand | null): { yMin: number; yMax: number } {
  let max = 0
  let min = 0
  const see = (v: number) => {
    max = Math.max(max, v)
    min = Math.min(min, v)
  }
  for (const levels of stackLevels(stacked.map((s) => s.values)))
    for (const { up, down } of levels) {
      see(up[1])
      see(down[0])
    }
  for (const s of lines) for (const v of s.values) if (v !== null) see(v)
  if (band) [...band.low, ...band.high].forEach(see)
  return { yMin: niceFloor(min < -1e-9 ? min : 0), yMax: niceCeiling(max) }
}

/**
 * One line of footer text per stamp: scenario, date and versions; then the key assumptions. With `fit` (font
 * size and width, same unit), the scenario name alone is cut so the date and versions always show; the name
 * is direction-isolated so a right-to-left name does not reorder them.
 */
export function stampLines(stamp: Stamp, fit?: { size: number; maxWidth: number }): [string, string] {
  const rest = ` · Exported ${stamp.date} · Chokepoint ${stamp.appVersion} · model ${stamp.modelVersion} · dataset ${stamp.datasetVersion}`
  const oneLine = stamp.scenario.replace(/[\r\n\t]+/g, ' ')
  const name = fit ? ellipsize(oneLine, fit.size, Math.max(fit.size * 4, fit.maxWidth - textWidth(`Scenario: ${rest}`, fit.size))) : oneLine
  const head = `Scenario: ${isolateBidi(name)}${rest}`
  const assumptions = stamp.assumptions.length > 0 ? stamp.assumptions.join('; ') : 'baseline dataset, no overrides'
  return [head, `Key assumptions: ${assumptions}`]
}
