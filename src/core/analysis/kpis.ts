import type { SectorSeries } from '../engine/types'

/** Headline figures of one sector series. Indices are horizon positions (0 = first quarter). */
export type Kpis = {
  /** Highest exposure (0–100) and where it occurs (first occurrence; −1/null for an empty series). */
  peakExposure: number
  peakIndex: number
  peakQuarter: string | null
  /** Mean exposure over the horizon (0–100). */
  meanExposure: number
  /** Number of quarters with exposure strictly above `threshold`. */
  quartersAbove: number
  /** First quarter index above `threshold`, or −1. */
  firstAboveIndex: number
  /** Highest cost pressure (0–100). */
  peakCost: number
}

/** KPIs of a series; `quarters` (aligned labels) is optional and only fills `peakQuarter`. */
export const kpis = (series: Pick<SectorSeries, 'exposure' | 'cost'>, threshold: number, quarters?: readonly string[]): Kpis => {
  let peakExposure = 0
  let peakIndex = -1
  let quartersAbove = 0
  let firstAboveIndex = -1
  let sum = 0
  series.exposure.forEach((x, i) => {
    sum += x
    if (peakIndex < 0 || x > peakExposure) {
      peakExposure = x
      peakIndex = i
    }
    if (x > threshold) {
      quartersAbove++
      if (firstAboveIndex < 0) firstAboveIndex = i
    }
  })
  const n = series.exposure.length
  return {
    peakExposure,
    peakIndex,
    peakQuarter: peakIndex >= 0 ? (quarters?.[peakIndex] ?? null) : null,
    meanExposure: n > 0 ? sum / n : 0,
    quartersAbove,
    firstAboveIndex,
    peakCost: series.cost.reduce((m, x) => (x > m ? x : m), 0)
  }
}
