import { useEffect, useState } from 'react'

/**
 * `value`, but updated only once the browser has painted the frame in which it changed and is idle: for
 * secondary views (the timeline) that must not delay the charts. React's useDeferredValue is not enough:
 * its follow-up render usually runs before the paint. A timeout set in requestAnimationFrame runs right
 * after the paint but ahead of other work queued for that frame; an idle callback requested there waits
 * for that work too (at most IDLE_TIMEOUT_MS).
 */
const IDLE_TIMEOUT_MS = 100

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(value, shown)) return
    let idle = 0
    const frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(() => setShown(value), { timeout: IDLE_TIMEOUT_MS })
    })
    return () => {
      cancelAnimationFrame(frame)
      cancelIdleCallback(idle)
    }
  }, [value, shown])
  return shown
}
