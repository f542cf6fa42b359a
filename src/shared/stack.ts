/** Where one series sits at one point: its positive part above zero, its negative part below, as [lower, upper]. */
export type StackLevel = { up: [number, number]; down: [number, number] }

/**
 * The levels of a stacked chart, the same on screen and in every export: series stack in order from the
 * axis outwards, positive values up from 0 and negative ones (a measure that lowers exposure) down from 0.
 * A series is split into its positive and its negative part, each stacked on its own side, so a series
 * that changes sign, or falls to zero, tapers along the stack instead of cutting across it.
 * `values[i][t]` is series i at point t; the result's `[t][i]` is where series i sits at point t.
 */
export function stackLevels(values: readonly (readonly (number | null | undefined)[])[]): StackLevel[][] {
  const count = Math.max(0, ...values.map((s) => s.length))
  return Array.from({ length: count }, (_, t) => {
    let up = 0
    let down = 0
    return values.map((s) => {
      const v = s[t] ?? 0
      const positive = Math.max(v, 0)
      const negative = Math.min(v, 0)
      const level: StackLevel = { up: [up, up + positive], down: [down + negative, down] }
      up += positive
      down += negative
      return level
    })
  })
}

/** Whether series i has a positive (or a negative) part anywhere: the part worth drawing. */
export const hasPart = (levels: readonly StackLevel[][], i: number, side: 'up' | 'down') => levels.some((at) => at[i][side][1] !== at[i][side][0])
