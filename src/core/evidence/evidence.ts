import { attribute, type SectorAttribution } from '../analysis/attribution'
import { tornado, type TornadoRow } from '../analysis/tornado'
import { evaluate } from '../engine/evaluate'
import { applyBranch, mixResults } from '../engine/branches'
import { CHANNELS, CHANNEL_LABELS, ECONOMY_LABELS, SECTOR_LABELS, type Economy, type EngineResult, type Sector } from '../engine/types'
import type { Confidence } from '../model/catalogue-schema'
import type { Model } from '../model/load-model'
import type { ScenarioDoc } from '../scenario/schema'
import { isGuessSource } from './guess'

/**
 * "Why this number?" (issue 11 item 6): one exposure figure (economy × sector × quarter) explained —
 * what the index means in words, which measures drive it (Shapley attribution), which inputs move it
 * most (one-at-a-time sensitivity of that quarter's figure) with their sources and confidence, and how
 * much of it rests on GUESS inputs. `buildEvidence` is the pure mapper; `evidenceFor` runs the analyses.
 */

/** Which figure to explain. */
export type EvidenceRequest = { economy: Economy; sector: Sector; quarter: string }

/** A measure's share of the figure (index points; negative = relief). */
export type MeasureDriver = { id: string; label: string; side: string; points: number; instrument: string | null; source: string; confidence: Confidence }
/** An input whose range moves the figure; `low`/`high` are the figure with the input at either end. */
export type InputDriver = {
  kind: 'assumption' | 'measure'
  id: string
  label: string
  range: string
  low: number
  high: number
  swing: number
  source: string
  confidence: Confidence
  guess: boolean
}
/** How much of the figure rests on GUESS inputs (docs/MODEL.md §7, "GUESS reliance"). */
export type GuessReliance = {
  /** Σ swing of GUESS inputs ÷ Σ swing of all inputs (0–1); null when no input moves the figure. */
  share: number | null
  guessSwing: number
  totalSwing: number
  /** Inputs that move the figure at all, and how many of them are GUESS. */
  movers: number
  guessMovers: number
}
/** The evidence view's content. */
export type Evidence = EvidenceRequest & {
  title: string
  value: number
  meaning: string[]
  channels: { id: string; label: string; points: number }[]
  structural: number
  measures: MeasureDriver[]
  inputs: InputDriver[]
  guess: GuessReliance
}

/** How many drivers of each kind the view lists. */
export const EVIDENCE_TOP = 5
/** Swings below this (index points) do not count as moving the figure. */
const MOVES = 0.005
/** Shares below this are not listed: they would print as ±0.0 at the view's one decimal. */
const SHOWN = 0.05

const fmt = (v: number) => (Math.round(v * 10) / 10).toFixed(1)
const quarterText = (q: string) => q.replace('-', ' ')

/** The index in words, for this figure. */
export const meaningOf = (value: number, sector: Sector, economy: Economy, quarter: string): string[] => [
  `${fmt(value)} out of 100 is the exposure of ${SECTOR_LABELS[sector].toLowerCase()} in ${ECONOMY_LABELS[economy]} in ${quarterText(quarter)}: ` +
    'the share of the sector\'s critical-input needs left unmet in that quarter after firm inventories, government stocks, ' +
    'substitution and allied supply, each input weighted by how critical it is (1 = a line stops without it).',
  value < 0.05
    ? '0 means nothing critical is missing.'
    : `It is an index for comparing scenarios, not a forecast of lost output: ${fmt(value)} does not mean ${fmt(value)} % of production stops.`
]

/** Everything `buildEvidence` maps; produced by `evidenceFor` (or by hand in tests). */
export type EvidenceParts = { request: EvidenceRequest; result: EngineResult; attribution: SectorAttribution; sensitivity: readonly TornadoRow[] }

/** Pure mapper: analyses of one figure → the evidence view's content. */
export const buildEvidence = (model: Model, parts: EvidenceParts): Evidence => {
  const { request: req, result, attribution, sensitivity } = parts
  const h = result.quarters.indexOf(req.quarter)
  if (h < 0) throw new Error(`quarter ${req.quarter} is outside the scenario's horizon`)
  const series = result.economies[req.economy][req.sector]
  const value = series.exposure[h] as number
  const channels = CHANNELS.map((c) => ({ id: c as string, label: CHANNEL_LABELS[c], points: series.byChannel[c][h] as number }))
    .filter((c) => c.points >= SHOWN)
    .sort((a, b) => b.points - a.points)
  const measures = Object.entries(attribution.byMeasure)
    .map(([id, xs]) => ({ id, points: xs[h] as number }))
    .filter((d) => Math.abs(d.points) >= SHOWN)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.id.localeCompare(b.id))
    .slice(0, EVIDENCE_TOP)
    .map(({ id, points }): MeasureDriver => {
      const m = model.measures[model.measureIndex.get(id) ?? -1]
      return {
        id,
        points,
        label: m ? m.short : id,
        side: m?.side ?? '',
        instrument: m?.instrument?.name ?? null,
        source: m?.instrument?.source ?? 'no legal instrument (a modelled lever)',
        confidence: m?.confidence ?? 'L'
      }
    })
  const movers = sensitivity.filter((r) => r.swing > MOVES).map((r): InputDriver => {
    if (r.kind === 'assumption') {
      const a = model.assumptions[model.assumptionIndex.get(r.id) ?? -1]
      const source = a?.source ?? ''
      return { kind: 'assumption', id: r.id, label: r.label, range: `${r.lowValue}–${r.highValue} ${r.unit}`.trim(), low: r.kpiLow, high: r.kpiHigh, swing: r.swing, source, confidence: a?.confidence ?? 'L', guess: isGuessSource(source) }
    }
    const m = model.measures[model.measureIndex.get(r.id) ?? -1]
    const p = m?.params.find((x) => x.id === r.param)
    const source = p?.source ?? m?.instrument?.source ?? ''
    const guess = isGuessSource(source)
    // A parameter's own confidence where the catalogue gives one (dataset 2026.12.1 on), else its measure's.
    const own = (p as { confidence?: Confidence } | undefined)?.confidence
    return {
      kind: 'measure', id: r.param ? `${r.id}.${r.param}` : r.id, label: r.label, range: `${r.lowValue}–${r.highValue} ${r.unit}`.trim(),
      low: r.kpiLow, high: r.kpiHigh, swing: r.swing, source, confidence: guess ? 'L' : (own ?? m?.confidence ?? 'L'), guess
    }
  })
  movers.sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id))
  const totalSwing = movers.reduce((s, r) => s + r.swing, 0)
  const guessSwing = movers.filter((r) => r.guess).reduce((s, r) => s + r.swing, 0)
  return {
    ...req,
    title: `${SECTOR_LABELS[req.sector]}, ${ECONOMY_LABELS[req.economy]}, ${quarterText(req.quarter)}: ${fmt(value)}`,
    value,
    meaning: meaningOf(value, req.sector, req.economy, req.quarter),
    channels,
    structural: attribution.baseline[h] as number,
    measures,
    inputs: movers.slice(0, EVIDENCE_TOP),
    guess: { share: totalSwing > 0 ? guessSwing / totalSwing : null, guessSwing, totalSwing, movers: movers.length, guessMovers: movers.filter((r) => r.guess).length }
  }
}

/** The scenarios behind the figure the screen shows, with their weights: one, or a scenario's branches (normalised). */
const viewParts = (model: Model, doc: ScenarioDoc): { probability: number; doc: ScenarioDoc }[] => {
  if (doc.branches.length === 0) return [{ probability: 1, doc }]
  const chosen = doc.branches.find((b) => b.id === doc.branchView)
  if (chosen) return [{ probability: 1, doc: applyBranch(model, doc, chosen) }]
  const live = doc.branches.filter((b) => b.probability > 0)
  const total = live.reduce((a, b) => a + b.probability, 0)
  return live.map((b) => ({ probability: b.probability / total, doc: applyBranch(model, doc, b) }))
}

const rowKey = (r: TornadoRow) => `${r.kind}:${r.id}:${r.param ?? ''}`

/**
 * The probability-weighted mean of each branch's one-at-a-time rows: the mixture is linear in its
 * branches, so an input's low/high mixture figure is the weighted mean of the branches' (a measure
 * inactive in a branch leaves that branch at its base figure).
 */
const mixRows = (parts: readonly { probability: number; base: number; rows: readonly TornadoRow[] }[]): TornadoRow[] => {
  const byKey = new Map<string, TornadoRow>()
  for (const part of parts) for (const r of part.rows) if (!byKey.has(rowKey(r))) byKey.set(rowKey(r), r)
  return [...byKey.values()].map((first) => {
    let kpiLow = 0
    let kpiHigh = 0
    for (const part of parts) {
      const r = part.rows.find((x) => rowKey(x) === rowKey(first))
      kpiLow += part.probability * (r ? r.kpiLow : part.base)
      kpiHigh += part.probability * (r ? r.kpiHigh : part.base)
    }
    return { ...first, kpiLow, kpiHigh, swing: Math.abs(kpiHigh - kpiLow) }
  })
}

/**
 * Run the analyses behind one figure as the screen shows it (evaluation, attribution, local
 * sensitivity) and map them. With branches, the figure is the chosen branch's or the mixture's, and
 * attribution and sensitivity are mixed with the same weights (Shapley values are linear in the game).
 */
export const evidenceFor = (model: Model, doc: ScenarioDoc, req: EvidenceRequest): Evidence => {
  const parts = viewParts(model, doc).map((p) => {
    const t = tornado(model, p.doc, { economy: req.economy, sector: req.sector, kpi: 'peak', quarter: req.quarter })
    return { ...p, result: evaluate(model, p.doc), attribution: attribute(model, p.doc)[req.economy][req.sector], base: t.baseKpi, rows: t.rows }
  })
  const only = parts.length === 1 ? parts[0] : undefined
  if (only) return buildEvidence(model, { request: req, result: only.result, attribution: only.attribution, sensitivity: only.rows })
  const mixSeries = (pick: (a: SectorAttribution) => readonly number[]): number[] =>
    (pick((parts[0] as (typeof parts)[number]).attribution)).map((_, h) => parts.reduce((acc, p) => acc + p.probability * (pick(p.attribution)[h] ?? 0), 0))
  const ids = [...new Set(parts.flatMap((p) => Object.keys(p.attribution.byMeasure)))]
  const attribution: SectorAttribution = {
    baseline: mixSeries((a) => a.baseline),
    byMeasure: Object.fromEntries(ids.map((id) => [id, mixSeries((a) => a.byMeasure[id] ?? a.baseline.map(() => 0))]))
  }
  return buildEvidence(model, { request: req, result: mixResults(parts), attribution, sensitivity: mixRows(parts) })
}
