import { useState } from 'react'
import type { ScenarioSummary } from '../../../shared/contract'

type Props = {
  name: string
  dirty: boolean
  items: ScenarioSummary[]
  onRename: (name: string) => void
  onSave: () => void
  onOpen: (id: string) => void
  onNew: () => void
}

/** Scenario name, save, and the saved scenarios to reopen. */
export function LibraryBar({ name, dirty, items, onRename, onSave, onOpen, onNew }: Props) {
  const [selected, setSelected] = useState('')
  return (
    <div className="library-bar">
      <label className="field">
        <span>Scenario name</span>
        <input value={name} onChange={(e) => onRename(e.target.value)} maxLength={200} />
      </label>
      <span className="dirty" aria-live="polite">
        {dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <button type="button" onClick={onSave} title="Save (Ctrl+S)">
        Save
      </button>
      <button type="button" onClick={onNew}>
        New
      </button>
      <label className="field">
        <span>Saved scenarios</span>
        <select value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">{items.length ? 'Choose…' : 'None saved yet'}</option>
          {items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!selected} onClick={() => onOpen(selected)}>
        Open
      </button>
    </div>
  )
}
