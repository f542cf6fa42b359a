import { useEffect, useState } from 'react'

/**
 * `value`, but updated only after the browser has painted the frame in which it changed: for secondary
 * views (the timeline) that should not delay the charts. React's useDeferredValue is not enough here:
 * its follow-up render usually runs before the paint. (rAF runs just before a paint; a timeout set from
 * there runs after it.)
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(value, shown)) return
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(value), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [value, shown])
  return shown
}
