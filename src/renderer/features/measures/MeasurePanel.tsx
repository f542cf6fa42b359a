import type { MeasureDef, MeasureSetting } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import { MeasureRow } from './MeasureRow'

type Side = 'beijing' | 'washington'
const SIDE_TITLES: Record<Side, string> = { beijing: 'Beijing', washington: 'Washington' }

type Props = { side: Side; defs: MeasureDef[]; settings: Map<string, MeasureSetting>; onEdit: (e: Edit) => void }

/** The measures one side controls, each with its toggle and intensity. */
export function MeasurePanel({ side, defs, settings, onEdit }: Props) {
  const headingId = `panel-${side}`
  return (
    <section className={`panel side-${side}`} aria-labelledby={headingId} data-testid={`panel-${side}`}>
      <h2 id={headingId}>{SIDE_TITLES[side]}</h2>
      <ul className="measure-list">
        {defs.map((def) => {
          const setting = settings.get(def.id)
          return setting ? <MeasureRow key={def.id} def={def} setting={setting} onEdit={onEdit} /> : null
        })}
      </ul>
    </section>
  )
}
