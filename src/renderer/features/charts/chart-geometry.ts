import { area, line } from 'd3-shape'

/** A data → pixel mapping (recharts' axis scales, as its hooks return them). */
export type PixelScale = (value: number) => number

/** Two edges at one point: a stacked series' [from, to], or a P10–P90 range. */
export type Edges = readonly [number, number]

/** SVG path of the area between two edges (a stacked series, the P10–P90 band), one point per x. */
export function bandPath(xs: readonly number[], edges: readonly (Edges | null)[], y: PixelScale): string {
  const path = area<Edges | null>()
    .defined((p) => p !== null)
    .x((_, i) => xs[i])
    .y0((p) => y(p![0]))
    .y1((p) => y(p![1]))
  return path(edges as (Edges | null)[]) ?? ''
}

/** SVG path of a line through the values (gaps where a value is null). */
export function linePath(xs: readonly number[], values: readonly (number | null)[], y: PixelScale): string {
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => xs[i])
    .y((v) => y(v!))
  return path(values as (number | null)[]) ?? ''
}
