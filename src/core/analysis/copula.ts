/**
 * Gaussian-copula building blocks (docs/MODEL.md §6): the standard normal CDF and its inverse,
 * inverse-CDF tables for the beta-PERT and triangular marginals, the conversion between a stated
 * rank (Spearman) correlation and the latent normal correlation, and a Spearman estimator for tests.
 * Pure and deterministic; random numbers come from the caller's seeded `Rng`.
 */
import type { Rng } from './rng'

/** Standard normal CDF Φ via the Numerical Recipes erfc (fractional error < 1.2e-7), ample for quantile mapping. */
export const normalCdf = (x: number): number => {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.5 * z)
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    )
  return x >= 0 ? 1 - r / 2 : r / 2
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export const normalInv = (p: number): number => {
  if (!(p > 0)) return Number.NEGATIVE_INFINITY
  if (!(p < 1)) return Number.POSITIVE_INFINITY
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const lowTail = 0.02425
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
  }
  if (p > 1 - lowTail) return -normalInv(1 - p)
  const q = p - 0.5
  const r = q * q
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
}

/** Fill `target` with independent standard normals (Box–Muller, both halves of each pair used). */
export const fillNormals = (target: Float64Array, rng: Rng): void => {
  for (let i = 0; i < target.length; i += 2) {
    const u = 1 - rng()
    const v = rng()
    const r = Math.sqrt(-2 * Math.log(u))
    target[i] = r * Math.cos(2 * Math.PI * v)
    if (i + 1 < target.length) target[i + 1] = r * Math.sin(2 * Math.PI * v)
  }
}

/**
 * Latent normal correlation that gives rank correlation `spearman` under a Gaussian copula:
 * r = 2·sin(π·ρₛ/6) (Pearson 1907). Inverse of `spearmanOfLatent`.
 */
export const latentOfSpearman = (spearman: number): number => 2 * Math.sin((Math.PI * spearman) / 6)
/** Rank correlation of a bivariate normal with correlation r: ρₛ = (6/π)·asin(r/2). */
export const spearmanOfLatent = (r: number): number => (6 / Math.PI) * Math.asin(r / 2)

/** Marginal shape over [low, high] with the mode at the base value. */
export type MarginalShape = 'pert' | 'triangular'

/** Points in an inverse-CDF table: u = k/(TABLE−1); linear interpolation between them. */
const TABLE = 1025
/** Integration steps of the PERT density per table (CDF by the trapezoid rule on a fine grid). */
const STEPS = 4096

/**
 * Inverse CDF of a marginal as a function of u ∈ (0, 1). Built once per assumption and simulation;
 * each draw then costs one table look-up. A degenerate range (low = high) always returns the mode.
 */
export type InverseCdf = (u: number) => number

/** Inverse CDF of the triangular distribution (closed form). */
const triangularInv = (low: number, mode: number, high: number): InverseCdf => {
  const range = high - low
  const f = (mode - low) / range
  return (u) => (u < f ? low + Math.sqrt(u * range * (mode - low)) : high - Math.sqrt((1 - u) * range * (high - mode)))
}

/** ln(i/STEPS) and ln(1 − i/STEPS) on the integration grid (i = 1 … STEPS − 1), shared by every PERT table. */
let gridLogs: { lx: Float64Array; l1x: Float64Array } | null = null
const logsOfGrid = (): { lx: Float64Array; l1x: Float64Array } => {
  if (gridLogs === null) {
    const lx = new Float64Array(STEPS + 1)
    const l1x = new Float64Array(STEPS + 1)
    for (let i = 1; i < STEPS; i++) {
      const x = i / STEPS
      lx[i] = Math.log(x)
      l1x[i] = Math.log(1 - x)
    }
    gridLogs = { lx, l1x }
  }
  return gridLogs
}

/**
 * Inverse-CDF tables of Beta(α, β) on the unit interval by (α, β): a marginal is this table scaled to
 * [low, high], and assumptions or branches with the same shape share it. Bounded (cleared when full)
 * so a long session with many edited ranges cannot grow it without limit.
 */
const unitTables = new Map<string, Float64Array>()
const UNIT_TABLES_MAX = 4096

/** Beta(α, β) quantiles at u = k/(TABLE−1), as positions j + w on the STEPS grid divided by STEPS. */
const unitTable = (a: number, b: number): Float64Array => {
  const key = `${a},${b}`
  const hit = unitTables.get(key)
  if (hit !== undefined) return hit
  const { lx, l1x } = logsOfGrid()
  // CDF by the trapezoid rule on the unnormalised density; endpoints handled by the α, β ≥ 1 bounds.
  const cdf = new Float64Array(STEPS + 1)
  let prev = 0
  let prevD = a === 1 ? 1 : 0
  for (let i = 1; i <= STEPS; i++) {
    const d = i === STEPS ? (b === 1 ? 1 : 0) : Math.exp((a - 1) * (lx[i] as number) + (b - 1) * (l1x[i] as number))
    prev += (prevD + d) / 2
    cdf[i] = prev
    prevD = d
  }
  const total = prev
  const unit = new Float64Array(TABLE)
  let j = 0
  for (let k = 0; k < TABLE; k++) {
    const target = (k / (TABLE - 1)) * total
    while (j < STEPS && (cdf[j + 1] as number) < target) j++
    const c0 = cdf[j] as number
    const c1 = cdf[Math.min(STEPS, j + 1)] as number
    const w = c1 > c0 ? (target - c0) / (c1 - c0) : 0
    unit[k] = (j + Math.min(1, Math.max(0, w))) / STEPS
  }
  if (unitTables.size >= UNIT_TABLES_MAX) unitTables.clear()
  unitTables.set(key, unit)
  return unit
}

/** Beta-PERT (λ = 4) inverse CDF by tabulating the CDF of Beta(α, β) and inverting it. */
const pertInv = (low: number, mode: number, high: number): InverseCdf => {
  const range = high - low
  const a = 1 + (4 * (mode - low)) / range
  const b = 1 + (4 * (high - mode)) / range
  const unit = unitTable(a, b)
  const table = new Float64Array(TABLE)
  for (let k = 0; k < TABLE; k++) table[k] = low + range * (unit[k] as number)
  table[0] = low
  table[TABLE - 1] = high
  return (u) => {
    const x = u * (TABLE - 1)
    const i = Math.min(TABLE - 2, Math.max(0, Math.floor(x)))
    const w = x - i
    return (table[i] as number) * (1 - w) + (table[i + 1] as number) * w
  }
}

/** Inverse CDF of the marginal on [low, high] with the given mode (clamped into the range). */
export const inverseCdf = (shape: MarginalShape, low: number, mode: number, high: number): InverseCdf => {
  if (!(high > low)) return () => mode
  const m = Math.min(high, Math.max(low, mode))
  return shape === 'triangular' ? triangularInv(low, m, high) : pertInv(low, m, high)
}

/** Ranks 1…n (average ranks for ties). */
const ranks = (xs: ArrayLike<number>): Float64Array => {
  const idx = Array.from({ length: xs.length }, (_, i) => i).sort((i, j) => (xs[i] as number) - (xs[j] as number))
  const r = new Float64Array(xs.length)
  for (let i = 0; i < idx.length; ) {
    let j = i
    while (j + 1 < idx.length && xs[idx[j + 1] as number] === xs[idx[i] as number]) j++
    for (let k = i; k <= j; k++) r[idx[k] as number] = (i + j) / 2 + 1
    i = j + 1
  }
  return r
}

/** Pearson correlation of two equally long series (NaN when either is constant). */
export const pearson = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const n = x.length
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += x[i] as number
    my += y[i] as number
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx
    const dy = (y[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / Math.sqrt(sxx * syy)
}

/** Spearman rank correlation (Pearson correlation of the ranks). */
export const spearman = (x: ArrayLike<number>, y: ArrayLike<number>): number => pearson(ranks(x), ranks(y))
