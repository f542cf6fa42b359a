import { SECTORS, SECTOR_LABELS, ECONOMY_LABELS, kpis, type EvalResult, type Model, type ScenarioDoc, type Sector } from '../../core'
import type { ChartConfig, ReportOptions } from '../../shared/contract/export'
import { buildChartSpec, quarterText, type ChartInputs, type ChartSpec, type Stamp } from './chart-spec'
import { createEngine, type Engine } from './engine'

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
}

export type Kpi = { scenario: string; sector: Sector; peak: number; peakQuarter: string; quartersAbove: number; peakCost: number }

export type MeasureRow = { side: 'Beijing' | 'Washington'; title: string; instrument: string; instrumentDates: string; scenarioDates: string; setting: string }

export type OverrideRow = { id: string; label: string; baseline: number | null; value: number; unit: string; source: string; confidence: string }

export type ReportContent = {
  stamp: Stamp
  title: string
  subtitle: string
  horizon: string
  notes: string
  tags: string[]
  economyLabel: string
  threshold: number
  sectors: { sector: Sector; chart: ChartSpec; kpi: Kpi }[]
  measures: MeasureRow[]
  triggers: string[]
  overrides: OverrideRow[]
  comparison: { names: string[]; charts: { sector: Sector; chart: ChartSpec }[]; kpis: Kpi[] } | null
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The same scenario with every measure and trigger off. With `keepOverrides` false (the app's "No measures"
 * reference) the default assumptions apply; with true, the scenario's own ("No measures, your assumptions").
 */
export const withoutMeasures = (doc: ScenarioDoc, keepOverrides = false): ScenarioDoc => ({
  ...doc,
  measures: doc.measures.map((m) => ({ ...m, enabled: false })),
  triggers: [],
  overrides: keepOverrides ? doc.overrides : {}
})

const hasOverrides = (doc: ScenarioDoc) => Object.keys(doc.overrides).length > 0

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
export function chartInputs(ctx: ExportContext, doc: ScenarioDoc, compare: ScenarioDoc[], config: ChartConfig): ChartInputs {
  const engine = ctx.engine ?? createEngine()
  const comparison = compare.length > 0
  const scenarios = [doc, ...compare].map((d) => ({ name: d.name, result: engine.evaluate(ctx.model, d) }))
  return {
    config,
    scenarios,
    reference: !comparison && config.reference ? engine.evaluate(ctx.model, withoutMeasures(doc)) : null,
    modified: !comparison && config.reference && hasOverrides(doc) ? engine.evaluate(ctx.model, withoutMeasures(doc, true)) : null,
    band: !comparison && config.band ? engine.band(ctx.model, doc, config) : null,
    attribution: !comparison && config.stacking === 'measure' && config.metric === 'exposure' ? engine.attribution(ctx.model, doc, config.economy, config.sector) : null,
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
export function reportContent(ctx: ExportContext, doc: ScenarioDoc, compare: ScenarioDoc[], options: ReportOptions): ReportContent {
  const engine = ctx.engine ?? createEngine()
  const stamp = makeStamp(ctx, doc)
  const result = engine.evaluate(ctx.model, doc)
  const reference = engine.evaluate(ctx.model, withoutMeasures(doc))
  const modified = hasOverrides(doc) ? engine.evaluate(ctx.model, withoutMeasures(doc, true)) : null
  const economy = options.economy
  const sectors = SECTORS.map((sector) => {
    const config: ChartConfig = { sector, economy, metric: 'exposure', stacking: 'channel', band: options.band, reference: true }
    const band = options.band ? engine.band(ctx.model, doc, config) : null
    const chart = buildChartSpec({ config, scenarios: [{ name: doc.name, result }], reference, modified, band, attribution: null, stamp })
    return { sector, chart, kpi: sectorKpi(doc.name, result, economy, sector, options.threshold) }
  })
  let comparison: ReportContent['comparison'] = null
  if (compare.length > 0) {
    const all = [{ name: doc.name, result }, ...compare.map((d) => ({ name: d.name, result: engine.evaluate(ctx.model, d) }))]
    comparison = {
      names: all.map((s) => s.name),
      charts: SECTORS.map((sector) => ({
        sector,
        chart: buildChartSpec({ config: { sector, economy, metric: 'exposure', stacking: 'total', band: false, reference: false }, scenarios: all, reference: null, band: null, attribution: null, stamp })
      })),
      kpis: all.flatMap((s) => SECTORS.map((sector) => sectorKpi(s.name, s.result, economy, sector, options.threshold)))
    }
  }
  return {
    stamp,
    title: doc.name,
    subtitle: `Exposure of ${ECONOMY_LABELS[economy]} by sector — ${SECTORS.map((s) => SECTOR_LABELS[s]).join(', ')}`,
    horizon: `${quarterText(result.quarters[0] ?? '')} – ${quarterText(result.quarters[result.quarters.length - 1] ?? '')}`,
    notes: doc.notes,
    tags: doc.tags,
    economyLabel: ECONOMY_LABELS[economy],
    threshold: options.threshold,
    sectors,
    measures: measureRows(ctx.model, doc),
    triggers: triggerLines(ctx.model, doc),
    overrides: overrideRows(ctx.model, doc),
    comparison
  }
}
