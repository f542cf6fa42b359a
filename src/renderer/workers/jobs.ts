// Direct module imports, not the core barrel: the barrel's zod schemas would otherwise ride into the worker bundle
// (their top-level schema construction is not tree-shaken), ≈13 KB gzip of start-up JavaScript (npm run bench:bundle).
import { attributeView } from '../../core/engine/branches'
import { evidenceFor, type EvidenceRequest } from '../../core/evidence/evidence'
import { tornado, type TornadoKpi } from '../../core/analysis/tornado'
import { varianceBreakdown, type VarianceBreakdown } from '../../core/analysis/sobol'
import { ECONOMIES, SECTORS, type Economy, type Sector } from '../../core/engine/types'
import type { Model } from '../../core/model/load-model'
import type { ScenarioDoc } from '../../core/scenario/schema'
import type { UncertaintySpec } from '../../core/analysis/uncertainty-spec'
import { BAND_SAMPLES, bandCaption, bandMeta, bandSimulation } from '../../shared/bands'
import { WORKSPACE_VARIANCE_SAMPLES } from '../../shared/variance'
import type { JobKind } from './protocol'

export { BAND_SAMPLES }

export type TornadoBar = { id: string; label: string; kind: 'assumption' | 'measure'; lowInput: string; highInput: string; lowValue: number; highValue: number }
/** The tornado as the view draws it, largest swing first. */
export type TornadoResult = { base: number; unit: string; bars: TornadoBar[] }
/**
 * Exposure bands per economy and sector (only what the charts draw crosses back): the drawn band
 * (P10–P90 widened to the point estimate where it falls outside), the P50, and the legend's caption.
 */
export type SectorBand = { low: number[]; high: number[]; p50: number[]; caption: string; stretched: number }
export type BandsResult = Record<Economy, Record<Sector, SectorBand>>

type DocInput = { doc: ScenarioDoc }
type TornadoInput = DocInput & { economy: Economy; sector: Sector; kpi: TornadoKpi }
/** "Why this number?": the figure to explain (features/evidence). */
export type EvidenceInput = DocInput & { request: EvidenceRequest }
export type { VarianceBreakdown }

/** The validated dataset the jobs run on. */
export type EngineData = { model: Model; uncertainty: UncertaintySpec }
let data: EngineData | null = null
/**
 * Hands the jobs their dataset: on the main thread (the fallback) the page's own; in the worker a copy the
 * client posts first (structured clone). So the worker bundles neither the JSON nor its validation, and
 * starts without parsing and checking the dataset a second time.
 */
export function setEngineData(d: EngineData) {
  data = d
}
function engineData(): EngineData {
  if (!data) throw new Error('the engine has no dataset yet (setEngineData was not called)')
  return data
}

/** Rows shown in the tornado (the rest are listed as not moving the KPI by more than rounding). */
const TORNADO_ROWS = 15
const fmt = (v: number, unit: string) => `${Math.round(v * 1000) / 1000}${unit ? ` ${unit}` : ''}`

function bands(doc: ScenarioDoc): BandsResult {
  // The shared computation: the same bands as the exports and `chokepoint run --samples 200`.
  const { model, uncertainty } = engineData()
  const sim = bandSimulation(model, uncertainty, doc, BAND_SAMPLES)
  const out = {} as BandsResult
  for (const e of ECONOMIES) {
    out[e] = {} as BandsResult[Economy]
    for (const s of SECTORS) {
      const b = sim.economies[e][s].exposure
      out[e][s] = { low: b.low, high: b.high, p50: b.p50, caption: bandCaption(bandMeta(sim, 0)), stretched: b.stretched.length }
    }
  }
  return out
}

function tornadoBars(input: TornadoInput): TornadoResult {
  const t = tornado(engineData().model, input.doc, { economy: input.economy, sector: input.sector, kpi: input.kpi })
  const bars = t.rows
    .filter((r) => r.swing > 0.005)
    .slice(0, TORNADO_ROWS)
    .map((r) => ({
      id: `${r.kind}:${r.id}:${r.param ?? ''}`,
      label: r.label,
      kind: r.kind,
      lowInput: fmt(r.lowValue, r.unit),
      highInput: fmt(r.highValue, r.unit),
      lowValue: r.kpiLow,
      highValue: r.kpiHigh
    }))
  return { base: t.baseKpi, unit: 'index 0–100', bars }
}

/**
 * The work the engine worker does, as plain functions of plain data (the doc crosses by structured
 * clone). Also called on the main thread when a worker cannot start.
 */
export function runJob(kind: JobKind, input: unknown): unknown {
  const { model, uncertainty } = engineData()
  switch (kind) {
    case 'attribution':
      return attributeView(model, (input as DocInput).doc)
    case 'bands':
      return bands((input as DocInput).doc)
    case 'tornado':
      return tornadoBars(input as TornadoInput)
    case 'evidence':
      return evidenceFor(model, (input as EvidenceInput).doc, (input as EvidenceInput).request)
    case 'variance': {
      const v = input as TornadoInput
      return varianceBreakdown(model, v.doc, { economy: v.economy, sector: v.sector, kpi: v.kpi, samples: WORKSPACE_VARIANCE_SAMPLES, uncertainty })
    }
  }
}
