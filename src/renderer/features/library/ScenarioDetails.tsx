import { useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary } from '../../../shared/contract'
import { model } from '../../../shared/dataset'

type Props = {
  api: Api
  summary: ScenarioSummary
  /** True when this is the scenario open in the workspace. */
  isOpen: boolean
  onOpen: () => void
  onDuplicate: () => void
  onHistory: () => void
  onExport: () => void
  onDelete: () => void
  onUpdated: (s: ScenarioSummary) => void
}

const parseTags = (text: string) => text.split(',').map((t) => t.trim()).filter(Boolean)
const when = (iso: string) => new Date(iso).toLocaleString()
const measureTitle = (id: string) => model.measures[model.measureIndex.get(id) ?? -1]?.title ?? id

/**
 * One saved scenario: rename it, edit its notes and tags (each change is a new version), and the
 * actions on it. Keyed by id and version by the caller, so the form starts from what is saved.
 */
export function ScenarioDetails({ api, summary, isOpen, onOpen, onDuplicate, onHistory, onExport, onDelete, onUpdated }: Props) {
  const [name, setName] = useState(summary.name)
  const [notes, setNotes] = useState(summary.notes)
  const [tags, setTags] = useState(summary.tags.join(', '))
  const [error, setError] = useState<string | null>(null)
  const changed = name !== summary.name || notes !== summary.notes || parseTags(tags).join('\n') !== summary.tags.join('\n')

  const submit = async () => {
    const r = await api.call('scenario.update', { id: summary.id, name: name.trim(), notes, tags: parseTags(tags) })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    onUpdated(r.value)
  }

  return (
    <section className="details" aria-labelledby="details-title">
      <h3 id="details-title">{summary.name}</h3>
      <p className="hint">
        Version {summary.version} · saved {when(summary.updatedAt)}
        {isOpen ? ' · open in the workspace' : ''}
      </p>
      <div className="details-actions">
        <button type="button" className="primary" onClick={onOpen}>
          Open
        </button>
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" onClick={onHistory}>
          History
        </button>
        <button type="button" onClick={onExport}>
          Export
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
      <form
        className="details-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </label>
        <label className="field">
          <span>Tags (comma-separated)</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} maxLength={1200} />
        </label>
        <label className="field">
          <span>Notes</span>
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} maxLength={20_000} />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={!changed || !name.trim()}>
          Save details
        </button>
      </form>
      <p className="hint">
        {summary.measures.length === 0 ? 'No measures on.' : `Measures on: ${summary.measures.map(measureTitle).join('; ')}`}
      </p>
    </section>
  )
}
