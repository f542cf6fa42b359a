import { memo } from 'react'
import { ECONOMIES, ECONOMY_LABELS } from '../../../core'
import type { View, ViewAction } from '../../state/view-state'

type Props = { view: View; dispatch: (a: ViewAction) => void }

/** Economy and stacking: the two switches a facilitator flips most, next to the tabs. */
export const EconomyStackControls = memo(function EconomyStackControls({ view, dispatch, stackingShown }: Props & { stackingShown: boolean }) {
  return (
    <>
      <span className="segmented" role="group" aria-label="Economy">
        {ECONOMIES.map((e) => (
          <button key={e} type="button" aria-pressed={view.economy === e} onClick={() => dispatch({ type: 'economy', economy: e })}>
            {ECONOMY_LABELS[e]}
          </button>
        ))}
      </span>
      {stackingShown && (
        <span className="segmented" role="group" aria-label="Stack by">
          <button type="button" aria-pressed={view.stacking === 'channel'} onClick={() => dispatch({ type: 'stacking', stacking: 'channel' })}>
            By channel
          </button>
          <button type="button" aria-pressed={view.stacking === 'measure'} onClick={() => dispatch({ type: 'stacking', stacking: 'measure' })}>
            By measure
          </button>
        </span>
      )}
    </>
  )
})

/** Overlays, the headline threshold and data tables; each checkbox label carries its line style as a key. */
export const ChartOptionsBar = memo(function ChartOptionsBar({ view, dispatch, showTables, onTables }: Props & { showTables: boolean; onTables: (on: boolean) => void }) {
  return (
    <div className="toolbar options-bar" role="group" aria-label="Chart options">
      <label className="check">
        <input type="checkbox" checked={view.showBaseline} onChange={(e) => dispatch({ type: 'baseline', on: e.target.checked })} />
        <span className="line-key dashed" aria-hidden="true" />
        Baselines
      </label>
      <label className="check">
        <input type="checkbox" checked={view.showBand} onChange={(e) => dispatch({ type: 'band', on: e.target.checked })} />
        <span className="swatch band" aria-hidden="true" />
        P10–P90 band
      </label>
      <label className="check" title="Locked, the y-axis keeps its scale through toggles (it only grows to fit), so a drop looks like a drop (Y)">
        <input type="checkbox" checked={view.lockY} onChange={(e) => dispatch({ type: 'lock-y', on: e.target.checked })} />
        Lock y-axis
      </label>
      <label className="inline-field threshold">
        <span>Threshold</span>
        <input type="number" min={0} max={100} step={1} value={view.threshold} onChange={(e) => dispatch({ type: 'threshold', value: e.target.valueAsNumber })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={showTables} onChange={(e) => onTables(e.target.checked)} />
        Data tables
      </label>
    </div>
  )
})
