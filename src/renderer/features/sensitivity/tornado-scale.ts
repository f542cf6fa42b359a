import type { TornadoResult } from '../../workers/jobs'

/** Maps KPI values to 0–100 % of the track, padded so the extreme bars do not touch the edges. */
export function tornadoScale(t: Pick<TornadoResult, 'base' | 'bars'>): (v: number) => number {
  let lo = t.base
  let hi = t.base
  for (const b of t.bars) {
    lo = Math.min(lo, b.lowValue, b.highValue)
    hi = Math.max(hi, b.lowValue, b.highValue)
  }
  const span = hi - lo || 1
  return (v: number) => 4 + ((v - lo) / span) * 92
}
