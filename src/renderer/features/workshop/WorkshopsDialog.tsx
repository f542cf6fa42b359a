import { useCallback, useEffect, useId, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioDoc } from '../../../core'
import type { ScenarioSummary, WorkshopSummary } from '../../../shared/contract'
import { MAX_TEAMS } from '../../../shared/contract/workshop'
import { Modal } from '../../components/Modal'
import { dialogAutofocus } from '../library/file-transfer'
import type { WorkshopState } from './use-workshop'
import { startedFrom } from './started-from'

type Props = { api: Api; w: WorkshopState; doc: ScenarioDoc; onClose: () => void }

const time = (iso: string) => new Date(iso).toLocaleString()

/** The workshops in the library: open one, start a new one from a scenario, import a workshop file. */
export function WorkshopsDialog({ api, w, doc, onClose }: Props) {
  const ids = { name: useId(), teams: useId(), from: useId(), file: useId() }
  const [items, setItems] = useState<WorkshopSummary[] | null>(null)
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([])
  const [name, setName] = useState('')
  const [teams, setTeams] = useState('Beijing, Washington')
  const [from, setFrom] = useState('draft')
  const [error, setError] = useState<string | null>(null)
  /** The workshop whose delete button was pressed once (a second press confirms). */
  const [confirming, setConfirming] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const refresh = useCallback(() => void api.call('workshop.list', {}).then((r) => setItems(r.ok ? r.value.items : [])), [api])
  useEffect(() => {
    refresh()
    void api.call('scenario.list', {}).then((r) => r.ok && setScenarios(r.value.items))
  }, [api, refresh])

  /** Deletes a workshop (a rehearsal, a test run); its scenario and versions stay in the library. */
  const remove = async (x: WorkshopSummary) => {
    setConfirming(null)
    const r = await api.call('workshop.delete', { id: x.id })
    if (!r.ok) return setNote(r.error.message)
    if (w.workshop?.id === x.id) w.close()
    setNote(`Deleted the workshop “${x.name}”. Its scenario and that scenario’s versions stay in the library.`)
    refresh()
  }

  const create = async () => {
    const list = teams.split(',').map((t) => t.trim()).filter(Boolean)
    if (!name.trim()) return setError('Give the workshop a name.')
    if (list.length === 0 || list.length > MAX_TEAMS) return setError(`Name 1–${MAX_TEAMS} teams, separated by commas.`)
    setError(null)
    const ok = await w.create({ name: name.trim(), teams: list, from: from === 'draft' ? { doc } : { scenarioId: from } })
    if (ok) onClose()
  }
  const importFile = async (file: File | undefined) => {
    if (!file) return
    const ok = await w.importFile({ name: file.name, contents: await file.text() })
    if (ok) onClose()
  }

  return (
    <Modal title="Workshops" onClose={onClose} className="workshops-modal">
      <div className="workshops-body">
        <section aria-labelledby={`${ids.name}-h`}>
          <h3 id={`${ids.name}-h`} className="section-title">
            New workshop
          </h3>
          <form
            className="workshop-form"
            onSubmit={(e) => {
              e.preventDefault()
              void create()
            }}
          >
            <label htmlFor={ids.name}>Workshop name</label>
            <input id={ids.name} ref={dialogAutofocus} type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            <label htmlFor={ids.teams}>Teams (separated by commas)</label>
            <input id={ids.teams} type="text" value={teams} onChange={(e) => setTeams(e.target.value)} />
            <label htmlFor={ids.from}>Start from</label>
            <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="draft">The scenario in the workspace (“{doc.name}”)</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  Library: {s.name}
                </option>
              ))}
            </select>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-buttons">
              <button type="submit" className="primary" disabled={w.busy}>
                Create workshop
              </button>
            </div>
          </form>
          <h3 className="section-title">Workshop file</h3>
          <label htmlFor={ids.file}>Import a workshop file (.workshop.json)</label>
          <input id={ids.file} type="file" accept=".json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} />
          {w.status?.kind === 'error' && (
            <p className="field-error" role="alert">
              {w.status.text}
            </p>
          )}
        </section>
        <section aria-labelledby={`${ids.name}-list`}>
          <h3 id={`${ids.name}-list`} className="section-title">
            In the library
          </h3>
          {note && (
            <p className="hint" role="status">
              {note}
            </p>
          )}
          {items === null ? (
            <p className="hint">Loading…</p>
          ) : items.length === 0 ? (
            <p className="empty">No workshop yet.</p>
          ) : (
            <ul className="rows workshop-list">
              {items.map((x) => (
                <li key={x.id} className="row">
                  <span className="row-main">
                    <span className="row-name">
                      {x.name}
                      {w.workshop?.id === x.id && <span className="hint"> · open now</span>}
                    </span>
                    <span className="hint">
                      {x.teams.map((t) => t.name).join(' vs ')} · {x.rounds} round{x.rounds === 1 ? '' : 's'} · {startedFrom(x.sourceName, true)} · {time(x.updatedAt)}
                    </span>
                  </span>
                  {confirming === x.id ? (
                    <>
                      <button type="button" onClick={() => void remove(x)}>
                        Delete “{x.name}”
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        onClick={() => {
                          void w.open(x.id)
                          onClose()
                        }}
                      >
                        Open
                      </button>
                      <button type="button" onClick={() => setConfirming(x.id)}>
                        Delete…
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Modal>
  )
}
