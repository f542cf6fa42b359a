import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ECONOMIES, SECTORS, loadUncertainty, varianceBreakdown,
  type Economy, type Layers, type Model, type ScenarioDoc, type Sector, type UncertaintySpec, type VarianceBreakdown, type VarianceKpi
} from '../core/index'

/**
 * `chokepoint variance`: what drives the band — first-order and total Sobol indices of one KPI over
 * the factor blocks of the uncertainty structure (docs/MODEL.md §6). Also the `--structure` switch the
 * `run` command shares (the review's experiment: independent → correlated → policy → full).
 */

/** Usage lines of the variance command (appended to the CLI's help). */
export const VARIANCE_USAGE = `  chokepoint variance <scenario.json> [--economy us|cn] [--sector defense|autos|electronics]
                     [--kpi peak|mean|cost-peak|quarter] [--quarter YYYY-Qn] [--samples N] [--branch ID|mixture]
                     [--structure independent|correlated|policy|full] [--format text|json]

variance  what drives the band: the share of the KPI's variance each factor explains alone (first-order
          Sobol index, with a bootstrap 90 % interval) and with its interactions (total index). Factors:
          each posture with its policy draws, each correlated assumption group, the branch draw, the rest.
          Costs N·(factors + 2) engine runs (default N = 256).
`

/** Load resources/data/uncertainty.json under `root`, checked against the model. */
export const loadShippedUncertainty = (model: Model, root: string): UncertaintySpec =>
  loadUncertainty(JSON.parse(readFileSync(join(root, 'resources', 'data', 'uncertainty.json'), 'utf8')), model)

/** Layers per `--structure` value. */
export const STRUCTURES: Record<string, Layers> = {
  independent: { correlation: false, policy: false, posture: false },
  correlated: { correlation: true, policy: false, posture: false },
  policy: { correlation: true, policy: true, posture: false },
  full: { correlation: true, policy: true, posture: true }
}

/** Parse `--structure` (default full); throws a readable message for anything else. */
export const parseStructure = (raw: string | undefined): Layers => {
  const layers = STRUCTURES[raw ?? 'full']
  if (!layers) throw new Error(`--structure must be one of ${Object.keys(STRUCTURES).join(', ')}, not "${raw}"`)
  return layers
}

const oneOf = <T extends string>(flag: string, raw: string | undefined, allowed: readonly T[], fallback: T): T => {
  if (raw === undefined) return fallback
  if (!(allowed as readonly string[]).includes(raw)) throw new Error(`--${flag} must be one of ${allowed.join(', ')}, not "${raw}"`)
  return raw as T
}

/** Run the breakdown for parsed flags; returns the text to print. Throws Error with a readable message on bad flags. */
export const varianceCommand = (model: Model, spec: UncertaintySpec, doc: ScenarioDoc, flags: ReadonlyMap<string, string>): string => {
  const economy = oneOf<Economy>('economy', flags.get('economy'), ECONOMIES, 'us')
  const sector = oneOf<Sector>('sector', flags.get('sector'), SECTORS, 'defense')
  const kpi = oneOf<VarianceKpi>('kpi', flags.get('kpi'), ['peak', 'mean', 'cost-peak', 'quarter'], flags.has('quarter') ? 'quarter' : 'peak')
  const format = oneOf('format', flags.get('format'), ['text', 'json'] as const, 'text')
  const samplesRaw = flags.get('samples')
  const samples = samplesRaw === undefined ? 256 : Number(samplesRaw)
  if (!Number.isInteger(samples) || samples < 8 || samples > 20_000) throw new Error(`--samples must be a whole number 8–20000, not "${samplesRaw}"`)
  const r = varianceBreakdown(model, doc, {
    economy, sector, kpi, quarter: flags.get('quarter'), samples, uncertainty: spec, layers: parseStructure(flags.get('structure')), branch: flags.get('branch')
  })
  return format === 'json' ? JSON.stringify(r, null, 2) + '\n' : formatBreakdown(doc.name, r)
}

const pct = (x: number): string => `${(100 * x).toFixed(0).padStart(4)} %`

/** Plain-text table of a breakdown, largest first-order share first. */
export const formatBreakdown = (name: string, r: VarianceBreakdown): string => {
  const what = r.kpi === 'quarter' ? `exposure in ${r.quarter}` : r.kpi === 'peak' ? 'peak exposure' : r.kpi === 'mean' ? 'mean exposure' : 'peak cost pressure'
  const lines = [
    `${name}: what drives the band of ${what}, ${r.economy} ${r.sector}${r.branches <= 1 ? '' : r.view === 'mixture' ? ' (mixture of branches)' : ` (branch ${r.view})`}`,
    `mean ${r.mean.toFixed(1)}, standard deviation ${Math.sqrt(r.variance).toFixed(1)} index points; N = ${r.samples}, ${r.evaluations} engine runs, seeded`,
    '',
    `${'factor'.padEnd(58)} first-order  (90 % interval)   total   (90 % interval)`,
    ...r.factors.map((f) => `${f.label.padEnd(58)} ${pct(f.firstOrder)}     (${pct(f.firstOrderLow)} – ${pct(f.firstOrderHigh)})  ${pct(f.total)}  (${pct(f.totalLow)} – ${pct(f.totalHigh)})`),
    `${'interactions (1 − Σ first-order)'.padEnd(58)} ${pct(r.interactions)}`,
    '90 % intervals: bootstrap over the N rows, the estimate\'s own sampling noise; a total below its first-order share equals it within that noise.',
    ''
  ]
  return lines.join('\n')
}
