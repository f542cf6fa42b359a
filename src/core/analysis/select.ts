/**
 * Quantiles of an unsorted sample without sorting it: partial ordering in place (quickselect with a
 * median-of-three pivot), so a band's P10/P50/P90 over 1,000 draws cost O(n) per quarter instead of a
 * full sort. Gives exactly the values `quantile` gives on the sorted sample (type 7, linear
 * interpolation between order statistics); the array is left partially ordered.
 */

const swap = (a: Float64Array, i: number, j: number): void => {
  const t = a[i] as number
  a[i] = a[j] as number
  a[j] = t
}

/** Place the k-th smallest element of a[lo..hi] at index k, smaller ones before it, larger after. */
const selectInPlace = (a: Float64Array, k: number, lo: number, hi: number): void => {
  let l = lo
  let r = hi
  while (r > l) {
    const m = (l + r) >>> 1
    // Median of three as pivot, moved to r.
    if ((a[m] as number) < (a[l] as number)) swap(a, m, l)
    if ((a[r] as number) < (a[l] as number)) swap(a, r, l)
    if ((a[m] as number) < (a[r] as number)) swap(a, m, r)
    const pivot = a[r] as number
    let store = l
    for (let i = l; i < r; i++) {
      if ((a[i] as number) < pivot) swap(a, i, store++)
    }
    swap(a, store, r)
    if (store === k) return
    if (store < k) l = store + 1
    else r = store - 1
  }
}

/**
 * Type-7 quantiles at increasing probabilities `ps` of the values in `a` (reordered in place).
 * Each needs the order statistics at ⌊(n−1)p⌋ and the next one; selections narrow left to right.
 */
export const quantilesInPlace = (a: Float64Array, ps: readonly number[]): number[] => {
  const n = a.length
  if (n === 0) return ps.map(() => Number.NaN)
  let from = 0
  return ps.map((p) => {
    const x = (n - 1) * p
    const lo = Math.floor(x)
    const hi = Math.min(n - 1, lo + 1)
    const w = x - lo
    if (lo >= from) selectInPlace(a, lo, from, n - 1)
    // Everything after `lo` is ≥ a[lo]: the next order statistic is their minimum.
    let next = a[lo] as number
    if (hi > lo) {
      let mi = hi
      for (let i = hi + 1; i < n; i++) if ((a[i] as number) < (a[mi] as number)) mi = i
      swap(a, hi, mi)
      next = a[hi] as number
    }
    from = hi
    return (a[lo] as number) * (1 - w) + next * w
  })
}
