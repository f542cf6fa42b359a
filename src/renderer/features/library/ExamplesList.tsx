import { useEffect, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ExampleSummary } from '../../../shared/contract'

type Props = { api: Api; onOpen: (id: string, name: string) => void; onNotice: (kind: 'info' | 'error', text: string) => void }

/** The example scenarios shipped with the app; opening one starts an unsaved scenario from it. */
export function ExamplesList({ api, onOpen, onNotice }: Props) {
  const [items, setItems] = useState<ExampleSummary[] | null>(null)
  useEffect(() => {
    let cancelled = false
    void api.call('scenario.examples', {}).then((r) => {
      if (cancelled) return
      if (r.ok) setItems(r.value.items)
      else onNotice('error', r.error.message)
    })
    return () => {
      cancelled = true
    }
  }, [api, onNotice])

  if (items === null) return <p className="hint">Loading the examples…</p>
  if (items.length === 0) return <p className="empty">No example scenarios are installed.</p>
  return (
    <ul className="rows examples" aria-label="Example scenarios">
      {items.map((item) => (
        <li key={item.id} className="row">
          <div className="row-main">
            <span className="row-name">{item.name}</span>
            <span className="hint row-notes">{item.notes}</span>
          </div>
          <button type="button" className="small" onClick={() => onOpen(item.id, item.name)} aria-label={`Open ${item.name}`}>
            Open
          </button>
        </li>
      ))}
    </ul>
  )
}
