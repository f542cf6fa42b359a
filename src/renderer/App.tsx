import { Suspense, useCallback, useEffect, useMemo, useReducer, useState } from 'react'
import type { Api } from '../shared/api'
import { model } from '../shared/dataset'
import { useWorkspace } from './state/use-workspace'
import { initialView, viewReducer, yLocked, TABS, TAB_LABELS, type Tab } from './state/view-state'
import { createAxisLock } from './state/axis-lock'
import { useResults } from './state/use-results'
import { beijingMeasures, useDerived, washingtonMeasures, MEASURE_LABELS } from './state/use-derived'
import { useAnalyses } from './state/use-analyses'
import { MeasurePanel } from './features/measures/MeasurePanel'
import { ChartsArea } from './features/charts/ChartsArea'
import { MarkerStyles } from './features/charts/MarkerLines'
import { ChartOptionsBar, EconomyStackControls } from './features/charts/ViewToolbar'
import { Modal } from './components/Modal'
import { TimelineStrip } from './features/timeline/TimelineStrip'
import { AssumptionsPanel, CostView, HelpOverlay, PresentationView, SensitivityView, TriggerPanel, VarianceView } from './lazy-views'
import { BranchPicker } from './features/uncertainty/BranchPicker'
import { LibraryBar } from './features/library/LibraryBar'
import { ScenarioFullName } from './features/library/ScenarioFullName'
import { StatusMessage } from './components/StatusMessage'
import { ExportProvider } from './features/export/ExportProvider'
import { EvidenceProvider } from './features/evidence/EvidenceProvider'
import { ScenarioExportButton } from './features/export/ScenarioExportButton'
import { useShortcuts } from './use-shortcuts'
import { useWorkshopMode } from './features/workshop/use-workshop-mode'
import { ReplayCaption, ResultsHidden, SweepLauncher, WorkshopButtons, WorkshopChrome, WorkshopContext } from './features/workshop/WorkshopChrome'
import './features/measures/measures.css'
import './features/charts/charts.css'
import './features/timeline/timeline.css'
import './features/assumptions/assumptions.css'
import './features/sensitivity/sensitivity.css'
import './features/presentation/presentation.css'

const MEASURE_IDS = model.measures.map((m) => m.id)
/** The timeline starts open where the charts keep ≥ 160-px plots with it (900 px of height and more). */
const timelineOpenAtStart = () => typeof window === 'undefined' || window.matchMedia('(min-height: 900px)').matches

export function App({ api }: { api: Api }) {
  const ws = useWorkspace(api)
  const { doc } = ws
  const [view, dispatchView] = useReducer(viewReducer, initialView)
  const [showTables, setShowTables] = useState(false)
  const [triggersOpen, setTriggersOpen] = useState(false)
  // The scenario's name is wider than the header's field can show (a long name at 1280 px): shown in full below.
  const [nameCut, setNameCut] = useState(false)
  // The timeline folds to one line on short screens (a 720-px projector): the three charts need the height.
  const [timelineOpen, setTimelineOpen] = useState(timelineOpenAtStart)
  const results = useResults(doc)
  const ok = results.ok ? results : null
  const derived = useDerived(doc, ok?.result ?? null, ok?.baseline ?? null, ok, view.economy, view.tab === 'cost' || view.presenting)
  const wantsExposure = view.presenting || view.tab === 'exposure'
  const analyses = useAnalyses(doc, view, wantsExposure)
  const mode = useWorkshopMode(api, ws)
  const hidden = mode.workshop.resultsHidden
  const chartOptions = useMemo(() => ({ showBand: view.showBand, showBaseline: view.showBaseline, large: false }), [view.showBand, view.showBaseline])

  // A fresh lock whenever it is switched on, presentation starts or ends, or another scenario opens (state
  // reset during render, React's pattern for state derived from a changed input).
  const locked = yLocked(view)
  const lockKey = `${locked}|${view.presenting}|${ws.current.id}`
  const [lock, setLock] = useState(() => ({ key: lockKey, axis: locked ? createAxisLock() : null }))
  if (lock.key !== lockKey) setLock({ key: lockKey, axis: locked ? createAxisLock() : null })
  const axisLock = lock.axis
  const setTab = useCallback((tab: Tab) => dispatchView({ type: 'tab', tab }), [])
  const openTriggers = useCallback(() => setTriggersOpen(true), [])
  const { onEdit } = ws
  const removeTrigger = useCallback((id: string) => onEdit({ type: 'trigger-remove', id }), [onEdit])
  useShortcuts({
    context: () => ({ presenting: view.presenting, overlay: view.help || triggersOpen }),
    save: ws.save,
    undo: ws.undo,
    redo: ws.redo,
    help: () => dispatchView({ type: 'help' }),
    present: () => dispatchView({ type: 'present' }),
    leave: () => (view.help ? dispatchView({ type: 'help', on: false }) : dispatchView({ type: 'present', on: false })),
    next: () => dispatchView({ type: 'step', by: 1 }),
    prev: () => dispatchView({ type: 'step', by: -1 }),
    economy: () => dispatchView({ type: 'economy' }),
    stacking: () => dispatchView({ type: 'stacking' }),
    band: () => dispatchView({ type: 'band' }),
    baseline: () => dispatchView({ type: 'baseline' }),
    'lock-y': () => dispatchView({ type: 'lock-y' }),
    'tab-exposure': () => setTab('exposure'),
    'tab-cost': () => setTab('cost'),
    'tab-sensitivity': () => setTab('sensitivity'),
    'tab-assumptions': () => setTab('assumptions'),
    replay: mode.replay.play
  })
  useEffect(() => {
    document.title = `${ws.dirty ? '• ' : ''}${doc.name} — Chokepoint`
  }, [doc.name, ws.dirty])

  const sectorInputs = ok && {
    // While a replay runs, the charts draw its frames (stacking by channel: the split by measure is of one state).
    result: mode.replay.frame ?? ok.result,
    baseline: ok.baseline,
    modified: ok.modified,
    bands: view.showBand ? analyses.bands : null,
    attribution: view.stacking === 'measure' && !mode.replay.frame ? analyses.attribution : null,
    measureLabels: MEASURE_LABELS
  }

  if (view.presenting) {
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
      <MarkerStyles ids={MEASURE_IDS} />
      <PresentationView
        view={view}
        dispatch={dispatchView}
        inputs={sectorInputs || null}
        error={results.error}
        context={<WorkshopContext mode={mode} />}
        hiddenNotice={hidden && mode.workshop.round ? <ResultsHidden round={mode.workshop.round.number} /> : undefined}
        markers={derived.markers}
        allMarkers={derived.allMarkers}
        enabledIds={derived.enabledIds}
        costRows={derived.costRows}
        tornado={analyses.tornado}
        measures={model.measures}
        settings={derived.settings}
        onEdit={ws.onEdit}
        scenarioName={doc.name}
        dirty={ws.dirty}
        axisLock={axisLock}
      />
      {view.help && <HelpOverlay onClose={() => dispatchView({ type: 'help', on: false })} />}
      <ReplayCaption text={mode.replay.caption} />
      </Suspense>
    )
  }

  return (
    <ExportProvider api={api} doc={doc}>
    <EvidenceProvider doc={doc}>
    <div className={`app ${mode.workshop.workshop ? 'with-workshop' : ''}`}>
      <MarkerStyles ids={MEASURE_IDS} />
      <header className="app-header">
        <h1>Chokepoint</h1>
        <LibraryBar ws={ws} api={api} threshold={view.threshold} onNameCut={setNameCut} />
        <div className="header-actions">
          <div className="history-buttons">
            <button type="button" onClick={ws.undo} disabled={!ws.canUndo} title="Undo (Ctrl+Z)">
              Undo
            </button>
            <button type="button" onClick={ws.redo} disabled={!ws.canRedo} title="Redo (Shift+Ctrl+Z)">
              Redo
            </button>
          </div>
          <button type="button" onClick={() => dispatchView({ type: 'present', on: true })} title="Presentation mode (F5)">
            Present
          </button>
          <button type="button" onClick={() => dispatchView({ type: 'help', on: true })} title="Keyboard shortcuts (?)" aria-haspopup="dialog">
            Shortcuts
          </button>
          <ScenarioExportButton economy={view.economy} threshold={view.threshold} band={view.showBand} />
        </div>
      </header>
      <div className="status-row">
        {nameCut && <ScenarioFullName name={doc.name} />}
        <StatusMessage status={mode.workshop.status ?? ws.status} />
        {/* The branch is the scenario's (saved with it) and every tab follows it: it sits on the scenario's line, at full width. */}
        <BranchPicker doc={doc} onEdit={ws.onEdit} />
        <WorkshopButtons mode={mode} />
      </div>
      <WorkshopChrome mode={mode} threshold={view.threshold} />
      <main className="workspace">
        <MeasurePanel side="beijing" defs={beijingMeasures} settings={derived.settings} onEdit={ws.onEdit} />
        <div className="center">
          <div className="toolbar">
            <div className="tabs" role="tablist" aria-label="Views">
              {TABS.map((t) => (
                <button key={t} type="button" role="tab" id={`tab-${t}`} aria-selected={view.tab === t} aria-controls="tab-body" onClick={() => setTab(t)}>
                  {TAB_LABELS[t]}
                </button>
              ))}
            </div>
            {(view.tab === 'exposure' || view.tab === 'cost' || view.tab === 'sensitivity') && (
              <EconomyStackControls view={view} dispatch={dispatchView} stackingShown={view.tab === 'exposure'} />
            )}
          </div>
          <div className="tab-body" id="tab-body" role="tabpanel" aria-labelledby={`tab-${view.tab}`}>
            {hidden && mode.workshop.round ? (
              <ResultsHidden round={mode.workshop.round.number} />
            ) : results.error !== null ? (
              <div className="error-state" role="alert">
                <h2>The model could not run this scenario</h2>
                <p>{results.error}</p>
                <p>Undo the last change (Ctrl+Z), reset the assumption overrides, or start a new scenario.</p>
              </div>
            ) : (
              <>
                {view.tab === 'exposure' && sectorInputs && (
                  <ChartsArea
                    {...sectorInputs}
                    economy={view.economy}
                    stacking={view.stacking}
                    markers={derived.markers}
                    allMarkers={derived.allMarkers}
                    enabledIds={derived.enabledIds}
                    threshold={view.threshold}
                    options={chartOptions}
                    showTables={showTables}
                    axisLock={axisLock}
                    aside={<ChartOptionsBar view={view} dispatch={dispatchView} showTables={showTables} onTables={setShowTables} />}
                  />
                )}
                <Suspense fallback={<p className="loading">Loading…</p>}>
                {view.tab === 'cost' && <CostView economy={view.economy} rows={derived.costRows} markers={derived.markers} showBaseline={view.showBaseline} large={false} />}
                {view.tab === 'sensitivity' && <SweepLauncher mode={mode} />}
                {view.tab === 'sensitivity' && (
                  <div className="sensitivity-pair">
                    <SensitivityView state={analyses.tornado} view={view} dispatch={dispatchView} />
                    <VarianceView state={analyses.variance} view={view} />
                  </div>
                )}
                {view.tab === 'assumptions' && <AssumptionsPanel assumptions={model.assumptions} overrides={doc.overrides} onEdit={ws.onEdit} />}
                </Suspense>
              </>
            )}
            {analyses.notice && <p className="notice">{analyses.notice}</p>}
          </div>
          <TimelineStrip
            quarters={derived.timelineQuarters}
            rows={derived.timelineRows}
            triggerCount={doc.triggers.length}
            onTriggers={openTriggers}
            onRemoveTrigger={removeTrigger}
            open={timelineOpen}
            onOpen={setTimelineOpen}
          />
        </div>
        <MeasurePanel side="washington" defs={washingtonMeasures} settings={derived.settings} onEdit={ws.onEdit} />
      </main>
      <Suspense fallback={null}>
      {view.help && <HelpOverlay onClose={() => dispatchView({ type: 'help', on: false })} />}
      {triggersOpen && (
        <Modal title="Counter-measure triggers" onClose={() => setTriggersOpen(false)} className="triggers-dialog">
          <TriggerPanel triggers={doc.triggers} measures={model.measures} onEdit={ws.onEdit} />
        </Modal>
      )}
      </Suspense>
    </div>
    </EvidenceProvider>
    </ExportProvider>
  )
}
