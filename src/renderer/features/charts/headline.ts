import { quarterLabel } from './chart-series'

/** The headline figures of one sector: what a facilitator reads out. */
export type Headline = { peak: number; peakQuarter: string | null; above: number; threshold: number }

/** Peak exposure (first quarter that reaches it) and the number of quarters strictly above `threshold`. */
export function headline(values: readonly number[], quarters: readonly string[], threshold: number): Headline {
  let peak = 0
  let at = -1
  let above = 0
  values.forEach((v, t) => {
    if (v > peak) {
      peak = v
      at = t
    }
    if (v > threshold) above++
  })
  return { peak: Math.round(peak * 10) / 10, peakQuarter: at >= 0 ? quarterLabel(quarters[at]) : null, above, threshold }
}
