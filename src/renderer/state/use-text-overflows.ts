import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * Whether a text field's value is wider than the field shows (the rest scrolls out of sight): measured
 * before paint whenever `text` changes, and again whenever the field is resized (a window resize, a
 * neighbour in the header growing). Used to show a long scenario name in full elsewhere when its field
 * cannot (issue: names over ≈ 40 characters were cut in the 1280-px header).
 */
export function useTextOverflows(ref: RefObject<HTMLInputElement | null>, text: string): boolean {
  const [overflows, setOverflows] = useState(false)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref, text])
  return overflows
}
