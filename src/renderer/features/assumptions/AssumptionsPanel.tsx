import { memo, useDeferredValue, useId, useState } from 'react'
import { clampOverride, type Assumption } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import { useGestureKey } from '../../state/use-gesture-key'
import { CONFIDENCE_LABELS } from '../measures/measure-kinds'
import { filterAssumptions, outsideRange, stepFor } from './assumptions-view'

type Props = { assumptions: readonly Assumption[]; overrides: Readonly<Record<string, number>>; onEdit: (e: Edit) => void }

/**
 * Every baseline assumption with its value, range, unit, source and confidence. A scenario may override
 * any of them: overridden rows are marked and can be reset one by one or all at once. The charts then
 * show the no-measures line under these assumptions next to the default one.
 */
export function AssumptionsPanel({ assumptions, overrides, onEdit }: Props) {
  const uid = useId()
  const [text, setText] = useState('')
  const [onlyOverridden, setOnlyOverridden] = useState(false)
  const filter = useDeferredValue({ text, onlyOverridden })
  const groups = filterAssumptions(assumptions, overrides, filter)
  const count = Object.keys(overrides).length
  return (
    <section className="assumptions" aria-labelledby={`${uid}-h`} data-testid="assumptions">
      <div className="assumptions-bar">
        <h2 id={`${uid}-h`} className="section-title">
          Assumptions
        </h2>
        <label className="inline-field">
          <span>Filter</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="label, source, unit…" />
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyOverridden} onChange={(e) => setOnlyOverridden(e.target.checked)} />
          Only overridden
        </label>
        <span className="hint" aria-live="polite">
          {count === 0 ? 'All values are the baseline.' : `${count} overridden in this scenario.`}
        </span>
        <button type="button" disabled={count === 0} onClick={() => onEdit({ type: 'overrides-reset-all' })}>
          Reset all overrides
        </button>
      </div>
      {assumptions.length === 0 && <p className="empty">The baseline dataset is empty. Check resources/data/assumptions.json.</p>}
      {assumptions.length > 0 && groups.length === 0 && (
        <p className="empty">No assumption matches “{text}”{onlyOverridden ? ' among the overridden ones' : ''}. Clear the filter to see all {assumptions.length}.</p>
      )}
      <div className="assumptions-scroll">
        <table className="assumption-table">
          <colgroup>
            <col className="c-label" />
            <col className="c-value" />
            <col className="c-base" />
            <col className="c-conf" />
            <col />
            <col className="c-reset" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Assumption</th>
              <th scope="col">Value</th>
              <th scope="col">Baseline (low–high)</th>
              <th scope="col">Confidence</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Reset</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.group}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={6}>
                  {g.label}
                </th>
              </tr>
              {g.items.map((a) => (
                <AssumptionRow key={a.id} a={a} override={overrides[a.id]} onEdit={onEdit} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  )
}

const AssumptionRow = memo(function AssumptionRow({ a, override, onEdit }: { a: Assumption; override: number | undefined; onEdit: (e: Edit) => void }) {
  const uid = useId()
  const gesture = useGestureKey(`override.${a.id}`)
  const overridden = override !== undefined
  const value = override ?? a.value
  const range = a.low !== undefined && a.high !== undefined ? `${a.low}–${a.high}` : 'no range'
  return (
    <tr className={overridden ? 'overridden' : ''} data-testid={`assumption-${a.id}`}>
      <th scope="row">
        <label htmlFor={`${uid}-v`}>{a.label}</label>
        {overridden && <span className="badge">Overridden</span>}
        {a.note && <span className="hint block">{a.note}</span>}
      </th>
      <td className="value-cell">
        <input
          id={`${uid}-v`}
          type="number"
          step={stepFor(a)}
          value={value}
          {...gesture.handlers}
          onChange={(e) => {
            const v = e.target.valueAsNumber
            if (Number.isFinite(v)) onEdit(v === a.value ? { type: 'override-reset', id: a.id } : { type: 'override', id: a.id, value: v, coalesce: gesture.key() })
          }}
        />
        <span className="unit">{a.unit}</span>
        {overridden && outsideRange(a, value) && (
          <span className="field-warning block">Outside the documented range: the model uses {clampOverride(a, value)}</span>
        )}
      </td>
      <td className="num">
        {a.value} <span className="hint">({range})</span>
      </td>
      <td>
        <span className={`confidence c-${a.confidence}`}>{CONFIDENCE_LABELS[a.confidence]}</span>
      </td>
      <td title={a.source}>
        <div className="source">
          {a.source}
          <span className="hint"> ({a.year})</span>
        </div>
      </td>
      <td>
        {overridden && (
          <button type="button" className="small" onClick={() => onEdit({ type: 'override-reset', id: a.id })} aria-label={`Reset ${a.label}`}>
            Reset
          </button>
        )}
      </td>
    </tr>
  )
})
