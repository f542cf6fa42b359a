import { Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary } from '../../../shared/contract'
import type { Workspace } from '../../state/use-workspace'
import { Modal } from '../../components/Modal'
import type { CompareItem } from '../compare/CompareView'
import type { LibraryActions, Notice } from './LibraryDialog'
import { CompareView, LibraryDialog, VersionsDialog } from '../../lazy-views'
import { SaveAsDialog } from './SaveAsDialog'
import { DraftRecovery } from './DraftRecovery'
import { prefetchFirstPage } from './use-library-search'
import { useTextOverflows } from '../../state/use-text-overflows'
import { describeImport, downloadText, dragHasFiles, readPicked } from './file-transfer'
import './library.css'

type Overlay =
  | { kind: 'none' }
  | { kind: 'library' }
  | { kind: 'save-as' }
  | { kind: 'history'; id: string; name: string }
  | { kind: 'compare'; items: CompareItem[] }
  | { kind: 'confirm'; what: string; run: () => void | Promise<void> }

type Props = {
  ws: Workspace
  api: Api
  /** The workspace's exposure threshold, the starting point of the comparison's. */
  threshold: number
  /** Told whether the name is wider than its field can show, so the app shows it in full on the line below. */
  onNameCut?: (cut: boolean) => void
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'
const time = (iso: string) => new Date(iso).toLocaleTimeString()

/**
 * The scenario's name and save state in the header, and everything about the library: save as, the
 * library dialog (Ctrl/Cmd+O), history, comparison, import/export (buttons, drag and drop) and the
 * unsaved-changes question before the draft is replaced. Self-contained: the app mounts it once.
 */
export function LibraryBar({ ws, api, threshold, onNameCut }: Props) {
  const [overlay, setOverlay] = useState<Overlay>({ kind: 'none' })
  const [notice, setNotice] = useState<Notice>(null)
  const [refreshKey, setRefreshKey] = useState(0)
  const [dragging, setDragging] = useState(false)
  const close = useCallback(() => setOverlay({ kind: 'none' }), [])
  const report = useCallback((kind: 'info' | 'error', text: string) => setNotice({ kind, text }), [])

  /** Runs `run` now, or after asking when it would replace unsaved changes. */
  const guard = useCallback(
    (what: string, run: () => void | Promise<void>) => {
      if (ws.dirty) setOverlay({ kind: 'confirm', what, run })
      else void run()
    },
    [ws.dirty]
  )

  const importFiles = useCallback(
    async (pick: { files: File[] } | 'dialog') => {
      let r
      if (pick === 'dialog') r = await api.call('scenario.importFile', { dialog: true })
      else {
        const read = await readPicked(pick.files)
        if ('error' in read) return report('error', read.error)
        r = await api.call('scenario.importFile', { files: read.files })
      }
      if (!r.ok) return report('error', r.error.message)
      if (r.value.cancelled) return
      report('info', describeImport(r.value))
      ws.setStatus({ kind: 'info', text: describeImport(r.value) })
      setRefreshKey((k) => k + 1)
    },
    [api, report, ws]
  )

  const exportIds = useCallback(
    async (ids: string[]) => {
      const desktop = api.runtime === 'electron'
      const r = await api.call('scenario.exportFile', { ids, dialog: desktop })
      if (!r.ok) return report('error', r.error.message)
      const what = r.value.count === 1 ? '1 scenario' : `${r.value.count} scenarios`
      if (!desktop) {
        downloadText(r.value.fileName, r.value.contents)
        report('info', `Exported ${what} as “${r.value.fileName}” (downloaded).`)
      } else if (r.value.savedTo) report('info', `Exported ${what} to ${r.value.savedTo}.`)
    },
    [api, report]
  )

  const compare = useCallback(
    async (ids: string[]) => {
      const got = await Promise.all(ids.map((id) => api.call('scenario.get', { id })))
      const failed = got.find((g) => !g.ok)
      if (failed && !failed.ok) return report('error', failed.error.message)
      setOverlay({ kind: 'compare', items: got.flatMap((g) => (g.ok ? [{ label: g.value.name, doc: g.value.doc }] : [])) })
    },
    [api, report]
  )

  const actions: LibraryActions = {
    open: (id, name) =>
      guard(`open “${name}”`, async () => {
        close()
        await ws.open(id)
      }),
    openExample: (id, name) =>
      guard(`open the example “${name}”`, async () => {
        const r = await api.call('scenario.example', { id })
        if (!r.ok) return report('error', r.error.message)
        close()
        ws.openUnsaved(r.value.doc, 'the example')
      }),
    newScenario: () =>
      guard('start a new scenario', () => {
        close()
        ws.newScenario()
      }),
    history: (s: ScenarioSummary) => setOverlay({ kind: 'history', id: s.id, name: s.name }),
    compare: (ids) => void compare(ids),
    exportIds,
    importPicked: (files) => importFiles({ files }),
    importWithDialog: () => importFiles('dialog'),
    changed: (s) => ws.onLibraryChange(s),
    deleted: (id) => ws.onLibraryDelete(id)
  }
  const actionsRef = useRef(actions)
  const wsRef = useRef(ws)
  useEffect(() => {
    actionsRef.current = actions
    wsRef.current = ws
  })

  // Keys and desktop menu items for the library. Capture phase, so Shift+Ctrl+S is "save as" and not
  // also the app-wide "save" (that handler skips events whose default was prevented).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return
      const key = e.key.toLowerCase()
      if (key === 'o' && !e.shiftKey) {
        e.preventDefault()
        setOverlay((o) => (o.kind === 'none' ? { kind: 'library' } : o))
      } else if (key === 's' && e.shiftKey) {
        e.preventDefault()
        setOverlay((o) => (o.kind === 'none' ? { kind: 'save-as' } : o))
      }
    }
    window.addEventListener('keydown', onKey, true)
    const off = [
      api.on('menu:open-library', () => setOverlay({ kind: 'library' })),
      api.on('menu:save-as', () => setOverlay({ kind: 'save-as' })),
      api.on('menu:new', () => actionsRef.current.newScenario()),
      api.on('menu:save', () => void wsRef.current.save())
    ]
    return () => {
      window.removeEventListener('keydown', onKey, true)
      off.forEach((f) => f())
    }
  }, [api])

  // The library's first page, fetched once the app is idle: opening the library then shows it at once.
  useEffect(() => {
    const id = requestIdleCallback(() => void prefetchFirstPage(api), { timeout: 3000 })
    return () => cancelIdleCallback(id)
  }, [api])

  // Drag and drop of scenario files anywhere in the window imports them and shows the library.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e)) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e)) return
      e.preventDefault()
      setDragging(false)
      const files = Array.from(e.dataTransfer?.files ?? [])
      setOverlay((o) => (o.kind === 'library' ? o : { kind: 'library' }))
      void actionsRef.current.importPicked(files)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  const nameRef = useRef<HTMLInputElement>(null)
  const nameCut = useTextOverflows(nameRef, ws.doc.name)
  useEffect(() => onNameCut?.(nameCut), [nameCut, onNameCut])

  const isOpen = ws.current.id !== null
  return (
    <div className="library-bar">
      <label className="field">
        <span>Scenario name</span>
        <input ref={nameRef} value={ws.doc.name} onChange={(e) => ws.onEdit({ type: 'rename', name: e.target.value })} maxLength={200} />
      </label>
      <div className="save-state">
        <span className={`dirty ${ws.dirty ? 'is-dirty' : ''}`} aria-live="polite" data-testid="save-state">
          {ws.dirty ? 'Unsaved changes' : isOpen ? `Saved · v${ws.current.version}` : 'New, not saved'}
        </span>
        {ws.autosaveError ? (
          // At once, not at the next save: edits are no longer being kept until the backend answers again.
          <small className="draft-state autosave-error" role="alert" data-testid="autosave-error" title={ws.autosaveError}>
            Autosave failed, retrying…
          </small>
        ) : ws.recovered ? (
          <button type="button" className="small" onClick={ws.discardRecovered}>
            Discard recovered
          </button>
        ) : (
          ws.dirty &&
          ws.draftSavedAt && (
            <small className="draft-state" data-testid="draft-state">
              draft kept {time(ws.draftSavedAt)}
            </small>
          )
        )}
      </div>
      <DraftRecovery drafts={ws.otherDrafts} onOpen={ws.openDraft} onDiscard={ws.discardDraft} />
      <button type="button" className="primary" onClick={() => void ws.save()} title={`Save (${MOD}+S)`}>
        Save
      </button>
      <button type="button" onClick={() => setOverlay({ kind: 'save-as' })} title={`Save as a new scenario (Shift+${MOD}+S)`} aria-haspopup="dialog">
        Save as…
      </button>
      <button type="button" onClick={() => setOverlay({ kind: 'library' })} title={`Open the library (${MOD}+O)`} aria-haspopup="dialog">
        Library…
      </button>
      <button type="button" disabled={!isOpen} onClick={() => ws.current.id && setOverlay({ kind: 'history', id: ws.current.id, name: ws.doc.name })} aria-haspopup="dialog">
        History…
      </button>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop .chokepoint.json files to import them
        </div>
      )}

      <Suspense fallback={null}>
      {overlay.kind === 'library' && (
        <LibraryDialog api={api} openId={ws.current.id} notice={notice} onNotice={setNotice} refreshKey={refreshKey} actions={actions} onClose={close} />
      )}
      {overlay.kind === 'save-as' && (
        <SaveAsDialog
          initialName={isOpen ? `${ws.doc.name} (copy)` : ws.doc.name}
          onClose={close}
          onSave={async (name, label) => {
            const outcome = await ws.saveAs(name, label)
            return 'error' in outcome ? outcome.error : null
          }}
        />
      )}
      {overlay.kind === 'history' && (
        <VersionsDialog
          api={api}
          scenario={{ id: overlay.id, name: overlay.name }}
          workspace={overlay.id === ws.current.id ? { doc: ws.doc, dirty: ws.dirty } : null}
          onSaveVersion={
            overlay.id === ws.current.id
              ? async (label) => {
                  const outcome = await ws.save(label)
                  return 'error' in outcome ? outcome.error : null
                }
              : null
          }
          onCompare={(items) => setOverlay({ kind: 'compare', items })}
          onRestored={(s, doc, from) => {
            ws.onLibraryChange(s, doc)
            ws.setStatus({ kind: 'info', text: `Restored version ${from} of “${s.name}” as version ${s.version}.` })
          }}
          onClose={close}
        />
      )}
      {overlay.kind === 'compare' && <CompareView items={overlay.items} initialThreshold={threshold} onClose={close} />}
      </Suspense>
      {overlay.kind === 'confirm' && (
        <Modal title="Unsaved changes" onClose={close}>
          <p>
            “{ws.doc.name}” has unsaved changes. Save them before you {overlay.what}?
          </p>
          <div className="dialog-buttons">
            <button
              type="button"
              className="primary"
              onClick={async () => {
                const outcome = await ws.save()
                if ('saved' in outcome) await overlay.run()
                else close()
              }}
            >
              Save first
            </button>
            <button type="button" onClick={() => void overlay.run()}>
              Discard changes
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </div>
  )
}
