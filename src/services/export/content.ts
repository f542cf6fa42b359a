import { SECTORS, SECTOR_LABELS, ECONOMY_LABELS, guessInputShare, kpis, type EvalResult, type Model, type ScenarioDoc, type Sector } from '../../core'
import type { ChartConfig, ReportOptions } from '../../shared/contract/export'
import { SCENARIO_COLORS } from '../../shared/palette'
import { axisRange, buildChartSpec, INDEX_UNIT, inForceNote, quarterText, SCENARIO_DASHES, type ChartInputs, type ChartSpec, type InForceNote, type Stamp } from './chart-spec'
import { inForceBefore, type InForce } from '../../shared/in-force'
import { createEngine, type Engine } from './engine'
import { driverRows, driversAt, INDEX_MEANING, type DriverRow, type Provenance } from './insights'
import { isolateBidi, xmlSafe } from './safe-text'
import { comparisonTakeaway, seriesTakeaway, spoken } from './takeaway'
import type { VarianceContent } from './deck-variance'
import { sectorVariances, varianceTakeaway, type SectorVariance } from './variance'
import { uncertainty } from '../../shared/dataset'

/**
 * Everything an export shows, computed once from the scenario documents: chart specs, KPIs, the active
 * measures with their instruments and dates, the overridden assumptions with their sources, and the
 * comparison. The deck and the report are two layouts of this one structure.
 */

export type ExportContext = {
  model: Model
  /** Export date source (tests pass a fixed clock). */
  clock: () => Date
  appVersion: string
  engine?: Engine
  /**
   * Base sample size of the "What drives the band" breakdown (deck only; costs one engine run per sample and
   * factor + 2, shared by the sectors). Absent or 0: no breakdown, no slide.
   */
  varianceSamples?: number
}

export type Kpi = { scenario: string; sector: Sector; peak: number; peakQuarter: string; quartersAbove: number; peakCost: number }

export type MeasureRow = { side: 'Beijing' | 'Washington'; title: string; instrument: string; instrumentDates: string; scenarioDates: string; setting: string }

export type OverrideRow = { id: string; label: string; baseline: number | null; value: number; unit: string; source: string; confidence: string }

export type SectorContent = {
  sector: Sector
  chart: ChartSpec
  kpi: Kpi
  /** The slide's title: what peaks, when, and what drives it. */
  takeaway: string
  /** What makes up the peak (Shapley split), largest first, with sources and confidence. */
  drivers: DriverRow[]
}

export type ReportContent = {
  stamp: Stamp
  title: string
  subtitle: string
  horizon: string
  notes: string
  tags: string[]
  economyLabel: string
  threshold: number
  sectors: SectorContent[]
  /** Cost pressure of every sector, one line each, with its takeaway. */
  cost: { chart: ChartSpec; takeaway: string }
  /** Executive summary: one line per point, most important first. */
  summary: string[]
  measures: MeasureRow[]
  triggers: string[]
  overrides: OverrideRow[]
  /** The sources-and-caveats content: inputs counted by confidence and guesses, what the indices mean, caveats. */
  sources: { provenance: Provenance; indexMeaning: string[]; caveats: string[] }
  comparison: { names: string[]; charts: { sector: Sector; chart: ChartSpec; takeaway: string }[]; kpis: Kpi[] } | null
  /** What drives the band of each sector's peak exposure, when asked for (`ExportContext.varianceSamples`). */
  variance: VarianceContent | null
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * A document's free text as exports use it: characters XML forbids replaced (the schema refuses them at
 * every way in; a document stored before that rule still exports well-formed).
 */
export const exportable = (doc: ScenarioDoc): ScenarioDoc => ({
  ...doc,
  name: xmlSafe(doc.name),
  notes: xmlSafe(doc.notes),
  tags: doc.tags.map(xmlSafe),
  branches: doc.branches.map((b) => ({ ...b, label: xmlSafe(b.label), note: xmlSafe(b.note) }))
})

/** Gives every chart the same value axis: the widest range among them (so sectors are compared by eye). */
export function shareAxis(charts: ChartSpec[]): void {
  const yMin = Math.min(...charts.map((c) => c.yMin))
  const yMax = Math.max(...charts.map((c) => c.yMax))
  for (const c of charts) Object.assign(c, { yMin, yMax })
}

/**
 * The same scenario with every measure and trigger off. With `keepOverrides` false (the app's "No measures"
 * reference) the default assumptions apply; with true, the scenario's own ("No measures, your assumptions").
 */
export const withoutMeasures = (model: Model, doc: ScenarioDoc, keepOverrides = false): ScenarioDoc => ({
  ...doc,
  // Every catalogue measure off: a measure the document does not list takes its catalogue default (e.g. a lever
  // added after the scenario was written), so listing only the document's own would leave those on.
  measures: model.measures.map((m) => {
    const own = doc.measures.find((s) => s.id === m.id)
    return own ? { ...own, enabled: false } : { id: m.id, enabled: false, params: {}, start: m.default.start, end: m.default.end, suspensions: [] }
  }),
  // Branches patch measure settings (they may switch one back on): with no measures there is one path.
  branches: [],
  branchView: 'mixture',
  triggers: [],
  overrides: keepOverrides ? doc.overrides : {}
})

const hasOverrides = (doc: ScenarioDoc) => Object.keys(doc.overrides).length > 0

/** The scenario's measures in force since before its horizon (catalogue short names; unknown ids left out). */
export function inForceOf(model: Model, doc: ScenarioDoc): InForce[] {
  const settings = doc.measures.flatMap((s) => {
    const i = model.measureIndex.get(s.id)
    if (i === undefined) return []
    const m = model.measures[i]
    return [{ id: s.id, side: m.side, name: m.short, enabled: s.enabled, start: s.start, end: s.end, suspensions: s.suspensions }]
  })
  return inForceBefore(settings, doc.horizon.start)
}

/** Headline figures of one sector, from the engine's `kpis` (as the app's headline and KPI table). */
export function sectorKpi(scenario: string, result: EvalResult, economy: ChartConfig['economy'], sector: Sector, threshold: number): Kpi {
  const k = kpis(result.economies[economy][sector], threshold, result.quarters)
  return {
    scenario,
    sector,
    peak: k.peakExposure,
    // No quarter to name when exposure never rises above 0 (as the app's headline).
    peakQuarter: k.peakExposure > 0 && k.peakQuarter ? quarterText(k.peakQuarter) : '—',
    quartersAbove: k.quartersAbove,
    peakCost: k.peakCost
  }
}

/** A short, readable number: 0.91 → "0.91", 12.3456 → "12.35". */
export const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100))

export function overrideRows(model: Model, doc: ScenarioDoc): OverrideRow[] {
  return Object.entries(doc.overrides).map(([id, value]) => {
    const i = model.assumptionIndex.get(id)
    const a = i === undefined ? undefined : model.assumptions[i]
    return a
      ? { id, label: a.label, baseline: a.value, value, unit: a.unit, source: a.source, confidence: a.confidence }
      : { id, label: id, baseline: null, value, unit: '', source: 'not in the current dataset (ignored by the engine)', confidence: '—' }
  })
}

/** Stamp: scenario, date, versions and the key assumptions (measures on, horizon, seed, overrides). */
export function makeStamp(ctx: ExportContext, doc: ScenarioDoc): Stamp {
  const on = doc.measures.filter((m) => m.enabled).length
  const overrides = overrideRows(ctx.model, doc).map((o) => `${o.label} = ${fmt(o.value)}${o.unit ? ` ${o.unit}` : ''}${o.baseline === null ? '' : ` (baseline ${fmt(o.baseline)})`}`)
  const assumptions = [`${on} of ${doc.measures.length} measures on`, `${doc.triggers.length} trigger${doc.triggers.length === 1 ? '' : 's'}`, `seed ${doc.seed}`]
  assumptions.push(overrides.length === 0 ? 'baseline assumptions, no overrides' : `${overrides.length} override${overrides.length === 1 ? '' : 's'}: ${overrides.join('; ')}`)
  return {
    scenario: doc.name,
    date: isoDay(ctx.clock()),
    appVersion: ctx.appVersion,
    modelVersion: (ctx.engine ?? createEngine()).version(ctx.model),
    datasetVersion: ctx.model.datasetVersion,
    assumptions
  }
}

/** The inputs of one chart as configured, evaluated with the engine. */
export function chartInputs(ctx: ExportContext, rawDoc: ScenarioDoc, rawCompare: ScenarioDoc[], config: ChartConfig): ChartInputs {
  const doc = exportable(rawDoc)
  const compare = rawCompare.map(exportable)
  const engine = ctx.engine ?? createEngine()
  const comparison = compare.length > 0
  const scenarios = [doc, ...compare].map((d) => ({ name: d.name, result: engine.evaluate(ctx.model, d) }))
  return {
    config,
    scenarios,
    reference: !comparison && config.reference ? engine.evaluate(ctx.model, withoutMeasures(ctx.model, doc)) : null,
    modified: !comparison && config.reference && hasOverrides(doc) ? engine.evaluate(ctx.model, withoutMeasures(ctx.model, doc, true)) : null,
    band: !comparison && config.band ? engine.band(ctx.model, doc, config) : null,
    attribution: !comparison && config.stacking === 'measure' && config.metric === 'exposure' ? engine.attribution(ctx.model, doc, config.economy, config.sector) : null,
    inForce: comparison ? [] : inForceOf(ctx.model, doc),
    stamp: makeStamp(ctx, doc)
  }
}

function measureRows(model: Model, doc: ScenarioDoc): MeasureRow[] {
  const rows: MeasureRow[] = []
  for (const setting of doc.measures) {
    const i = model.measureIndex.get(setting.id)
    if (!setting.enabled || i === undefined) continue
    const m = model.measures[i]
    const ins = m.instrument
    const insDates = ins ? [ins.announced && `announced ${ins.announced}`, ins.effective && `effective ${ins.effective}`, ins.suspendedUntil && `suspended until ${ins.suspendedUntil}`].filter(Boolean).join(' · ') : ''
    const pauses = setting.suspensions.map((s) => `paused ${s.from} → ${s.until ?? 'open-ended'}`)
    const primary = m.params.find((p) => p.primary) ?? m.params[0]
    const value = setting.params[primary.id] ?? primary.default
    rows.push({
      side: m.side === 'beijing' ? 'Beijing' : 'Washington',
      title: m.title,
      instrument: ins?.name ?? 'No legal instrument (modelled lever)',
      instrumentDates: insDates || '—',
      scenarioDates: [`from ${setting.start}`, setting.end ? `until ${setting.end}` : 'open-ended', ...pauses].join(' · '),
      setting: `${primary.label}: ${fmt(value)}${primary.unit ? ` ${primary.unit}` : ''}`
    })
  }
  return rows
}

function triggerLines(model: Model, doc: ScenarioDoc): string[] {
  const title = (id: string) => {
    const i = model.measureIndex.get(id)
    return i === undefined ? id : model.measures[i].title
  }
  return doc.triggers.map((t) => `If “${title(t.ifMeasure)}” is active, “${title(t.thenMeasure)}” starts ${t.lagQuarters} quarter${t.lagQuarters === 1 ? '' : 's'} later at ${Math.round(t.intensity * 100)} % intensity`)
}

/** All the content of the deck and the report for a scenario (and the scenarios compared with it). */
export function reportContent(ctx: ExportContext, rawDoc: ScenarioDoc, rawCompare: ScenarioDoc[], options: ReportOptions): ReportContent {
  const doc = exportable(rawDoc)
  const compare = rawCompare.map(exportable)
  const engine = ctx.engine ?? createEngine()
  const stamp = makeStamp(ctx, doc)
  const result = engine.evaluate(ctx.model, doc)
  const reference = engine.evaluate(ctx.model, withoutMeasures(ctx.model, doc))
  const modified = hasOverrides(doc) ? engine.evaluate(ctx.model, withoutMeasures(ctx.model, doc, true)) : null
  const economy = options.economy
  const split = engine.split(ctx.model, doc)
  const quarters = result.quarters.map(quarterText)
  const inForce = inForceOf(ctx.model, doc)
  const sectors: SectorContent[] = SECTORS.map((sector) => {
    const config: ChartConfig = { sector, economy, metric: 'exposure', stacking: 'channel', band: options.band, reference: true }
    const band = options.band ? engine.band(ctx.model, doc, config) : null
    const chart = buildChartSpec({ config, scenarios: [{ name: doc.name, result }], reference, modified, band, attribution: null, inForce, stamp })
    const kpi = sectorKpi(doc.name, result, economy, sector, options.threshold)
    const values = result.economies[economy][sector].exposure
    const at = split[economy][sector]
    const peakAt = values.indexOf(Math.max(...values))
    const takeaway = seriesTakeaway({ subject: `${SECTOR_LABELS[sector]} exposure`, quarters, values, driversAt: (t) => driversAt(ctx.model, at, t) })
    return { sector, chart, kpi, takeaway, drivers: driverRows(ctx.model, at, peakAt, values[peakAt] ?? 0, ctx.model.datasetVersion, economy) }
  })
  if (options.axis !== 'each') shareAxis(sectors.map((s) => s.chart))
  const cost = costContent(result, economy, quarters, stamp, doc.name, inForceNote(inForce, quarters[0] ?? ''))

  let comparison: ReportContent['comparison'] = null
  if (compare.length > 0) {
    const all = [{ name: doc.name, result }, ...compare.map((d) => ({ name: d.name, result: engine.evaluate(ctx.model, d) }))]
    const kpiList = all.flatMap((s) => SECTORS.map((sector) => sectorKpi(s.name, s.result, economy, sector, options.threshold)))
    const charts = SECTORS.map((sector) => ({
      sector,
      chart: buildChartSpec({ config: { sector, economy, metric: 'exposure', stacking: 'total', band: false, reference: false }, scenarios: all, reference: null, band: null, attribution: null, stamp }),
      takeaway: comparisonTakeaway(`${SECTOR_LABELS[sector]} exposure`, kpiList.filter((k) => k.sector === sector).map((k) => ({ name: k.scenario, peak: k.peak, peakQuarter: k.peakQuarter })))
    }))
    if (options.axis !== 'each') shareAxis(charts.map((c) => c.chart))
    comparison = { names: all.map((s) => s.name), charts, kpis: kpiList }
  }
  // The one GUESS count the CLI prints too (core/model/guess.ts): inputs = assumptions, parameters, projects.
  const g = guessInputShare(ctx.model)
  const prov: Provenance = { inputs: g.total, guesses: g.guess, byConfidence: g.byConfidence }
  return {
    stamp,
    title: doc.name,
    subtitle: `Exposure of ${ECONOMY_LABELS[economy]} by sector — ${SECTORS.map((s) => SECTOR_LABELS[s]).join(', ')}`,
    horizon: `${quarters[0] ?? ''} – ${quarters[quarters.length - 1] ?? ''}`,
    notes: doc.notes,
    tags: doc.tags,
    economyLabel: ECONOMY_LABELS[economy],
    threshold: options.threshold,
    sectors,
    cost,
    summary: executiveSummary(sectors, cost.takeaway, comparison, options.threshold, prov, quarters.length),
    measures: measureRows(ctx.model, doc),
    triggers: triggerLines(ctx.model, doc),
    overrides: overrideRows(ctx.model, doc),
    sources: { provenance: prov, indexMeaning: INDEX_MEANING, caveats: caveats(prov, doc, ctx.model.datasetVersion) },
    comparison,
    variance: ctx.varianceSamples ? varianceContent(sectorVariances(ctx.model, doc, economy, uncertainty, ctx.varianceSamples), doc.name, ECONOMY_LABELS[economy], doc.seed) : null
  }
}

const varianceContent = (rows: SectorVariance[], scenario: string, economyLabel: string, seed: number): VarianceContent => ({ rows, takeaway: varianceTakeaway(rows), brief: varianceTakeaway(rows, true), scenario, economyLabel, seed })

/** Cost pressure of the three sectors as lines on one chart, and what it says. */
function costContent(result: EvalResult, economy: ChartConfig['economy'], quarters: string[], stamp: Stamp, name: string, inForce: InForceNote | null): ReportContent['cost'] {
  const lines = SECTORS.map((sector, i) => ({ key: `cost-${sector}`, name: SECTOR_LABELS[sector], color: SCENARIO_COLORS[i % SCENARIO_COLORS.length], values: result.economies[economy][sector].cost, dash: SCENARIO_DASHES[i % SCENARIO_DASHES.length] }))
  const chart: ChartSpec = {
    title: `Cost pressure by sector, ${ECONOMY_LABELS[economy]}`,
    subtitle: `${isolateBidi(name)} · one line per sector`,
    categories: quarters,
    xTitle: 'Quarter',
    yTitle: `Cost pressure (${INDEX_UNIT})`,
    unit: INDEX_UNIT,
    ...axisRange([], lines, null),
    stacked: [],
    lines,
    band: null,
    inForce,
    stamp
  }
  // The sector whose cost pressure peaks highest leads the takeaway.
  const top = lines.reduce((a, b) => (Math.max(...b.values) > Math.max(...a.values) ? b : a))
  const takeaway = seriesTakeaway({ subject: `Cost pressure (highest in ${top.name})`, quarters, values: top.values })
  return { chart, takeaway }
}

/** The executive summary: each sector's takeaway, cost, the comparison's headline, and how sure the inputs are. */
function executiveSummary(sectors: SectorContent[], cost: string, comparison: ReportContent['comparison'], threshold: number, prov: Provenance, n: number): string[] {
  const lines: string[] = []
  if (comparison) for (const c of comparison.charts) lines.push(c.takeaway)
  for (const s of sectors) {
    const above = s.kpi.quartersAbove > 0 ? ` — above ${spoken(threshold)} for ${s.kpi.quartersAbove} of ${n} quarters` : ''
    lines.push(`${s.takeaway}${above}`)
  }
  lines.push(cost)
  lines.push(`${prov.guesses} of ${prov.inputs} inputs are modelling guesses (confidence L): read levels as indicative, differences between scenarios as the finding`)
  return lines
}

function caveats(prov: Provenance, doc: ScenarioDoc, datasetVersion: string): string[] {
  const conf = ['H', 'M', 'L'].map((c) => `${prov.byConfidence[c] ?? 0} ${c}`).join(', ')
  const out = [
    `${prov.guesses} of ${prov.inputs} sourced inputs in dataset ${datasetVersion} are modelling guesses; confidence of inputs: ${conf} (H primary or two sources, M one credible source, L weak source or guess).`,
    'Drivers are the Shapley split of the peak quarter in index points (interactions split fairly): what adds (+) and what relieves (−) sum to the peak; shares are of the additions, never above 100 %.'
  ]
  const overrides = Object.keys(doc.overrides).length
  if (overrides > 0) out.push(`${overrides} figure${overrides === 1 ? ' is' : 's are'} overridden in this scenario (see Assumptions); the rest is the baseline dataset.`)
  return out
}
