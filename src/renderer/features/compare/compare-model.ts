import { kpis, type Economy, type EvalResult, type Kpis, type Sector } from '../../../core'
import { SCENARIO_COLORS } from '../../../shared/palette'

/**
 * Pure mappers for the comparison view: one chart per sector with a line per scenario, and the KPI
 * table. Colours and dash patterns follow the scenario's position, so a scenario keeps its look on every
 * chart and in the table (the dash keeps lines apart for readers who cannot tell the colours apart).
 */
export type CompareSeries = { key: string; label: string; color: string; dash: string }
export type CompareRow = { quarter: string } & Record<string, number | string | null>

const DASHES = ['', '7 3', '2 3', '9 3 2 3'] as const

/**
 * On screen the colours are theme variables (styles.css `--scenario-N`: the exports' SCENARIO_COLORS in the
 * light theme, lighter ones in the dark theme so each line keeps 3:1 against the panel); the export colour is
 * the fallback.
 */
export function compareSeries(labels: readonly string[]): CompareSeries[] {
  return labels.map((label, i) => {
    const n = i % SCENARIO_COLORS.length
    return { key: `s${i}`, label, color: `var(--scenario-${n + 1}, ${SCENARIO_COLORS[n]})`, dash: DASHES[i % DASHES.length] }
  })
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

/** What the KPI table shows for one scenario and sector: the core's KPIs, with the quarter as people read it. */
export type SectorKpis = Kpis & { peakLabel: string | null }

/** KPIs of one scenario and sector: the core's definitions, so the table matches the workspace headline. */
export function sectorKpis(result: EvalResult, economy: Economy, sector: Sector, threshold: number): SectorKpis {
  const k = kpis(result.economies[economy][sector], threshold, result.quarters)
  return { ...k, peakLabel: k.peakQuarter ? k.peakQuarter.replace('-', ' ') : null }
}
