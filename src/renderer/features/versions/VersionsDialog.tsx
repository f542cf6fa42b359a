import { useCallback, useEffect, useState } from 'react'
import type { ScenarioDoc } from '../../../core'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary, VersionSummary } from '../../../shared/contract'
import { Modal } from '../../components/Modal'
import type { CompareItem } from '../compare/CompareView'

type Props = {
  api: Api
  scenario: { id: string; name: string }
  /** The workspace's draft when this scenario is the open one (compared as "current"); else null. */
  workspace: { doc: ScenarioDoc; dirty: boolean } | null
  /** Saves the open scenario's draft as a new version with a label (only for the open scenario). */
  onSaveVersion: ((label: string) => Promise<string | null>) | null
  onCompare: (items: CompareItem[]) => void
  onRestored: (s: ScenarioSummary, doc: ScenarioDoc, from: number) => void
  onClose: () => void
}

const when = (iso: string) => new Date(iso).toLocaleString()
export const versionLabel = (v: Pick<VersionSummary, 'version' | 'label'>) => `Version ${v.version}${v.label ? ` — ${v.label}` : ''}`

/**
 * The history of one scenario: every save as a version with its time and label. Any version can be
 * compared with the current one, and restored — restoring saves it again as a new version.
 */
export function VersionsDialog({ api, scenario, workspace, onSaveVersion, onCompare, onRestored, onClose }: Props) {
  const [items, setItems] = useState<VersionSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [label, setLabel] = useState('')
  const [confirm, setConfirm] = useState<number | null>(null)

  const load = useCallback(async () => {
    const r = await api.call('scenario.versions', { id: scenario.id })
    if (r.ok) setItems(r.value.items)
    else setError(r.error.message)
  }, [api, scenario.id])
  useEffect(() => {
    void load()
  }, [load])

  const compare = async (v: VersionSummary) => {
    const old = await api.call('scenario.version', { id: scenario.id, version: v.version })
    if (!old.ok) return setError(old.error.message)
    let current: CompareItem
    if (workspace) current = { label: workspace.dirty ? 'Current (unsaved changes)' : 'Current', doc: workspace.doc }
    else {
      const latest = await api.call('scenario.get', { id: scenario.id })
      if (!latest.ok) return setError(latest.error.message)
      current = { label: `Current (version ${latest.value.version})`, doc: latest.value.doc }
    }
    onCompare([{ label: versionLabel(v), doc: old.value.doc }, current])
  }

  const restore = async (version: number) => {
    setConfirm(null)
    const r = await api.call('scenario.restoreVersion', { id: scenario.id, version })
    if (!r.ok) return setError(r.error.message)
    const saved = await api.call('scenario.get', { id: scenario.id })
    if (!saved.ok) return setError(saved.error.message)
    onRestored(r.value, saved.value.doc, version)
    void load()
  }

  const latest = items?.[0]?.version
  return (
    <Modal title={`History of “${scenario.name}”`} onClose={onClose} className="versions-modal">
      {onSaveVersion && (
        <form
          className="toolbar save-version"
          onSubmit={async (e) => {
            e.preventDefault()
            const problem = await onSaveVersion(label)
            if (problem) return setError(problem)
            setLabel('')
            setError(null)
            void load()
          }}
        >
          <label className="inline-field">
            <span>Label for a new version</span>
            <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="e.g. after round 2" />
          </label>
          <button type="submit">Save version</button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirm !== null && (
        <div className="confirm" role="alertdialog" aria-labelledby="restore-q">
          <p id="restore-q">Restoring version {confirm} replaces the unsaved changes in the workspace. Restore anyway?</p>
          <button type="button" className="danger" onClick={() => void restore(confirm)}>
            Restore and discard changes
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
      {items === null ? (
        <p className="hint">Loading the history…</p>
      ) : (
        <ol className="rows versions" aria-label="Versions">
          {items.map((v) => (
            <li key={v.version} className="row">
              <div className="row-main">
                <span className="row-name">
                  {versionLabel(v)}
                  {v.version === latest ? ' (latest)' : ''}
                </span>
                <span className="hint">
                  {when(v.createdAt)} · “{v.name}”
                </span>
              </div>
              <button type="button" className="small" onClick={() => void compare(v)} aria-label={`Compare with current: version ${v.version}`}>
                Compare with current
              </button>
              <button
                type="button"
                className="small"
                disabled={v.version === latest && !workspace?.dirty}
                onClick={() => (workspace?.dirty ? setConfirm(v.version) : void restore(v.version))}
                aria-label={`Restore version ${v.version}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ol>
      )}
    </Modal>
  )
}
