import { memo } from 'react'
import type { Measure, MeasureSetting } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import { groupByKind } from './measure-kinds'
import { MeasureRow } from './MeasureRow'

export type Side = 'beijing' | 'washington'
export const SIDE_TITLES: Record<Side, string> = { beijing: 'Beijing', washington: 'Washington' }

type Props = { side: Side; defs: readonly Measure[]; settings: ReadonlyMap<string, MeasureSetting>; onEdit: (e: Edit) => void }

/** The measures one side controls, grouped by kind, each with its toggle, intensity and dates. */
export const MeasurePanel = memo(function MeasurePanel({ side, defs, settings, onEdit }: Props) {
  const headingId = `panel-${side}`
  const active = defs.filter((d) => settings.get(d.id)?.enabled).length
  return (
    <section className={`panel side-${side}`} aria-labelledby={headingId} data-testid={`panel-${side}`}>
      <div className="panel-head">
        <h2 id={headingId}>{SIDE_TITLES[side]}</h2>
        <span className="panel-count">
          {active} of {defs.length} on
        </span>
      </div>
      {defs.length === 0 && <p className="empty">This side has no measures in the catalogue. Check resources/data/measures.json.</p>}
      {groupByKind(defs).map((g) => (
        <section key={g.kind} className="kind-group" aria-label={`${SIDE_TITLES[side]}: ${g.label}`}>
          <h3 className="kind-title">{g.label}</h3>
          <ul className="measure-list">
            {g.items.map((def) => {
              const setting = settings.get(def.id)
              return setting ? <MeasureRow key={def.id} def={def} setting={setting} onEdit={onEdit} /> : null
            })}
          </ul>
        </section>
      ))}
    </section>
  )
})
