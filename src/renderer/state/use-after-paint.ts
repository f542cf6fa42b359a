import { useEffect, useState } from 'react'

/**
 * `value`, but updated only in the frame after the one in which it changed: for secondary views (the
 * timeline) that must not delay the charts. React's useDeferredValue is not enough: its follow-up render
 * usually runs before the paint. Nor is a timeout set in requestAnimationFrame: it runs right after the
 * paint, ahead of the input and messages queued during that frame. A second requestAnimationFrame starts
 * the next frame, once those have run; the view is painted in that frame.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(value, shown)) return
    let next = 0
    const frame = requestAnimationFrame(() => {
      next = requestAnimationFrame(() => setShown(value))
    })
    return () => {
      cancelAnimationFrame(frame)
      cancelAnimationFrame(next)
    }
  }, [value, shown])
  return shown
}
