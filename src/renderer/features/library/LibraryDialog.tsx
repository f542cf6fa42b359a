import { useCallback, useRef, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary } from '../../../shared/contract'
import { model } from '../../../shared/dataset'
import { Modal } from '../../components/Modal'
import { ScenarioDetails } from './ScenarioDetails'
import { TrashList } from './TrashList'
import { ExamplesList } from './ExamplesList'
import { NO_FILTERS, useLibrarySearch, type Filters } from './use-library-search'
import { dialogAutofocus } from './file-transfer'

export type Notice = { kind: 'info' | 'error'; text: string; undo?: () => void } | null
type Tab = 'scenarios' | 'examples' | 'trash'
const TAB_LABELS: Record<Tab, string> = { scenarios: 'Scenarios', examples: 'Examples', trash: 'Trash' }
const MAX_COMPARE = 4

export type LibraryActions = {
  open: (id: string, name: string) => void
  openExample: (id: string, name: string) => void
  newScenario: () => void
  history: (s: ScenarioSummary) => void
  compare: (ids: string[]) => void
  exportIds: (ids: string[]) => Promise<void>
  importPicked: (files: File[]) => Promise<void>
  importWithDialog: () => Promise<void>
  /** The library changed a scenario (rename, notes, tags, restore) or deleted one. */
  changed: (s: ScenarioSummary) => void
  deleted: (id: string) => void
}

type Props = {
  api: Api
  openId: string | null
  notice: Notice
  onNotice: (n: Notice) => void
  /** Bumped by the caller after an import, so the list shows the new scenarios. */
  refreshKey: number
  actions: LibraryActions
  onClose: () => void
}

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/**
 * The scenario library: search and filter (name or notes, tag, measure), select to compare or export,
 * details with rename/notes/tags, delete with undo, the trash, the bundled examples, import and export.
 */
export function LibraryDialog({ api, openId, notice, onNotice, refreshKey, actions, onClose }: Props) {
  const [tab, setTab] = useState<Tab>('scenarios')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [selectedId, setSelectedId] = useState<string | null>(openId)
  const [checked, setChecked] = useState<string[]>([])
  const search = useLibrarySearch(api, filters, refreshKey)
  const fileInput = useRef<HTMLInputElement>(null)
  const selected = search.items.find((s) => s.id === selectedId) ?? null
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  const toggle = (id: string) => setChecked((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
  const info = useCallback((kind: 'info' | 'error', text: string) => onNotice({ kind, text }), [onNotice])

  const remove = async (s: ScenarioSummary) => {
    const r = await api.call('scenario.delete', { id: s.id })
    if (!r.ok) return info('error', r.error.message)
    actions.deleted(s.id)
    setChecked((c) => c.filter((x) => x !== s.id))
    search.reload()
    onNotice({
      kind: 'info',
      text: `Moved “${r.value.name}” to the trash.`,
      undo: async () => {
        const back = await api.call('scenario.untrash', { id: s.id })
        if (!back.ok) return info('error', back.error.message)
        actions.changed(back.value)
        info('info', back.value.name === s.name ? `Restored “${s.name}”.` : `Restored “${s.name}” as “${back.value.name}” (the name was taken).`)
        search.reload()
      }
    })
  }
  const duplicate = async (s: ScenarioSummary) => {
    const r = await api.call('scenario.duplicate', { id: s.id })
    if (!r.ok) return info('error', r.error.message)
    info('info', `Duplicated “${s.name}” as “${r.value.name}”.`)
    setSelectedId(r.value.id)
    search.reload()
  }

  return (
    <Modal title="Library" onClose={onClose} className="library-modal">
      <div className="library-top">
        <div className="tabs" role="tablist" aria-label="Library sections">
          {(Object.keys(TAB_LABELS) as Tab[]).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <div className="library-file-actions">
          <button type="button" onClick={actions.newScenario}>
            New scenario
          </button>
          <button type="button" onClick={() => (api.runtime === 'electron' ? void actions.importWithDialog() : fileInput.current?.click())}>
            Import…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            multiple
            hidden
            data-testid="import-input"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? [])
              e.target.value = ''
              if (files.length) void actions.importPicked(files)
            }}
          />
        </div>
      </div>
      {notice && (
        <div className={`library-notice ${notice.kind}`} data-testid="library-notice">
          <p role={notice.kind === 'error' ? 'alert' : undefined} aria-live="polite">
            {notice.text}
          </p>
          {notice.undo && (
            <button type="button" onClick={notice.undo}>
              Undo
            </button>
          )}
          <button type="button" className="small" onClick={() => onNotice(null)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      )}

      {tab === 'scenarios' && (
        <div className="library-body">
          <div className="library-list">
            <div className="library-filters">
              <label className="field grow">
                <span>Search scenarios</span>
                <input type="search" value={filters.query} onChange={(e) => set({ query: e.target.value })} placeholder="Name or notes" maxLength={200} ref={dialogAutofocus} />
              </label>
              <label className="field">
                <span>Tag</span>
                <select value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
                  <option value="">Any tag</option>
                  {search.tags.map((t) => (
                    <option key={t.tag} value={t.tag}>
                      {t.tag} ({t.count})
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Measure on</span>
                <select value={filters.measure} onChange={(e) => set({ measure: e.target.value })}>
                  <option value="">Any measure</option>
                  {model.measures.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.side === 'beijing' ? 'Beijing' : 'Washington'}: {m.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>Sort by</span>
                <select value={filters.sort} onChange={(e) => set({ sort: e.target.value as Filters['sort'] })}>
                  <option value="updated">Last saved</option>
                  <option value="name">Name</option>
                </select>
              </label>
            </div>
            <div className="toolbar selection-bar">
              <span className="hint" data-testid="library-count">
                {search.loaded ? `${search.total} ${search.total === 1 ? 'scenario' : 'scenarios'}` : 'Loading…'}
                {checked.length > 0 ? ` · ${checked.length} selected` : ''}
              </span>
              <button type="button" disabled={checked.length < 2 || checked.length > MAX_COMPARE} onClick={() => actions.compare(checked)} title="Select 2 to 4 scenarios">
                Compare selected
              </button>
              <button type="button" disabled={checked.length === 0} onClick={() => void actions.exportIds(checked)}>
                Export selected
              </button>
              {checked.length > 0 && (
                <button type="button" className="small" onClick={() => setChecked([])}>
                  Clear selection
                </button>
              )}
            </div>
            {search.error && (
              <p className="field-error" role="alert">
                {search.error}
              </p>
            )}
            {search.loaded && search.items.length === 0 && (
              <p className="empty">{filters.query || filters.tag || filters.measure ? 'No scenario matches these filters.' : 'No saved scenarios yet. Save the workspace (Ctrl+S), import a file, or open an example.'}</p>
            )}
            <ul className="rows" aria-label="Saved scenarios">
              {search.items.map((s) => (
                <li key={s.id} className={`row ${s.id === selectedId ? 'selected' : ''}`}>
                  <input type="checkbox" checked={checked.includes(s.id)} onChange={() => toggle(s.id)} aria-label={`Select ${s.name}`} />
                  <button type="button" className="row-name link" aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => setSelectedId(s.id)} onDoubleClick={() => actions.open(s.id, s.name)}>
                    {s.name}
                  </button>
                  {s.id === openId && <span className="badge open-badge">open</span>}
                  <span className="tags">
                    {s.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                  </span>
                  <span className="hint row-meta">
                    v{s.version} · {when(s.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
            {search.items.length < search.total && (
              <button type="button" onClick={() => void search.more()}>
                Show more ({search.total - search.items.length} more)
              </button>
            )}
          </div>
          {selected ? (
            <ScenarioDetails
              key={`${selected.id}:${selected.version}`}
              api={api}
              summary={selected}
              isOpen={selected.id === openId}
              onOpen={() => actions.open(selected.id, selected.name)}
              onDuplicate={() => void duplicate(selected)}
              onHistory={() => actions.history(selected)}
              onExport={() => void actions.exportIds([selected.id])}
              onDelete={() => void remove(selected)}
              onUpdated={(s) => {
                actions.changed(s)
                info('info', `Saved the details of “${s.name}” (version ${s.version}).`)
                search.reload()
              }}
            />
          ) : (
            <p className="details empty">Select a scenario to see its details.</p>
          )}
        </div>
      )}
      {tab === 'examples' && <ExamplesList api={api} onOpen={actions.openExample} onNotice={info} />}
      {tab === 'trash' && (
        <TrashList
          api={api}
          onNotice={info}
          onRestored={(s) => {
            actions.changed(s)
            search.reload()
          }}
        />
      )}
      <p className="hint drop-hint">Tip: drop .chokepoint.json files anywhere in the window to import them.</p>
    </Modal>
  )
}
