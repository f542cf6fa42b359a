import { useEffect, useRef } from 'react'
import { closeOpenModals } from './components/Modal'
import { resolveShortcut, type ShortcutAction, type TargetLike } from './features/help/shortcuts'

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>> & { context: () => { presenting: boolean; overlay: boolean } }

/**
 * App-wide keys (the desktop menu shows them but leaves handling here, so both runtimes behave alike).
 * The key → action table is pure (`shortcuts.ts`); this hook only routes events to the handlers.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers)
  useEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      const h = ref.current
      const action = resolveShortcut(e, describeTarget(e.target), h.context())
      if (!action) return
      const run = h[action]
      if (!run) return
      // Esc with a dialog open is the dialog's: the browser closes it (and its owner hears of it). Taken
      // here, it left the Triggers dialog open for good.
      if (action === 'leave' && document.querySelector('dialog[open]')) return
      e.preventDefault()
      // Presentation replaces the view the dialogs live in: close them first, properly (see closeOpenModals).
      if (action === 'present') closeOpenModals()
      run()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

function describeTarget(t: EventTarget | null): TargetLike {
  if (!(t instanceof HTMLElement)) return null
  return { tag: t.tagName, type: t instanceof HTMLInputElement ? t.type : undefined, editable: t.isContentEditable }
}
