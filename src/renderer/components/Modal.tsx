import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'

type Props = { title: string; onClose: () => void; children: ReactNode; className?: string }

/** The close callbacks of the modals open now, so a view switch can close them the way their Close button does. */
const openModals = new Set<{ current: () => void }>()

/**
 * Closes every open modal through its own `onClose` (its owner forgets it), now. For a switch that unmounts
 * the view the modals live in (presentation mode): unmounting alone removes the dialog but leaves its owner
 * believing it open, and it came back when the view did — a modal closed, F5, Esc, and there it was again.
 */
export function closeOpenModals(): boolean {
  const all = [...openModals]
  all.forEach((m) => m.current())
  return all.length > 0
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and closes on Esc;
 * focus returns to the control that opened it. The title id is unique, so a dialog opened over another
 * (an export over the comparison) is still named by its own title.
 */
export function Modal({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })
  // A layout effect, so the dialog is open (and laid out) before its children's effects measure it: charts
  // inside (the comparison) would otherwise read a 0×0 box and recharts would warn.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const close = () => onCloseRef.current()
    dialog.addEventListener('close', close)
    openModals.add(onCloseRef)
    return () => {
      openModals.delete(onCloseRef)
      dialog.removeEventListener('close', close)
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [])
  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId}>
      <header className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  )
}
