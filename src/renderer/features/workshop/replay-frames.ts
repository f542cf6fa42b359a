import type { EvalResult, SectorSeries } from '../../../core'

/**
 * Frames of the "replay the last change" animation: the results before and after a change, blended.
 * Pure, so the animation's in-between states are unit-tested; the hook only schedules them.
 */

/** Total length of a replay (ms): a beat on the old picture, then the move to the new one. */
export const REPLAY_MS = 1500
/** How long the old picture holds before it starts to move (ms). */
export const REPLAY_HOLD_MS = 300

/** Ease in and out (cubic): the change starts and lands gently, so the eye follows it. */
export const ease = (t: number) => (t <= 0 ? 0 : t >= 1 ? 1 : t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2)

/** Share of the change shown `elapsed` ms into a replay (0 during the hold, 1 at the end). */
export const progressAt = (elapsed: number) => ease((elapsed - REPLAY_HOLD_MS) / (REPLAY_MS - REPLAY_HOLD_MS))

// (1 − t)·a + t·b lands exactly on b at t = 1 (a + (b − a)·t can miss it by rounding).
const mix = (a: readonly number[], b: readonly number[], t: number) => b.map((v, i) => (1 - t) * (a[i] ?? v) + t * v)

/** True when two results can be blended: the same quarters. */
export const blendable = (a: EvalResult, b: EvalResult) => a.quarters.length === b.quarters.length && a.quarters.every((q, i) => q === b.quarters[i])

/** `a` → `b` at share `t` (0 = a, 1 = b), every series blended point by point; channels still sum to the total. */
export function blend(a: EvalResult, b: EvalResult, t: number): EvalResult {
  const economies = {} as EvalResult['economies']
  for (const e of Object.keys(b.economies) as (keyof EvalResult['economies'])[]) {
    const sectors = {} as Record<string, SectorSeries>
    for (const s of Object.keys(b.economies[e]) as (keyof EvalResult['economies'][typeof e])[]) {
      const x = a.economies[e][s]
      const y = b.economies[e][s]
      const byChannel = {} as SectorSeries['byChannel']
      for (const c of Object.keys(y.byChannel) as (keyof SectorSeries['byChannel'])[]) byChannel[c] = mix(x.byChannel[c] ?? [], y.byChannel[c], t)
      sectors[s] = { exposure: mix(x.exposure, y.exposure, t), cost: mix(x.cost, y.cost, t), byChannel }
    }
    economies[e] = sectors as EvalResult['economies'][typeof e]
  }
  return { quarters: b.quarters, economies }
}
