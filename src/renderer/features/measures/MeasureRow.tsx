import { memo, useId } from 'react'
import type { MeasureDef, MeasureSetting } from '../../../core'
import type { Edit } from '../../state/scenario-edit'

type Props = { def: MeasureDef; setting: MeasureSetting; onEdit: (e: Edit) => void }

/** One measure: on/off, its primary intensity control with units, and its start date. */
export const MeasureRow = memo(function MeasureRow({ def, setting, onEdit }: Props) {
  const uid = useId()
  const primary = def.params.find((p) => p.primary) ?? def.params[0]
  const value = primary ? (setting.params[primary.id] ?? primary.default) : undefined
  const toggleId = `${uid}-on`
  return (
    <li className={`measure ${setting.enabled ? 'is-on' : ''}`} data-testid={`measure-${def.id}`}>
      <div className="measure-head">
        <input
          id={toggleId}
          type="checkbox"
          role="switch"
          checked={setting.enabled}
          onChange={(e) => onEdit({ type: 'measure', id: def.id, patch: { enabled: e.target.checked } })}
        />
        <label htmlFor={toggleId} className="measure-title">
          {def.title}
        </label>
      </div>
      {primary && value !== undefined && (
        <div className="measure-control">
          <label htmlFor={`${uid}-${primary.id}`}>{primary.label}</label>
          <input
            id={`${uid}-${primary.id}`}
            type="range"
            min={primary.min}
            max={primary.max}
            step={primary.step}
            value={value}
            disabled={!setting.enabled}
            aria-valuetext={`${value} ${primary.unit}`}
            onChange={(e) => onEdit({ type: 'param', id: def.id, param: primary.id, value: Number(e.target.value), coalesce: `${def.id}.${primary.id}` })}
          />
          <output htmlFor={`${uid}-${primary.id}`}>
            {value} {primary.unit}
          </output>
        </div>
      )}
    </li>
  )
})
