import { area, line, stack, type Series } from 'd3-shape'
import type { ChartRow, SeriesDef } from './chart-series'

/** A data → pixel mapping (recharts' axis scales, as its hooks return them). */
export type PixelScale = (value: number) => number

/** Lower and upper edge of one series in one row (lower first, also below zero). */
export type StackedPoint = readonly [number, number]

/**
 * Positive values (and zeros) stack up from zero, negative ones down from it. Unlike d3's diverging
 * offset, a zero stays on top of the positive stack, so a series that falls to zero tapers along the
 * stack instead of cutting across it to the axis (this is recharts' "sign" offset).
 */
function offsetSign(layers: Series<ChartRow, string>[], order: Iterable<number>) {
  const ordered = [...order]
  for (let j = 0; j < (layers[0]?.length ?? 0); j++) {
    let positive = 0
    let negative = 0
    for (const i of ordered) {
      const p = layers[i][j]
      const value = p[1] - p[0]
      if (value >= 0) {
        p[0] = positive
        p[1] = positive += value
      } else {
        p[1] = negative
        p[0] = negative += value
      }
    }
  }
}

/** Where each series sits in the stack, row by row, in series order from the axis outwards. */
export function stackSeries(rows: readonly ChartRow[], series: readonly SeriesDef[]): StackedPoint[][] {
  const layers = stack<ChartRow, string>()
    .keys(series.map((s) => s.key))
    .value((row, key) => Number(row[key] ?? 0))
    .offset(offsetSign)(rows as ChartRow[])
  return layers.map((layer) => layer.map((p): StackedPoint => [p[0], p[1]]))
}

/** SVG path of a band between two edges (a stacked series, the P10–P90 range), one point per x. */
export function bandPath(xs: readonly number[], edges: readonly (StackedPoint | null)[], y: PixelScale): string {
  const path = area<StackedPoint | null>()
    .defined((p) => p !== null)
    .x((_, i) => xs[i])
    .y0((p) => y(p![0]))
    .y1((p) => y(p![1]))
  return path(edges as (StackedPoint | null)[]) ?? ''
}

/** SVG path of a line through the values (gaps where a value is null). */
export function linePath(xs: readonly number[], values: readonly (number | null)[], y: PixelScale): string {
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => xs[i])
    .y((v) => y(v!))
  return path(values as (number | null)[]) ?? ''
}
