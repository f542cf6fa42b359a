import { useCallback, useEffect, useMemo, useReducer, useState } from 'react'
import type { Api } from '../shared/api'
import { model } from '../shared/dataset'
import { useWorkspace } from './state/use-workspace'
import { initialView, viewReducer, TABS, TAB_LABELS, type Tab } from './state/view-state'
import { useResults } from './state/use-results'
import { beijingMeasures, useDerived, washingtonMeasures, MEASURE_LABELS } from './state/use-derived'
import { useAnalyses } from './state/use-analyses'
import { MeasurePanel } from './features/measures/MeasurePanel'
import { ChartsArea } from './features/charts/ChartsArea'
import { MarkerStyles } from './features/charts/MarkerLines'
import { CostView } from './features/charts/CostView'
import { ChartOptionsBar, EconomyStackControls } from './features/charts/ViewToolbar'
import { Modal } from './components/Modal'
import { TimelineStrip } from './features/timeline/TimelineStrip'
import { TriggerPanel } from './features/triggers/TriggerPanel'
import { AssumptionsPanel } from './features/assumptions/AssumptionsPanel'
import { SensitivityView } from './features/sensitivity/SensitivityView'
import { BranchPicker } from './features/uncertainty/BranchPicker'
import { VarianceView } from './features/uncertainty/VarianceView'
import { PresentationView } from './features/presentation/PresentationView'
import { HelpOverlay } from './features/help/HelpOverlay'
import { LibraryBar } from './features/library/LibraryBar'
import { ExportProvider } from './features/export/ExportProvider'
import { EvidenceProvider } from './features/evidence/EvidenceProvider'
import { ScenarioExportButton } from './features/export/ScenarioExportButton'
import { useShortcuts } from './use-shortcuts'
import './features/measures/measures.css'
import './features/charts/charts.css'
import './features/timeline/timeline.css'
import './features/assumptions/assumptions.css'
import './features/sensitivity/sensitivity.css'
import './features/presentation/presentation.css'

const MEASURE_IDS = model.measures.map((m) => m.id)

export function App({ api }: { api: Api }) {
  const ws = useWorkspace(api)
  const { doc } = ws
  const [view, dispatchView] = useReducer(viewReducer, initialView)
  const [showTables, setShowTables] = useState(false)
  const [triggersOpen, setTriggersOpen] = useState(false)
  const results = useResults(doc)
  const ok = results.ok ? results : null
  const derived = useDerived(doc, ok?.result ?? null, ok?.baseline ?? null, ok, view.economy, view.tab === 'cost' || view.presenting)
  const wantsExposure = view.presenting || view.tab === 'exposure'
  const analyses = useAnalyses(doc, view, wantsExposure)
  const chartOptions = useMemo(() => ({ showBand: view.showBand, showBaseline: view.showBaseline, large: false }), [view.showBand, view.showBaseline])

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
    'tab-exposure': () => setTab('exposure'),
    'tab-cost': () => setTab('cost'),
    'tab-sensitivity': () => setTab('sensitivity'),
    'tab-assumptions': () => setTab('assumptions')
  })
  useEffect(() => {
    document.title = `${ws.dirty ? '• ' : ''}${doc.name} — Chokepoint`
  }, [doc.name, ws.dirty])

  const sectorInputs = ok && {
    result: ok.result,
    baseline: ok.baseline,
    modified: ok.modified,
    bands: view.showBand ? analyses.bands : null,
    attribution: view.stacking === 'measure' ? analyses.attribution : null,
    measureLabels: MEASURE_LABELS
  }

  if (view.presenting) {
    return (
      <>
      <MarkerStyles ids={MEASURE_IDS} />
      <PresentationView
        view={view}
        dispatch={dispatchView}
        inputs={sectorInputs || null}
        error={results.error}
        markers={derived.markers}
        allMarkers={derived.allMarkers}
        enabledIds={derived.enabledIds}
        costRows={derived.costRows}
        tornado={analyses.tornado}
        measures={model.measures}
        settings={derived.settings}
        onEdit={ws.onEdit}
      />
      {view.help && <HelpOverlay onClose={() => dispatchView({ type: 'help', on: false })} />}
      </>
    )
  }

  return (
    <ExportProvider api={api} doc={doc}>
    <EvidenceProvider doc={doc}>
    <div className="app">
      <MarkerStyles ids={MEASURE_IDS} />
      <header className="app-header">
        <h1>Chokepoint</h1>
        <LibraryBar ws={ws} api={api} threshold={view.threshold} />
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
      <p className={`status ${ws.status?.kind ?? ''}`} role="status" aria-live="polite">
        {ws.status?.text ?? ''}
      </p>
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
            <BranchPicker doc={doc} onEdit={ws.onEdit} />
          </div>
          <div className="tab-body" id="tab-body" role="tabpanel" aria-labelledby={`tab-${view.tab}`}>
            {results.error !== null ? (
              <div className="error-state" role="alert">
                <h2>The model could not run this scenario</h2>
                <p>{results.error}</p>
                <p>Undo the last change (Ctrl+Z), reset the assumption overrides, or start a new scenario.</p>
              </div>
            ) : (
              <>
                {view.tab === 'exposure' && <ChartOptionsBar view={view} dispatch={dispatchView} showTables={showTables} onTables={setShowTables} />}
                {view.tab === 'exposure' && sectorInputs && (
                  <ChartsArea {...sectorInputs} economy={view.economy} stacking={view.stacking} markers={derived.markers} allMarkers={derived.allMarkers} enabledIds={derived.enabledIds} threshold={view.threshold} options={chartOptions} showTables={showTables} />
                )}
                {view.tab === 'cost' && <CostView economy={view.economy} rows={derived.costRows} markers={derived.markers} showBaseline={view.showBaseline} large={false} />}
                {view.tab === 'sensitivity' && (
                  <div className="sensitivity-pair">
                    <SensitivityView state={analyses.tornado} view={view} dispatch={dispatchView} />
                    <VarianceView state={analyses.variance} view={view} />
                  </div>
                )}
                {view.tab === 'assumptions' && <AssumptionsPanel assumptions={model.assumptions} overrides={doc.overrides} onEdit={ws.onEdit} />}
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
          />
        </div>
        <MeasurePanel side="washington" defs={washingtonMeasures} settings={derived.settings} onEdit={ws.onEdit} />
      </main>
      {view.help && <HelpOverlay onClose={() => dispatchView({ type: 'help', on: false })} />}
      {triggersOpen && (
        <Modal title="Counter-measure triggers" onClose={() => setTriggersOpen(false)} className="triggers-dialog">
          <TriggerPanel triggers={doc.triggers} measures={model.measures} onEdit={ws.onEdit} />
        </Modal>
      )}
    </div>
    </EvidenceProvider>
    </ExportProvider>
  )
}
