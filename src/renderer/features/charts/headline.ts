import { kpis, type Kpis } from '../../../core'
import { quarterLabel } from './chart-series'

/** The headline figures of one sector: what a facilitator reads out. */
export type Headline = { peak: number; peakQuarter: string | null; above: number; threshold: number; /** Quarter id of the peak ('2027-Q1'), for the evidence view. */ peakId: string | null }

/** The core's KPIs (one definition shared with the library's comparison table) as the chart header shows them. */
export function toHeadline(k: Pick<Kpis, 'peakExposure' | 'peakQuarter' | 'quartersAbove'>, threshold: number): Headline {
  return {
    peak: Math.round(k.peakExposure * 10) / 10,
    peakQuarter: k.peakExposure > 0 && k.peakQuarter ? quarterLabel(k.peakQuarter) : null,
    peakId: k.peakExposure > 0 && k.peakQuarter ? k.peakQuarter : null,
    above: k.quartersAbove,
    threshold
  }
}

/** Headline of a bare exposure series (used by the comparison table): same definitions as the core's KPIs. */
export function headline(values: readonly number[], quarters: readonly string[], threshold: number): Headline {
  return toHeadline(kpis({ exposure: [...values], cost: values.map(() => 0) }, threshold, quarters), threshold)
}
