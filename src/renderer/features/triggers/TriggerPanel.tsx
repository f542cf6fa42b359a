import { memo, useState } from 'react'
import type { Measure, Trigger } from '../../../core'
import { triggerProblem, type Edit } from '../../state/scenario-edit'

type Props = { triggers: readonly Trigger[]; measures: readonly Measure[]; onEdit: (e: Edit) => void }

const SIDE = { beijing: 'Beijing', washington: 'Washington' } as const

/**
 * Counter-measure triggers: "if X is active, Y starts N quarters later at intensity I". The form
 * proposes the other side's measures as the response, the tit-for-tat a workshop plays.
 */
export const TriggerPanel = memo(function TriggerPanel({ triggers, measures, onEdit }: Props) {
  const byId = new Map(measures.map((m) => [m.id, m]))
  const [ifMeasure, setIf] = useState(measures.find((m) => m.side === 'washington')?.id ?? measures[0]?.id ?? '')
  const [thenMeasure, setThen] = useState(measures.find((m) => m.side === 'beijing')?.id ?? measures[1]?.id ?? '')
  const [lag, setLag] = useState(1)
  const [intensity, setIntensity] = useState(100)
  const candidate = { ifMeasure, thenMeasure, lagQuarters: lag, intensity: intensity / 100 }
  const problem = triggerProblem(candidate)
  const name = (id: string) => {
    const m = byId.get(id)
    return m ? `${SIDE[m.side]}: ${m.title}` : `${id} (not in the catalogue)`
  }
  const options = measures.map((m) => (
    <option key={m.id} value={m.id}>
      {SIDE[m.side]}: {m.title}
    </option>
  ))
  return (
    <section className="triggers" aria-label="Counter-measure triggers" data-testid="triggers">
      {triggers.length === 0 ? (
        <p className="hint">No triggers. Add one to play a move and its response: the response starts a set number of quarters after the move is in force.</p>
      ) : (
        <ul className="trigger-list">
          {triggers.map((t) => (
            <li key={t.id} data-testid={`trigger-${t.id}`}>
              <span>
                If <strong>{name(t.ifMeasure)}</strong> is active, <strong>{name(t.thenMeasure)}</strong> starts {t.lagQuarters}{' '}
                {t.lagQuarters === 1 ? 'quarter' : 'quarters'} later at {Math.round(t.intensity * 100)} %
              </span>
              <button type="button" className="small" onClick={() => onEdit({ type: 'trigger-remove', id: t.id })} aria-label={`Remove trigger ${t.id}: ${name(t.ifMeasure)} → ${name(t.thenMeasure)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="trigger-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!problem) onEdit({ type: 'trigger-add', trigger: candidate })
        }}
      >
        <label className="inline-field">
          <span>If this is active</span>
          <select value={ifMeasure} onChange={(e) => setIf(e.target.value)}>
            {options}
          </select>
        </label>
        <label className="inline-field">
          <span>then start</span>
          <select value={thenMeasure} onChange={(e) => setThen(e.target.value)}>
            {options}
          </select>
        </label>
        <label className="inline-field narrow">
          <span>Quarters later</span>
          <input type="number" min={0} max={20} step={1} value={lag} onChange={(e) => setLag(e.target.valueAsNumber)} />
        </label>
        <label className="inline-field narrow">
          <span>Intensity (%)</span>
          <input type="number" min={0} max={100} step={5} value={intensity} onChange={(e) => setIntensity(e.target.valueAsNumber)} />
        </label>
        <button type="submit" disabled={problem !== null}>
          Add trigger
        </button>
        {problem && <p className="field-error">{problem}</p>}
      </form>
    </section>
  )
})
