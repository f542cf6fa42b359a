import { useEffect, useRef } from 'react'

/**
 * Full screen while mounted, where the platform allows it (a browser needs the key press or click that
 * started presentation mode; the desktop app may refuse). Leaving full screen by the browser's own
 * Esc handling ends presentation mode too, so the two never disagree.
 */
export function useFullscreen(onExit: () => void) {
  const onExitRef = useRef(onExit)
  useEffect(() => {
    onExitRef.current = onExit
  })
  useEffect(() => {
    const root = document.documentElement
    let entered = false
    const onChange = () => {
      if (document.fullscreenElement) entered = true
      else if (entered) onExitRef.current()
    }
    document.addEventListener('fullscreenchange', onChange)
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().catch(() => {
        // Not allowed here (no user gesture, or the desktop shell denies it): presentation works in the window.
      })
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange)
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined)
    }
  }, [])
}
