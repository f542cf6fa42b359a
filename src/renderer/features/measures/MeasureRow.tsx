import { memo, useId, useState } from 'react'
import type { Measure, MeasureSetting } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import { useGestureKey } from '../../state/use-gesture-key'
import { withUnit } from './measure-kinds'
import { MeasureDetails } from './MeasureDetails'
import { InfoCard } from './InfoCard'

type Props = { def: Measure; setting: MeasureSetting; onEdit: (e: Edit) => void }

/** One-line summary of when a measure is in force. */
export function datesSummary(s: Pick<MeasureSetting, 'start' | 'end' | 'suspensions'>): string[] {
  const parts = [`from ${s.start}`]
  if (s.end) parts.push(`until ${s.end}`)
  for (const p of s.suspensions) parts.push(`paused ${p.from} → ${p.until ?? 'open-ended'}`)
  return parts
}

/**
 * One measure: on/off, its primary intensity with units, when it is in force, and two disclosures —
 * settings (other parameters, dates, suspensions) and the info card (instrument, dates, confidence, channels).
 */
export const MeasureRow = memo(function MeasureRow({ def, setting, onEdit }: Props) {
  const uid = useId()
  const [open, setOpen] = useState<'settings' | 'info' | null>(null)
  const primary = def.params.find((p) => p.primary) ?? def.params[0]
  const value = setting.params[primary.id] ?? primary.default
  const gesture = useGestureKey(`${def.id}.${primary.id}`)
  const titleId = `${uid}-title`
  const sliderLabelId = `${uid}-plabel`
  const panelId = `${uid}-panel`
  const toggle = (which: 'settings' | 'info') => setOpen((o) => (o === which ? null : which))
  return (
    <li className={`measure ${setting.enabled ? 'is-on' : ''}`} data-testid={`measure-${def.id}`}>
      <div className="measure-head">
        <input
          id={`${uid}-on`}
          type="checkbox"
          role="switch"
          checked={setting.enabled}
          onChange={(e) => onEdit({ type: 'measure', id: def.id, patch: { enabled: e.target.checked } })}
        />
        {/* The catalogue's short name (≤ 32 characters), so six or more measures fit a panel at 1280×720; the
            legal title is in the Info card and shows on hover. */}
        <label htmlFor={`${uid}-on`} id={titleId} className="measure-title" title={def.title}>
          {def.short}
        </label>
      </div>
      <div className="measure-control">
        <span id={sliderLabelId} className="control-label">
          {primary.label}
        </span>
        <input
          type="range"
          min={primary.min}
          max={primary.max}
          step={primary.step}
          value={value}
          aria-labelledby={`${sliderLabelId} ${titleId}`}
          aria-valuetext={withUnit(value, primary.unit)}
          {...gesture.handlers}
          onChange={(e) => onEdit({ type: 'param', id: def.id, param: primary.id, value: Number(e.target.value), coalesce: gesture.key() })}
        />
        <span className="control-value" aria-hidden="true">
          {setting.enabled ? '' : 'off · '}
          {withUnit(value, primary.unit)}
        </span>
      </div>
      <div className="measure-foot">
        <span className="measure-dates">
          {datesSummary(setting).map((d) => (
            <span key={d}>{d}</span>
          ))}
        </span>
        <span className="measure-buttons">
          <button type="button" className="small" aria-expanded={open === 'settings'} aria-controls={panelId} onClick={() => toggle('settings')}>
            Settings
          </button>
          <button type="button" className="small" aria-expanded={open === 'info'} aria-controls={panelId} onClick={() => toggle('info')}>
            Info
          </button>
        </span>
      </div>
      <div id={panelId}>
        {open === 'settings' && <MeasureDetails def={def} setting={setting} onEdit={onEdit} />}
        {open === 'info' && <InfoCard def={def} />}
      </div>
    </li>
  )
})
