/**
 * Seeded pseudo-random numbers (no Math.random in core). mulberry32: 32-bit state, period 2^32,
 * good enough for Monte Carlo bands and permutation sampling; identical sequences on every platform.
 */
export type Rng = () => number

/** Uniform [0, 1) generator from a 32-bit seed. */
export const mulberry32 = (seed: number): Rng => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fisher–Yates shuffle of 0…n−1. */
export const randomPermutation = (n: number, rng: Rng): number[] => {
  const p = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const tmp = p[i] as number
    p[i] = p[j] as number
    p[j] = tmp
  }
  return p
}

/** Standard normal via Box–Muller (one value per call; the pair's twin is discarded for simplicity). */
export const normal = (rng: Rng): number => {
  const u = 1 - rng()
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1 directly; boosted below 1). */
export const gamma = (shape: number, rng: Rng): number => {
  if (shape < 1) return gamma(shape + 1, rng) * Math.pow(1 - rng(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(rng)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = 1 - rng()
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

/** Beta-PERT draw on [low, high] with mode `mode` (λ = 4). Degenerate ranges return `mode`. */
export const pert = (low: number, mode: number, high: number, rng: Rng): number => {
  const range = high - low
  if (!(range > 0)) return mode
  const a = 1 + (4 * (mode - low)) / range
  const b = 1 + (4 * (high - mode)) / range
  const x = gamma(a, rng)
  const y = gamma(b, rng)
  return low + (range * x) / (x + y)
}

/** Triangular draw on [low, high] with mode `mode` (inverse CDF). */
export const triangular = (low: number, mode: number, high: number, rng: Rng): number => {
  const range = high - low
  if (!(range > 0)) return mode
  const u = rng()
  const f = (mode - low) / range
  return u < f ? low + Math.sqrt(u * range * (mode - low)) : high - Math.sqrt((1 - u) * range * (high - mode))
}
