import type { Economy, EvalResult, Sector } from '../../../core'
import { SCENARIO_COLORS } from '../../../shared/palette'
import { headline, type Headline } from '../charts/headline'

/**
 * Pure mappers for the comparison view: one chart per sector with a line per scenario, and the KPI
 * table. Colours and dash patterns follow the scenario's position, so a scenario keeps its look on every
 * chart and in the table (the dash keeps lines apart for readers who cannot tell the colours apart).
 */
export type CompareSeries = { key: string; label: string; color: string; dash: string }
export type CompareRow = { quarter: string } & Record<string, number | string | null>

const DASHES = ['', '7 3', '2 3', '9 3 2 3'] as const

export function compareSeries(labels: readonly string[]): CompareSeries[] {
  return labels.map((label, i) => ({ key: `s${i}`, label, color: SCENARIO_COLORS[i % SCENARIO_COLORS.length], dash: DASHES[i % DASHES.length] }))
}

/** Rows for one sector: every quarter any scenario covers (horizons may differ), null where one does not. */
export function overlayRows(results: readonly EvalResult[], economy: Economy, sector: Sector, metric: 'exposure' | 'cost' = 'exposure'): CompareRow[] {
  const quarters = [...new Set(results.flatMap((r) => r.quarters))].sort()
  const lookup = results.map((r) => new Map(r.quarters.map((q, i) => [q, r.economies[economy][sector][metric][i]])))
  return quarters.map((quarter) => {
    const row: CompareRow = { quarter }
    lookup.forEach((m, i) => {
      const v = m.get(quarter)
      row[`s${i}`] = v === undefined ? null : Math.round(v * 100) / 100
    })
    return row
  })
}

export type Kpis = Headline & {
  /** Highest cost-pressure index over the horizon (0–100). */
  peakCost: number
  /** Mean cost-pressure index over the horizon (0–100). */
  meanCost: number
}

/** The figures a room reads out for one scenario and sector (same definitions as the workspace headline). */
export function sectorKpis(result: EvalResult, economy: Economy, sector: Sector, threshold: number): Kpis {
  const series = result.economies[economy][sector]
  const cost = series.cost
  const mean = cost.length ? cost.reduce((a, b) => a + b, 0) / cost.length : 0
  return {
    ...headline(series.exposure, result.quarters, threshold),
    peakCost: Math.round(Math.max(0, ...cost) * 10) / 10,
    meanCost: Math.round(mean * 10) / 10
  }
}
