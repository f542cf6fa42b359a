import { CHANNELS, CHANNEL_LABELS, ECONOMIES, SECTORS, type EngineResult, type SimulationResult } from '../core/index'

/** One evaluated scenario, as the CLI reports it. */
export type Run = { file: string; name: string; result: EngineResult; bands: SimulationResult | null; branch?: string | null }

const INDEX = '(index 0–100)'

const csvCell = (v: string | number): string => {
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : ''
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/**
 * Wide CSV: one row per scenario × quarter × economy × sector. Units are in the headers; magnet
 * export indices (1 = same quarter of 2024) repeat on every row of their quarter.
 */
export const toCsv = (runs: readonly Run[]): string => {
  const withBands = runs.some((r) => r.bands !== null)
  // A 'branch' column (branch id or 'mixture') only when some scenario has branches, so other files keep their layout.
  const withBranch = runs.some((r) => (r.branch ?? null) !== null)
  const header = [
    'scenario', 'file', ...(withBranch ? ['branch'] : []), 'quarter', 'economy', 'sector', `exposure ${INDEX}`, `cost pressure ${INDEX}`,
    ...CHANNELS.map((k) => `exposure: ${CHANNEL_LABELS[k]} ${INDEX}`),
    ...(withBands ? [`exposure P10 ${INDEX}`, `exposure P50 ${INDEX}`, `exposure P90 ${INDEX}`, `cost P10 ${INDEX}`, `cost P50 ${INDEX}`, `cost P90 ${INDEX}`] : []),
    'China magnet exports, global (ratio to same quarter 2024)', 'China magnet exports, US-bound (ratio to same quarter 2024)'
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const run of runs) {
    const r = run.result
    r.quarters.forEach((q, h) => {
      for (const e of ECONOMIES) for (const s of SECTORS) {
        const ser = r.economies[e][s]
        const b = run.bands?.economies[e][s]
        const bandCells = withBands
          ? b ? [b.exposure.p10[h], b.exposure.p50[h], b.exposure.p90[h], b.cost.p10[h], b.cost.p50[h], b.cost.p90[h]].map((x) => x ?? '') : ['', '', '', '', '', '']
          : []
        const row: (string | number)[] = [
          run.name, run.file, ...(withBranch ? [run.branch ?? ''] : []), q, e, s, ser.exposure[h] ?? '', ser.cost[h] ?? '',
          ...CHANNELS.map((k) => ser.byChannel[k][h] ?? ''),
          ...bandCells,
          r.diagnostics.magnetExportsIndex.global[h] ?? '', r.diagnostics.magnetExportsIndex.usBound[h] ?? ''
        ]
        lines.push(row.map(csvCell).join(','))
      }
    })
  }
  return lines.join('\n') + '\n'
}

/** JSON report: model versions plus each run's full result (and bands when sampled). */
export const toJson = (runs: readonly Run[], versions: { datasetVersion: string; catalogueVersion: string }): string =>
  JSON.stringify({
    ...versions,
    units: { exposure: 'index 0–100', cost: 'index 0–100', magnetExportsIndex: 'ratio to same quarter of 2024', alliedCapacityShare: 'share of allied demand' },
    runs: runs.map((r) => ({ file: r.file, name: r.name, ...(r.branch ? { branch: r.branch } : {}), ...r.result, bands: r.bands }))
  }, null, 2) + '\n'
