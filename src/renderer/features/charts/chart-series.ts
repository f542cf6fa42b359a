import { CHANNELS, type Channel, type Economy, type EvalResult, type Sector } from '../../../core'

/** One row per quarter, as recharts wants it: a value per channel plus the total and the reference. */
export type ChannelRow = { quarter: string; total: number; reference: number | null } & Record<Channel, number>

/** '2025-Q1' → '2025 Q1' (axis labels). */
export const quarterLabel = (q: string) => q.replace('-', ' ')

const round = (v: number) => Math.round(v * 100) / 100

/**
 * Maps an engine result to the rows of one sector's chart, stacked by channel. `reference` is the same
 * sector in a comparison result (e.g. the scenario with no measures), or null.
 */
export function toChannelRows(result: EvalResult, economy: Economy, sector: Sector, reference?: EvalResult): ChannelRow[] {
  const series = result.economies[economy][sector]
  const ref = reference?.economies[economy][sector]
  return result.quarters.map((q, t) => {
    const row = { quarter: quarterLabel(q), total: round(series.exposure[t]), reference: ref ? round(ref.exposure[t]) : null } as ChannelRow
    for (const c of CHANNELS) row[c] = round(series.byChannel[c][t])
    return row
  })
}

/** Channels that are non-zero somewhere in the rows: the chart draws only those, so the legend stays readable. */
export function activeChannels(rows: ChannelRow[]): Channel[] {
  return CHANNELS.filter((c) => rows.some((r) => r[c] > 0))
}
