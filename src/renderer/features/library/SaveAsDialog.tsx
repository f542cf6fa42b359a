import { useState } from 'react'
import { Modal } from '../../components/Modal'
import { dialogAutofocus } from './file-transfer'

type Props = {
  initialName: string
  /** Resolves to an error message, or null once saved. */
  onSave: (name: string, label: string) => Promise<string | null>
  onClose: () => void
}

/** "Save as": the draft becomes a new scenario under a new name; the one it came from stays as saved. */
export function SaveAsDialog({ initialName, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName)
  const [label, setLabel] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <Modal title="Save as a new scenario" onClose={onClose}>
      <form
        className="save-as"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          const problem = await onSave(name, label)
          setBusy(false)
          if (problem === null) onClose()
          else setError(problem)
        }}
      >
        <label className="field">
          <span>New name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required ref={dialogAutofocus} />
        </label>
        <label className="field">
          <span>Version label (optional)</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="e.g. after round 2" />
        </label>
        <p className="hint">If the name is taken, the save is refused and nothing is overwritten.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            Save as new
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  )
}
