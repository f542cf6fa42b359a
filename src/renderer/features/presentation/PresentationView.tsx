import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { ECONOMIES, ECONOMY_LABELS, SECTOR_LABELS, type Measure, type MeasureSetting } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import { SLIDES, type View, type ViewAction } from '../../state/view-state'
import type { TornadoResult } from '../../workers/jobs'
import type { JobState } from '../../workers/use-job'
import { ChartsArea, type SectorInputs } from '../charts/ChartsArea'
import type { CostRow } from '../charts/chart-series'
import { CostView } from '../charts/CostView'
import { SensitivityView } from '../sensitivity/SensitivityView'
import type { Marker } from '../timeline/timeline-model'
import { useFullscreen } from './use-fullscreen'
import { yLocked } from '../../state/view-state'
import type { AxisLock } from '../../state/axis-lock'

type Props = {
  view: View
  dispatch: (a: ViewAction) => void
  inputs: SectorInputs | null
  error: string | null
  markers: readonly Marker[]
  allMarkers: readonly Marker[]
  enabledIds: string
  costRows: readonly CostRow[]
  tornado: JobState<TornadoResult>
  measures: readonly Measure[]
  settings: ReadonlyMap<string, MeasureSetting>
  onEdit: (e: Edit) => void
  /** The open scenario's name, always on screen so the room knows what it is looking at. */
  scenarioName: string
  dirty: boolean
  /** More context next to the scenario name (a workshop and its round, when one is running). */
  context?: ReactNode
  axisLock: AxisLock | null
  /** Shown instead of the charts while a workshop round's results are hidden. */
  hiddenNotice?: ReactNode
}

const slideTitle = (i: number) => {
  const s = SLIDES[i]
  return s.kind === 'exposure' ? `${SECTOR_LABELS[s.sector]} exposure` : s.kind === 'cost' ? 'Cost pressure' : 'Sensitivity'
}

/**
 * Presentation mode: full screen, large type, high contrast, one chart at a time (← → to step, Esc to
 * leave), and a compact bar of every measure so the room can still flip them live.
 */
export function PresentationView(props: Props) {
  const { view, dispatch, inputs, error, markers, allMarkers, enabledIds, costRows, tornado, measures, settings, onEdit, scenarioName, dirty, context, axisLock, hiddenNotice } = props
  useFullscreen(() => dispatch({ type: 'present', on: false }))
  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => rootRef.current?.focus(), [])
  const slide = SLIDES[view.slide]
  const options = useMemo(() => ({ showBand: view.showBand, showBaseline: view.showBaseline, large: true }), [view.showBand, view.showBaseline])
  return (
    <div className="presentation" ref={rootRef} tabIndex={-1} role="region" aria-label="Presentation" data-testid="presentation">
      <header className="pres-head">
        <div className="pres-titles">
          <p className="pres-context" data-testid="pres-context">
            <span className="pres-scenario">
              Scenario: <strong data-testid="pres-scenario">{scenarioName}</strong>
              {dirty && <span className="pres-dirty"> (unsaved changes)</span>}
            </span>
            {context}
          </p>
          <h1>
            {slideTitle(view.slide)} — {ECONOMY_LABELS[view.economy]}
          </h1>
        </div>
        {/* Same controls on every slide, top right: Previous and Next never move (checked in e2e). */}
        <nav className="pres-nav" aria-label="Slides">
          <span className="segmented" role="group" aria-label="Economy">
            {ECONOMIES.map((e) => (
              <button key={e} type="button" aria-pressed={view.economy === e} onClick={() => dispatch({ type: 'economy', economy: e })}>
                {ECONOMY_LABELS[e]}
              </button>
            ))}
          </span>
          <button type="button" aria-pressed={yLocked(view)} onClick={() => dispatch({ type: 'lock-y' })} title="Locked, the y-axis keeps its scale through toggles, so a drop looks like a drop (Y)">
            Lock y-axis
          </button>
          <button type="button" onClick={() => dispatch({ type: 'step', by: -1 })} disabled={view.slide === 0}>
            ← Previous
          </button>
          <span className="pres-count" aria-live="polite">
            {view.slide + 1} / {SLIDES.length}
          </span>
          <button type="button" onClick={() => dispatch({ type: 'step', by: 1 })} disabled={view.slide === SLIDES.length - 1}>
            Next →
          </button>
          <button type="button" onClick={() => dispatch({ type: 'present', on: false })}>
            Exit (Esc)
          </button>
        </nav>
      </header>
      <main className="pres-body">
        {hiddenNotice}
        {!hiddenNotice && error && (
          <p className="error-state" role="alert">
            The model could not run this scenario: {error}. Leave presentation mode (Esc) and undo the last change.
          </p>
        )}
        {!hiddenNotice && !error && slide.kind === 'exposure' && inputs && (
          <ChartsArea
            {...inputs}
            sectors={[slide.sector]}
            economy={view.economy}
            stacking={view.stacking}
            markers={markers}
            allMarkers={allMarkers}
            enabledIds={enabledIds}
            threshold={view.threshold}
            options={options}
            showTables={false}
            axisLock={axisLock}
          />
        )}
        {!hiddenNotice && !error && slide.kind === 'cost' && <CostView economy={view.economy} rows={costRows} markers={markers} showBaseline={view.showBaseline} large />}
        {!hiddenNotice && !error && slide.kind === 'sensitivity' && <SensitivityView state={tornado} view={view} dispatch={dispatch} large />}
      </main>
      <footer className="pres-bar" aria-label="Measures">
        {(['beijing', 'washington'] as const).map((side) => (
          <div key={side} className={`pres-side side-${side}`} role="group" aria-label={side === 'beijing' ? 'Beijing measures' : 'Washington measures'}>
            <span className="pres-side-title">{side === 'beijing' ? 'Beijing' : 'Washington'}</span>
            {measures
              .filter((m) => m.side === side)
              .map((m) => {
                const on = settings.get(m.id)?.enabled ?? false
                const label = m.short
                return (
                  <button
                    key={m.id}
                    type="button"
                    role="switch"
                    aria-checked={on}
                    className={`pres-toggle ${on ? 'on' : ''}`}
                    title={m.title}
                    data-testid={`pres-measure-${m.id}`}
                    onClick={() => onEdit({ type: 'measure', id: m.id, patch: { enabled: !on } })}
                  >
                    {label}
                  </button>
                )
              })}
          </div>
        ))}
      </footer>
    </div>
  )
}
