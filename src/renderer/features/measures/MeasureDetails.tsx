import { useId, useState } from 'react'
import type { Measure, MeasureParam, MeasureSetting } from '../../../core'
import { datesProblem, type Edit } from '../../state/scenario-edit'
import { useGestureKey } from '../../state/use-gesture-key'

type Props = { def: Measure; setting: MeasureSetting; onEdit: (e: Edit) => void }

/**
 * The expandable settings of a measure: dates (start, optional end, a list of suspensions) and every
 * parameter other than the primary one. A date that would make the measure invalid is refused with a
 * message saying why; the field shows the value that is in force.
 */
export function MeasureDetails({ def, setting, onEdit }: Props) {
  const uid = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const others = def.params.filter((p) => !p.primary)
  const customised = Object.keys(setting.params).length > 0

  /** Applies a date edit if the result is valid, otherwise explains. */
  const tryDates = (next: Pick<MeasureSetting, 'start' | 'end' | 'suspensions'>, e: Edit) => {
    const why = datesProblem(next)
    setProblem(why)
    if (!why) onEdit(e)
  }

  return (
    <div className="measure-details">
      <fieldset className="dates">
        <legend>When it is in force</legend>
        <label className="inline-field">
          <span>Start</span>
          <input
            type="date"
            value={setting.start}
            required
            onChange={(e) => e.target.value && tryDates({ ...setting, start: e.target.value }, { type: 'measure', id: def.id, patch: { start: e.target.value } })}
          />
        </label>
        <label className="inline-field">
          <span>End (optional)</span>
          <input
            type="date"
            value={setting.end ?? ''}
            onChange={(e) => {
              const end = e.target.value || null
              tryDates({ ...setting, end }, { type: 'measure', id: def.id, patch: { end } })
            }}
          />
        </label>
        {setting.end && (
          <button type="button" className="small" onClick={() => onEdit({ type: 'measure', id: def.id, patch: { end: null } })}>
            Clear end
          </button>
        )}
        <div className="suspensions">
          <span className="sub-legend">Suspensions</span>
          {setting.suspensions.length === 0 && <span className="hint">None. A suspension pauses the measure between two dates.</span>}
          <ol>
            {setting.suspensions.map((s, i) => (
              <li key={i} className="suspension">
                <label className="inline-field">
                  <span>From</span>
                  <input
                    type="date"
                    value={s.from}
                    required
                    onChange={(e) => {
                      const from = e.target.value
                      if (!from) return
                      const suspensions = setting.suspensions.map((x, j) => (j === i ? { ...x, from } : x))
                      tryDates({ ...setting, suspensions }, { type: 'suspension-update', id: def.id, index: i, patch: { from } })
                    }}
                  />
                </label>
                <label className="inline-field">
                  <span>Until (optional)</span>
                  <input
                    type="date"
                    value={s.until ?? ''}
                    onChange={(e) => {
                      const until = e.target.value || null
                      const suspensions = setting.suspensions.map((x, j) => (j === i ? { ...x, until } : x))
                      tryDates({ ...setting, suspensions }, { type: 'suspension-update', id: def.id, index: i, patch: { until } })
                    }}
                  />
                </label>
                <button type="button" className="small" onClick={() => onEdit({ type: 'suspension-remove', id: def.id, index: i })}>
                  Remove suspension {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="small"
            disabled={setting.suspensions.length >= 20}
            onClick={() => onEdit({ type: 'suspension-add', id: def.id, suspension: { from: nextYear(setting.start), until: null, note: '' } })}
          >
            Add suspension
          </button>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
      {others.length > 0 && (
        <fieldset className="params">
          <legend>Other parameters</legend>
          {others.map((p) => (
            <ParamField key={p.id} uid={uid} measureId={def.id} param={p} value={setting.params[p.id] ?? p.default} onEdit={onEdit} />
          ))}
        </fieldset>
      )}
      <button type="button" className="small" disabled={!customised} onClick={() => onEdit({ type: 'params-reset', id: def.id })}>
        Reset parameters to catalogue defaults
      </button>
    </div>
  )
}

/** A year after a date, as the default start of a new suspension. */
const nextYear = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28')

function ParamField({ uid, measureId, param, value, onEdit }: { uid: string; measureId: string; param: MeasureParam; value: number; onEdit: (e: Edit) => void }) {
  const gesture = useGestureKey(`${measureId}.${param.id}`)
  const id = `${uid}-${param.id}`
  return (
    <div className="param">
      <label htmlFor={id}>{param.label}</label>
      <span className="param-input">
        <input
          id={id}
          type="number"
          min={param.min}
          max={param.max}
          step={param.step}
          value={value}
          {...gesture.handlers}
          onChange={(e) => {
            const v = e.target.valueAsNumber
            if (Number.isFinite(v) && v >= param.min && v <= param.max) onEdit({ type: 'param', id: measureId, param: param.id, value: v, coalesce: gesture.key() })
          }}
        />
        <span className="unit">{param.unit}</span>
      </span>
      <span className="hint">
        {param.min}–{param.max} {param.unit} · default {param.default}
      </span>
    </div>
  )
}
