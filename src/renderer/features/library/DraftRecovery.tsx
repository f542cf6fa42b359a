import { useEffect, useState } from 'react'
import type { DraftSummary } from '../../../shared/contract'

type Props = {
  drafts: readonly DraftSummary[]
  onOpen: (draft: DraftSummary) => void | Promise<void>
  onDiscard: (draft: DraftSummary) => void | Promise<void>
}

const when = (iso: string) => {
  const d = new Date(iso)
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString()}`
}

/**
 * Unsaved drafts left by other tabs or windows, or by an earlier session that crashed or was closed: each
 * with its name and when it was autosaved, to open here or to discard. Shown only when there are any.
 */
export function DraftRecovery({ drafts, onOpen, onDiscard }: Props) {
  const [open, setOpen] = useState(false)
  useEffect(() => {
    if (drafts.length === 0) setOpen(false)
  }, [drafts.length])
  useEffect(() => {
    if (!open) return
    const close = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [open])
  if (drafts.length === 0) return null
  const label = `Unsaved drafts (${drafts.length})`
  return (
    <div className="draft-recovery">
      <button type="button" className="small attention" aria-expanded={open} aria-controls="draft-recovery-list" onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && (
        <div className="draft-recovery-panel" id="draft-recovery-list" role="region" aria-label="Unsaved drafts">
          <p className="hint">Autosaved in another tab or window, or before Chokepoint was last closed. Open one here, or discard it.</p>
          <ul>
            {drafts.map((d) => (
              <li key={d.draftId}>
                <span className="draft-name">{d.name}</span>
                <small className="draft-time">autosaved {when(d.savedAt)}</small>
                <span className="draft-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      setOpen(false) // chosen: the draft takes the workspace
                      void onOpen(d)
                    }}
                  >
                    Open
                  </button>
                  <button type="button" className="small" onClick={() => void onDiscard(d)}>
                    Discard
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
