import { useCallback, useRef } from 'react'

/**
 * A coalescing key for one gesture on one control: every change between pressing (or focusing) a slider
 * and releasing (or leaving) it is one undo step; the next gesture on the same control is a new step.
 */
export function useGestureKey(base: string) {
  const n = useRef(0)
  const bump = useCallback(() => {
    n.current++
  }, [])
  const key = useCallback(() => `${base}#${n.current}`, [base])
  return { key, handlers: { onPointerDown: bump, onFocus: bump, onBlur: bump } }
}
