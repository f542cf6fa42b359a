import { useEffect, useRef } from 'react'

type Actions = { save: () => void; undo: () => void; redo: () => void }

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || (el instanceof HTMLInputElement && !['checkbox', 'range', 'radio', 'button'].includes(el.type)) || el instanceof HTMLTextAreaElement)

/** App-wide keys (the desktop menu shows them but leaves handling here, so both runtimes behave alike). */
export function useShortcuts(actions: Actions) {
  const ref = useRef(actions)
  useEffect(() => {
    ref.current = actions
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      if (!mod) return
      const key = e.key.toLowerCase()
      if (key === 's') {
        e.preventDefault()
        ref.current.save()
      } else if ((key === 'z' || key === 'y') && !isTextField(e.target)) {
        e.preventDefault()
        if (key === 'y' || e.shiftKey) ref.current.redo()
        else ref.current.undo()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
