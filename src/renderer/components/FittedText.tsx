import { useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react'

/**
 * Text shown whole when its box holds it, else the first of `versions` (shorter and shorter, see
 * shorten-names.ts) that the box holds: no line is cut at its end, and the room still reads how a long name
 * starts and ends. The whole text stays the accessible text (a visually hidden copy; the shortened one is
 * aria-hidden), and `useFittedText` hands back a title so a pointer reveals it too.
 */
export function FittedText({ text, shown }: { text: string; shown: string }) {
  if (shown === text) return <>{text}</>
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{text}</span>
    </>
  )
}

/**
 * Whether the box cannot show all it holds: wider than the box, a line hidden below it (more than half a line:
 * a tight line-height lets glyphs reach a pixel or two past the box, which is not a hidden line), or more lines
 * than the box's `--fit-lines` (for a box that grows rather than hides, so the row it sits in stays its height).
 */
function overflows(box: HTMLElement): boolean {
  const style = getComputedStyle(box)
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2
  const lines = parseInt(style.getPropertyValue('--fit-lines'), 10)
  if (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + line / 2) return true
  return lines > 0 && box.clientHeight > (lines + 0.5) * line
}

/**
 * Picks which of `versions` (the whole text first) the box `box` shows: the longest that does not overflow it,
 * else the shortest. Measured before paint; measured afresh when the text changes, when the box or the window
 * changes width, or when `refit` changes (something beside the box that takes its room, e.g. a count).
 */
export function useFittedText(box: RefObject<HTMLElement | null>, versions: string[], refit: unknown = null): { shown: string; title: string | undefined } {
  const text = versions[0] ?? ''
  const [fit, setFit] = useState({ text, index: 0, refit })
  // A render even when the fit is already the whole text: a narrower box may no longer hold it.
  const [measured, measureAgain] = useReducer((n: number) => n + 1, 0)
  const index = fit.text === text && fit.refit === refit ? fit.index : 0
  const shown = versions[Math.min(index, versions.length - 1)] ?? text
  // Each measurement shortens one step; React re-renders before the browser paints, so only the fit is seen.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    if (fit.text !== text || fit.refit !== refit) setFit({ text, index: 0, refit })
    else if (fit.index < versions.length - 1 && overflows(el)) setFit({ ...fit, index: fit.index + 1 })
  }, [box, fit, text, refit, versions.length, measured])
  // A change of width (the window, or a neighbour taking or giving back room) starts again from the whole text.
  const width = useRef(-1)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const again = () => {
      setFit((f) => (f.index === 0 ? f : { ...f, index: 0 }))
      measureAgain()
    }
    const watch = new ResizeObserver(() => {
      const w = Math.round(el.getBoundingClientRect().width)
      if (w !== width.current) {
        width.current = w
        again()
      }
    })
    watch.observe(el)
    window.addEventListener('resize', again)
    return () => {
      watch.disconnect()
      window.removeEventListener('resize', again)
    }
  }, [box])
  return { shown, title: shown === text ? undefined : text }
}
