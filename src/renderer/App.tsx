import { useEffect, useMemo } from 'react'
import { SECTORS, evaluate, type Economy, type MeasureSetting } from '../core'
import { model } from '../shared/dataset'
import type { Api } from '../shared/api'
import { useWorkspace } from './state/use-workspace'
import { MeasurePanel } from './features/measures/MeasurePanel'
import { ChartsArea } from './features/charts/ChartsArea'
import { LibraryBar } from './features/library/LibraryBar'
import { useShortcuts } from './use-shortcuts'

const beijing = model.measures.filter((m) => m.side === 'beijing')
const washington = model.measures.filter((m) => m.side === 'washington')

export function App({ api }: { api: Api }) {
  const ws = useWorkspace(api)
  const { doc } = ws
  const economy: Economy = 'us'
  const settings = useMemo(() => new Map<string, MeasureSetting>(doc.measures.map((m) => [m.id, m])), [doc.measures])
  const result = useMemo(() => evaluate(model, doc), [doc])
  // Reference: the same assumptions with every measure off, so a room sees what the measures add.
  const noMeasures = useMemo(() => evaluate(model, { ...doc, measures: doc.measures.map((m) => ({ ...m, enabled: false })), triggers: [] }), [doc])

  useShortcuts({ save: ws.save, undo: ws.undo, redo: ws.redo })
  useEffect(() => {
    document.title = `${ws.dirty ? '• ' : ''}${doc.name} — Chokepoint`
  }, [doc.name, ws.dirty])

  return (
    <div className="app">
      <header className="app-header">
        <h1>Chokepoint</h1>
        <LibraryBar
          name={doc.name}
          dirty={ws.dirty}
          items={ws.items}
          onRename={(name) => ws.onEdit({ type: 'rename', name })}
          onSave={ws.save}
          onOpen={ws.open}
          onNew={ws.newScenario}
        />
        <div className="history-buttons">
          <button type="button" onClick={ws.undo} disabled={!ws.canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={ws.redo} disabled={!ws.canRedo} title="Redo (Shift+Ctrl+Z)">
            Redo
          </button>
        </div>
      </header>
      <p className={`status ${ws.status?.kind ?? ''}`} role="status" aria-live="polite">
        {ws.status?.text ?? ''}
      </p>
      <main className="workspace">
        <MeasurePanel side="beijing" defs={beijing} settings={settings} onEdit={ws.onEdit} />
        <ChartsArea result={result} reference={noMeasures} economy={economy} sectors={SECTORS} />
        <MeasurePanel side="washington" defs={washington} settings={settings} onEdit={ws.onEdit} />
      </main>
    </div>
  )
}
