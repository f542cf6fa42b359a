import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * Runs `f` while watching this process's event-loop delay, and returns the worst delay seen (ms) with f's
 * value. For tests that bound when the host's own timers fire (a slow client cut off within its deadline):
 * those timers cannot fire before the loop gets to them, and on a loaded machine the loop of this very
 * process can be seconds late. Adding the delay actually observed to the bound keeps the bound as tight as
 * before on a quiet machine and excuses only the lateness the load caused, measured rather than guessed.
 */
export async function withLoopDelay<T>(f: () => Promise<T>): Promise<{ value: T; maxDelayMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 })
  h.enable()
  try {
    const value = await f()
    return { value, maxDelayMs: h.max / 1e6 }
  } finally {
    h.disable()
  }
}

/** The same watch, started now and read when wanted: for a bound measured from an earlier start. */
export function watchLoopDelay(): { maxDelayMs: () => number; stop: () => void } {
  const h = monitorEventLoopDelay({ resolution: 10 })
  h.enable()
  return { maxDelayMs: () => h.max / 1e6, stop: () => h.disable() }
}
