import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary, TrashItem } from '../../../shared/contract'

type Props = { api: Api; onRestored: (s: ScenarioSummary) => void; onNotice: (kind: 'info' | 'error', text: string) => void }

const when = (iso: string) => new Date(iso).toLocaleString()

/** Deleted scenarios: restore one, delete one for good, or empty the trash (after a confirmation). */
export function TrashList({ api, onRestored, onNotice }: Props) {
  const [items, setItems] = useState<TrashItem[] | null>(null)
  const [confirming, setConfirming] = useState(false)

  const load = useCallback(async () => {
    const r = await api.call('scenario.trash', {})
    if (r.ok) setItems(r.value.items)
    else onNotice('error', r.error.message)
  }, [api, onNotice])
  useEffect(() => {
    void load()
  }, [load])

  const restore = async (item: TrashItem) => {
    const r = await api.call('scenario.untrash', { id: item.id })
    if (!r.ok) return onNotice('error', r.error.message)
    onNotice('info', r.value.name === item.name ? `Restored “${item.name}”.` : `Restored “${item.name}” as “${r.value.name}” (the name was taken).`)
    onRestored(r.value)
    void load()
  }
  const purge = async (ids?: string[]) => {
    const r = await api.call('scenario.emptyTrash', ids ? { ids } : {})
    setConfirming(false)
    if (!r.ok) return onNotice('error', r.error.message)
    onNotice('info', `Deleted ${r.value.removed} ${r.value.removed === 1 ? 'scenario' : 'scenarios'} for good.`)
    void load()
  }

  if (items === null) return <p className="hint">Loading the trash…</p>
  return (
    <div className="trash">
      <div className="toolbar">
        <span className="hint">{items.length === 0 ? 'The trash is empty.' : `${items.length} in the trash. Scenarios stay here, with their history, until you empty it.`}</span>
        {items.length > 0 && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Empty trash
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="empty-trash-q">
          <p id="empty-trash-q">
            Delete {items.length} {items.length === 1 ? 'scenario' : 'scenarios'} and all their versions for good? This cannot be undone.
          </p>
          <button type="button" className="danger" onClick={() => void purge()}>
            Delete for good
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <ul className="rows" aria-label="Trash">
        {items.map((item) => (
          <li key={item.id} className="row">
            <span className="row-name">{item.name}</span>
            <span className="hint">deleted {when(item.deletedAt)}</span>
            <button type="button" className="small" onClick={() => void restore(item)} aria-label={`Restore ${item.name}`}>
              Restore
            </button>
            <button type="button" className="small" onClick={() => void purge([item.id])} aria-label={`Delete for good: ${item.name}`}>
              Delete for good
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
