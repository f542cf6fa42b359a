import { useEffect, useId, useRef, type ReactNode } from 'react'

type Props = { title: string; onClose: () => void; children: ReactNode }

/**
 * The export dialogs: a native modal <dialog> (focus trapped, page behind inert, Esc closes, focus
 * returns to the opener), styled like the app's other modals. Its title id is unique, so an export
 * dialog opened over another modal (the comparison) is still named by its own title.
 */
export function ExportDialog({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    const close = () => onCloseRef.current()
    dialog.addEventListener('close', close)
    return () => {
      dialog.removeEventListener('close', close)
      if (dialog.open) dialog.close()
      opener?.focus()
    }
  }, [])
  return (
    <dialog ref={ref} className="modal export-dialog" aria-labelledby={titleId}>
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
