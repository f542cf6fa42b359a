import { useLayoutEffect, useState, type RefObject } from 'react'

export type BoxSize = { width: number; height: number }

/**
 * The pixel size of an element: read once in the commit that mounts it (before the first paint), then kept
 * current by a ResizeObserver. A chart given this size draws once, at its real size — recharts'
 * ResponsiveContainer first draws at a guessed size, measures after the paint and draws again, which cost the
 * three charts a whole second render at start-up. Null until measured; a box of no area is reported as null.
 */
export function useBoxSize(ref: RefObject<HTMLElement | null>): BoxSize | null {
  const [size, setSize] = useState<BoxSize | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const set = (width: number, height: number) => {
      const w = Math.floor(width)
      const h = Math.floor(height)
      setSize((s) => (w <= 0 || h <= 0 ? null : s && s.width === w && s.height === h ? s : { width: w, height: h }))
    }
    const r = el.getBoundingClientRect()
    set(r.width, r.height)
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      if (box) set(box.width, box.height)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref])
  return size
}
