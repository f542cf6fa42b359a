/**
 * The levels of a stacked chart, the same on screen and in every export: series stack in order from
 * the axis outwards, positive values (and zeros) up from 0 and negative ones (a measure that lowers
 * exposure) down from 0 — recharts' "sign" offset. A zero stays on top of the positive stack, so a
 * series that falls to zero tapers along the stack instead of cutting across it.
 * `values[i][t]` is series i at point t; the result's `[t][i]` is [from, to] of series i at point t.
 */
export function stackLevels(values: readonly (readonly (number | null | undefined)[])[]): [number, number][][] {
  const count = Math.max(0, ...values.map((s) => s.length))
  return Array.from({ length: count }, (_, t) => {
    let up = 0
    let down = 0
    return values.map((s) => {
      const v = s[t] ?? 0
      if (v >= 0) return [up, (up += v)] as [number, number]
      return [down, (down += v)] as [number, number]
    })
  })
}
