import type { Model, SectorAttribution } from '../../core'
import { spoken, type Driver } from './takeaway'

/**
 * What stands behind the headline figures, read generically from the data: the drivers of a figure (Shapley
 * split by measure, core `attribute`) with the source and confidence each carries, and how many inputs of
 * the dataset are sourced, of what confidence, and how many are modelling guesses. Nothing here names a
 * particular measure, channel or assumption: the catalogue and dataset may change shape.
 */

/** The exposure with every measure off, as a driver. */
export const BASELINE_DRIVER = 'Baseline dependence (no measure)'

export type DriverRow = Driver & {
  /** Whether the driver raises the figure (+ points) or relieves it (− points). */
  effect: 'adds' | 'relieves'
  /**
   * |points| as a share (0–1) of the gross additions — the sum of every + contribution, baseline included.
   * Shares of the net figure would exceed 100 % whenever relief measures offset part of the additions.
   */
  share: number
  /** Where the driver's figures come from (instrument or parameter source; the dataset for the baseline). */
  source: string
  /** H / M / L, or '—' when the data gives none. */
  confidence: string
  /** True when the driver's source is a modelling guess. */
  guess: boolean
  /** The dataset figures the driver's effect rests on (the coverage of each channel it acts on here). */
  assumptions: { label: string; confidence: string; guess: boolean }[]
}

/** A GUESS marker on an input: a `guess: true` flag, or "GUESS" in its source text. */
export const isGuess = (input: { source?: unknown; guess?: unknown }) => input.guess === true || (typeof input.source === 'string' && /\bguess\b/i.test(input.source))

/** Source and confidence of a measure: its legal instrument's source, else its primary parameter's. */
export function measureProvenance(model: Model, id: string): { name: string; source: string; confidence: string; guess: boolean } | null {
  const i = model.measureIndex.get(id)
  if (i === undefined) return null
  const m = model.measures[i]
  const primary = m.params.find((p) => p.primary) ?? m.params[0]
  const source = m.instrument?.source ?? primary?.source ?? 'modelled lever (no legal instrument)'
  const guess = isGuess({ source }) || m.params.some((p) => p.primary && isGuess(p))
  return { name: m.short, source, confidence: m.confidence, guess }
}

/** The contributions to a figure at quarter `t`: each measure's and the baseline's, in index points. */
export function driversAt(model: Model, split: SectorAttribution, t: number): Driver[] {
  const out: Driver[] = [{ name: BASELINE_DRIVER, value: split.baseline[t] ?? 0 }]
  for (const [id, values] of Object.entries(split.byMeasure)) {
    out.push({ name: measureProvenance(model, id)?.name ?? id, value: values[t] ?? 0 })
  }
  return out
}

/** What adds to a figure: the sum of its positive contributions (baseline included), the base of every driver share. */
export const grossAdditions = (drivers: readonly Driver[]): number => drivers.reduce((a, d) => a + Math.max(0, d.value), 0)

/**
 * The drivers of a figure at quarter `t`, with their provenance: what adds to it (largest first), then what
 * relieves it (largest relief first). Each is kept when its points reach `minShare` of the gross additions;
 * its `share` is of the gross additions, so shares never exceed 100 % and the additions' shares sum to at most 1.
 */
export function driverRows(model: Model, split: SectorAttribution, t: number, total: number, datasetVersion: string, economy: string, minShare = 0.1): DriverRow[] {
  if (total <= 0) return []
  const candidates: Omit<DriverRow, 'effect' | 'share'>[] = [
    { name: BASELINE_DRIVER, value: split.baseline[t] ?? 0, source: `Baseline dataset ${datasetVersion}: dependence with every measure off (supply shares, buffers, substitution)`, confidence: '—', guess: false, assumptions: [] }
  ]
  for (const [id, values] of Object.entries(split.byMeasure)) {
    const p = measureProvenance(model, id)
    candidates.push({ name: p?.name ?? id, value: values[t] ?? 0, source: p?.source ?? 'not in the current catalogue', confidence: p?.confidence ?? '—', guess: p?.guess ?? false, assumptions: coverageOf(model, id, economy) })
  }
  const gross = grossAdditions(candidates)
  if (gross <= 0) return []
  const rows: DriverRow[] = candidates
    .filter((c) => Math.abs(c.value) >= minShare * gross)
    .map((c) => ({ ...c, effect: c.value > 0 ? 'adds' : 'relieves', share: Math.abs(c.value) / gross }))
  return rows.sort((a, b) => (a.effect === b.effect ? Math.abs(b.value) - Math.abs(a.value) : a.effect === 'adds' ? -1 : 1))
}

/** Signed index points as said aloud: "+40", "−1.5" (a true minus sign). */
export const signedPoints = (v: number): string => (v < 0 ? `\u2212${spoken(-v)}` : `+${spoken(v)}`)

/** A driver in a few words: "adds +40 points (52 % of what adds to the peak)" / "relieves −12 points". */
export const driverEffect = (d: Pick<DriverRow, 'effect' | 'value' | 'share'>, of = 'the peak'): string =>
  d.effect === 'adds' ? `adds ${signedPoints(d.value)} points (${pct(d.share)} of what adds to ${of})` : `relieves ${signedPoints(d.value)} points`

/** The drivers a sector's headline names: its three largest additions and its largest relief. */
export const headlineDrivers = (drivers: readonly DriverRow[]): DriverRow[] => [...drivers.filter((d) => d.effect === 'adds').slice(0, 3), ...drivers.filter((d) => d.effect === 'relieves').slice(0, 1)]

/** A share as whole per cent, never "100 %" for less than all of it. */
export const pct = (x: number): string => `${x < 1 && Math.round(x * 100) === 100 ? 99 : Math.round(x * 100)} %`

/** The assumptions a measure's effects on an economy read (their `coverage`), each once, with confidence and GUESS marker. */
export function coverageOf(model: Model, id: string, economy: string): DriverRow['assumptions'] {
  const i = model.measureIndex.get(id)
  if (i === undefined) return []
  const ids = new Set<string>()
  for (const effect of model.measures[i].channels as readonly { economy: string; coverage?: string }[]) if (effect.economy === economy && effect.coverage) ids.add(effect.coverage)
  return [...ids].flatMap((a) => {
    const k = model.assumptionIndex.get(a)
    const found = k === undefined ? undefined : model.assumptions[k]
    return found ? [{ label: found.label, confidence: found.confidence, guess: isGuess(found) }] : []
  })
}

export type Provenance = { inputs: number; guesses: number; byConfidence: Record<string, number> }

/**
 * Counts the dataset's inputs: every object in the catalogue and dataset that carries a `source` (assumptions,
 * projects, measure parameters, instruments), how many are modelling guesses, and their confidence codes.
 */
export function provenance(model: Pick<Model, 'assumptions' | 'projects' | 'measures'>): Provenance {
  const result: Provenance = { inputs: 0, guesses: 0, byConfidence: {} }
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    const o = node as Record<string, unknown>
    if (typeof o.source === 'string') {
      result.inputs++
      if (isGuess(o)) result.guesses++
      if (typeof o.confidence === 'string') result.byConfidence[o.confidence] = (result.byConfidence[o.confidence] ?? 0) + 1
    }
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') visit(v)
  }
  visit([model.assumptions, model.projects, model.measures])
  return result
}

/** What the indices mean, for the sources-and-caveats slide and the speaker notes. */
export const INDEX_MEANING = [
  'Exposure (index 0–100): the criticality-weighted share of a sector’s critical inputs left unmet in the quarter, after inventories, stocks, substitution and allied supply. 0 = nothing missing, 100 = every critical input missing.',
  'Cost pressure (index 0–100): 100·X/(1+X), X the rise in the sector’s unit cost from input price rises and tariffs (each input weighted by its share of the sector’s cost) divided by the sector’s operating margin; 50 = price rises eat the whole margin.',
  'Both are indices for comparing scenarios, not forecasts of output loss.'
]
