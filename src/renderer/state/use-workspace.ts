import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { defaultScenario, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import type { Draft, DraftSummary, ScenarioSummary } from '../../shared/contract'
import type { Api } from '../../shared/api'
import { edit, redo, startHistory, undo, type Edit, type History } from './scenario-edit'
import { canonicalJson } from './canonical-json'
import { answerDraftProbes, createSequence, probeDraftOwner, releaseDraftIdOnUnload, tabDraftIdentity, takeNewDraftId } from './draft-id'

type Action = { type: 'edit'; edit: Edit } | { type: 'undo' } | { type: 'redo' } | { type: 'load'; doc: ScenarioDoc }

function reducer(h: History, a: Action): History {
  switch (a.type) {
    case 'edit':
      return edit(h, a.edit)
    case 'undo':
      return undo(h)
    case 'redo':
      return redo(h)
    case 'load':
      return startHistory(a.doc)
  }
}

export type Status = { kind: 'info' | 'error'; text: string } | null
/** What a save did: the saved scenario, or why it was refused (also shown in the status line). */
export type SaveOutcome = { saved: ScenarioSummary } | { error: string }

/** What the draft is compared against to decide "unsaved changes": the saved scenario, or a fresh one. */
type Baseline = { id: string | null; version: number | null; json: string }

/** How long the draft must be still before it is autosaved (ms). Short: a kill loses at most this much. */
export const AUTOSAVE_DELAY_MS = 300
/** After a failed autosave, the next try comes this much later (ms). */
export const AUTOSAVE_RETRY_MS = 2_000
const UNTITLED = 'Untitled scenario'
// A new scenario starts from the documented measures, without the baseline's tag (it is not the baseline once edited).
const fresh = (): ScenarioDoc => ({ ...defaultScenario(model, UNTITLED), tags: [] })
const time = (iso: string) => new Date(iso).toLocaleTimeString()

/**
 * The planner's working draft: edits with undo/redo, and its persistence — save, save as, open, new,
 * the unsaved-changes mark, the autosaved draft and recovery after a crash. The draft lives here; the
 * backend sees it when saved, and (as a recovery copy) a moment after each change.
 */
export function useWorkspace(api: Api) {
  const [history, dispatch] = useReducer(reducer, undefined, () => startHistory(fresh()))
  const [baseline, setBaseline] = useState<Baseline>(() => ({ id: null, version: null, json: canonicalJson(history.doc) }))
  const [status, setStatus] = useState<Status>(null)
  const [ready, setReady] = useState(false)
  const [draftSavedAt, setDraftSavedAt] = useState<string | null>(null)
  const [recovered, setRecovered] = useState(false)
  /** Why the last autosave failed (shown at once; cleared by the next one that works), or null. */
  const [autosaveError, setAutosaveError] = useState<string | null>(null)
  const [retries, setRetries] = useState(0)
  /** Unsaved drafts of other tabs or earlier sessions, offered for recovery. */
  const [otherDrafts, setOtherDrafts] = useState<DraftSummary[]>([])
  // This tab's draft id: its own across reloads; a duplicated tab's copied id is swapped for a new one
  // during recovery (below), before anything is autosaved.
  const identity = useMemo(() => tabDraftIdentity(), [])
  const [draftId, setDraftId] = useState(identity.draftId)
  const nextSeq = useMemo(() => createSequence(), [])
  const doc = history.doc
  const dirty = useMemo(() => canonicalJson(doc) !== baseline.json, [doc, baseline.json])
  const historyRef = useRef(history)
  const tabRef = useRef({ draftId, scenarioId: baseline.id, ready })
  useEffect(() => {
    historyRef.current = history
    tabRef.current = { draftId, scenarioId: baseline.id, ready }
  })
  // The id is released as the page goes away (so the reload takes it back), and this tab tells a copy of
  // itself that the id is taken.
  useEffect(() => releaseDraftIdOnUnload(() => tabRef.current.draftId), [])
  useEffect(() => answerDraftProbes(() => (tabRef.current.ready ? tabRef.current : null)), [])

  const load = useCallback((next: ScenarioDoc, base: Baseline) => {
    dispatch({ type: 'load', doc: next })
    setBaseline(base)
    setRecovered(false)
  }, [])

  /** What the recovered draft is compared against: the saved scenario it came from, or a fresh one. */
  const baseOf = useCallback(
    async (draft: Draft): Promise<Baseline> => {
      if (draft.scenarioId) {
        const saved = await api.call('scenario.get', { id: draft.scenarioId })
        if (saved.ok) return { id: saved.value.id, version: draft.baseVersion ?? saved.value.version, json: canonicalJson(saved.value.doc) }
      }
      return { id: null, version: null, json: canonicalJson(fresh()) }
    },
    [api]
  )
  const restore = useCallback(
    (draft: Draft, base: Baseline) => {
      load(draft.doc, base)
      setRecovered(true)
      setDraftSavedAt(draft.savedAt)
      setStatus({ kind: 'info', text: `Recovered unsaved changes to “${draft.doc.name}” from the autosave at ${time(draft.savedAt)}.` })
    },
    [load]
  )

  // Recovery: this tab's own draft (a reload, a crash, a kill) comes back as it was; the unsaved drafts of
  // other tabs and earlier sessions are listed, each to open or discard. A duplicated tab (its id was copied
  // from a tab that is still open) takes a new id and starts from a copy of that tab's work.
  useEffect(() => {
    let cancelled = false
    void (async () => {
      let id = draftId
      let copyOf: { draftId: string; scenarioId: string | null } | null = null
      if (identity.unreleased) {
        const owner = await probeDraftOwner(identity.unreleased)
        if (cancelled) return
        if (owner) {
          copyOf = { draftId: identity.unreleased, scenarioId: owner.scenarioId }
          id = takeNewDraftId()
          setDraftId(id)
        }
      }
      const [own, list] = await Promise.all([api.call('draft.load', { draftId: copyOf?.draftId ?? id }), api.call('draft.list', {})])
      if (cancelled) return
      if (!own.ok) setStatus({ kind: 'error', text: `The autosaved draft could not be read: ${own.error.message}` })
      if (list.ok) setOtherDrafts(list.value.items.filter((d) => d.draftId !== id))
      const draft = own.ok ? own.value.draft : null
      if (draft?.dirty && historyRef.current.past.length === 0) {
        const base = await baseOf(draft)
        if (cancelled) return
        if (canonicalJson(draft.doc) !== base.json) {
          restore(draft, base)
          if (copyOf) setStatus({ kind: 'info', text: `This tab is a copy of another tab: it starts from that tab's unsaved “${draft.doc.name}” and keeps its own draft from now on.` })
        }
      } else if (copyOf?.scenarioId && historyRef.current.past.length === 0) {
        // The tab it copies has a saved scenario open, with nothing unsaved: open the same one.
        const saved = await api.call('scenario.get', { id: copyOf.scenarioId })
        if (cancelled) return
        if (saved.ok) load(saved.value.doc, { id: saved.value.id, version: saved.value.version, json: canonicalJson(saved.value.doc) })
      }
      setReady(true)
    })()
    return () => {
      cancelled = true
    }
    // `draftId` is read once, at start-up: when this effect itself swaps it, it must not run again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, identity, baseOf, restore, load])

  /** Opens another tab's (or an earlier session's) unsaved draft here; from now on this tab keeps it. */
  const openDraft = useCallback(
    async (summary: DraftSummary) => {
      const r = await api.call('draft.load', { draftId: summary.draftId })
      if (!r.ok || !r.value.draft) {
        setOtherDrafts((list) => list.filter((d) => d.draftId !== summary.draftId))
        return setStatus({ kind: 'error', text: r.ok ? `The draft “${summary.name}” is gone: it was saved or discarded elsewhere.` : r.error.message })
      }
      const draft = r.value.draft
      restore(draft, await baseOf(draft))
      // It lives on as this tab's draft (autosaved in a moment); the old copy goes.
      await api.call('draft.discard', { draftId: summary.draftId })
      setOtherDrafts((list) => list.filter((d) => d.draftId !== summary.draftId))
    },
    [api, baseOf, restore]
  )

  /** Drops another tab's (or an earlier session's) unsaved draft for good. */
  const discardDraft = useCallback(
    async (summary: DraftSummary) => {
      const r = await api.call('draft.discard', { draftId: summary.draftId })
      if (!r.ok) return setStatus({ kind: 'error', text: r.error.message })
      setOtherDrafts((list) => list.filter((d) => d.draftId !== summary.draftId))
      setStatus({ kind: 'info', text: `Discarded the unsaved draft “${summary.name}”.` })
    },
    [api]
  )

  // Autosave: a moment after each change the draft is written; once nothing is unsaved (saved, or every
  // edit undone) it is dropped at once, not a moment later, so closing right after an undo cannot leave the
  // undone edit behind. Calls are chained, and each carries this tab's next sequence number, so the backend
  // ignores any that lands after a newer one. A failure is shown at once and retried.
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const draftWritten = useRef(false)
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const failed = useCallback((message: string) => {
    setAutosaveError(message)
    if (retryTimer.current === null)
      retryTimer.current = setTimeout(() => {
        retryTimer.current = null
        setRetries((n) => n + 1)
      }, AUTOSAVE_RETRY_MS)
  }, [])
  const draftInput = useCallback(
    (d: ScenarioDoc, base: { id: string | null; version: number | null }) => ({
      draftId,
      seq: nextSeq(),
      doc: d.name.trim() ? d : { ...d, name: UNTITLED },
      scenarioId: base.id,
      baseVersion: base.version,
      dirty: true
    }),
    [draftId, nextSeq]
  )
  useEffect(() => {
    if (!ready) return
    const write = () => {
      const input = dirty ? draftInput(doc, baseline) : null
      const seq = nextSeq()
      chain.current = chain.current.then(async () => {
        if (input) {
          draftWritten.current = true // a request that failed on the way may still have been stored
          const r = await api.call('draft.save', input)
          if (!r.ok) return failed(r.error.message)
          setDraftSavedAt(r.value.savedAt)
          setAutosaveError(null)
        } else if (draftWritten.current) {
          const r = await api.call('draft.discard', { draftId, seq })
          if (!r.ok) return failed(r.error.message)
          draftWritten.current = false
          setDraftSavedAt(null)
          setAutosaveError(null)
        }
      })
    }
    if (!dirty) return write()
    const timer = setTimeout(write, AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [api, ready, doc, dirty, baseline, retries, draftId, nextSeq, draftInput, failed])
  useEffect(() => () => void (retryTimer.current && clearTimeout(retryTimer.current)), [])

  // Closing (or reloading) the tab writes the newest state now, past any autosave still waiting: the edit
  // made a moment ago is kept, and an edit undone a moment ago is dropped. (keepalive carries it past the page.)
  const latest = useRef({ doc, dirty, baseline, ready })
  useEffect(() => {
    latest.current = { doc, dirty, baseline, ready }
  })
  useEffect(() => {
    const flush = () => {
      const now = latest.current
      if (!now.ready) return
      if (now.dirty) void api.call('draft.save', draftInput(now.doc, now.baseline))
      else if (draftWritten.current) void api.call('draft.discard', { draftId, seq: nextSeq() })
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [api, draftId, nextSeq, draftInput])

  // Leaving with unsaved changes asks (the browser's prompt; the desktop app turns it into a native dialog).
  useEffect(() => {
    if (!dirty) return
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [dirty])

  const write = useCallback(
    async (id: string | null, toSave: ScenarioDoc, label?: string): Promise<SaveOutcome> => {
      if (!toSave.name.trim()) {
        const error = 'Give the scenario a name before saving.'
        setStatus({ kind: 'error', text: error })
        return { error }
      }
      const r = await api.call('scenario.save', { id: id ?? undefined, doc: toSave, label: label?.trim() || undefined, baseVersion: id ? (baseline.version ?? undefined) : undefined })
      if (!r.ok) {
        setStatus({ kind: 'error', text: r.error.message })
        return { error: r.error.message }
      }
      setBaseline({ id: r.value.id, version: r.value.version, json: canonicalJson(toSave) })
      setRecovered(false)
      // Saved: the recovery copy is obsolete now, not in a moment — a reload right after "Saved" must not
      // offer it back. Chained behind any autosave still in flight, and awaited before saying "Saved".
      const seq = nextSeq()
      const discarded = chain.current.then(async () => {
        if ((await api.call('draft.discard', { draftId, seq })).ok) draftWritten.current = false
      })
      chain.current = discarded
      await discarded
      setDraftSavedAt(null)
      setStatus({ kind: 'info', text: `Saved “${r.value.name}” (version ${r.value.version}).` })
      return { saved: r.value }
    },
    [api, baseline.version, draftId, nextSeq]
  )

  /** Saves the draft as a new version of the open scenario (or as a new one), with an optional label. */
  const save = useCallback((label?: string) => write(baseline.id, doc, label), [write, baseline.id, doc])

  /** Saves the draft as a new scenario under `name`; the one it came from stays as last saved. */
  const saveAs = useCallback(
    async (name: string, label?: string) => {
      const renamed = { ...doc, name: name.trim() }
      const outcome = await write(null, renamed, label)
      if ('saved' in outcome && renamed.name !== doc.name) dispatch({ type: 'edit', edit: { type: 'rename', name: renamed.name } })
      return outcome
    },
    [write, doc]
  )

  /** Opens a library scenario; resolves with the document it loaded (null when it could not be opened). */
  const open = useCallback(
    async (id: string): Promise<ScenarioDoc | null> => {
      const r = await api.call('scenario.get', { id })
      if (!r.ok) {
        setStatus({ kind: 'error', text: r.error.message })
        return null
      }
      load(r.value.doc, { id: r.value.id, version: r.value.version, json: canonicalJson(r.value.doc) })
      const notes = r.value.catalogueNotes
      setStatus({
        kind: 'info',
        text: notes.length > 0 ? `Opened “${r.value.name}”, brought up to this version's catalogue: ${notes.join(' ')} Save to keep these changes.` : `Opened “${r.value.name}”.`
      })
      return r.value.doc
    },
    [api, load]
  )

  /** Opens a document that is not in the library yet (an example): unsaved until saved. */
  const openUnsaved = useCallback(
    (next: ScenarioDoc, what: string) => {
      load(next, { id: null, version: null, json: canonicalJson(fresh()) })
      setStatus({ kind: 'info', text: `Opened ${what} “${next.name}”. It is not in your library until you save it.` })
    },
    [load]
  )

  const newScenario = useCallback(() => {
    const next = fresh()
    load(next, { id: null, version: null, json: canonicalJson(next) })
    setStatus({ kind: 'info', text: 'New scenario.' })
  }, [load])

  /** Drops recovered changes: back to the saved scenario, or to a new one. */
  const discardRecovered = useCallback(() => {
    if (baseline.id) void open(baseline.id)
    else newScenario()
  }, [baseline.id, open, newScenario])

  /**
   * Keeps the draft in step when the library changes the open scenario (rename, notes, tags, restore):
   * the change applies to the draft and to what counts as saved, so other unsaved edits stay unsaved.
   */
  const detached = useRef<Baseline | null>(null)
  const onLibraryChange = useCallback(
    (s: ScenarioSummary, savedDoc?: ScenarioDoc) => {
      // The open scenario came back from the trash (undo): the draft belongs to it again.
      if (baseline.id === null && detached.current?.id === s.id) {
        const saved = { ...(JSON.parse(detached.current.json) as ScenarioDoc), name: s.name }
        detached.current = null
        return setBaseline({ id: s.id, version: s.version, json: canonicalJson(saved) })
      }
      if (s.id !== baseline.id) return
      if (savedDoc) return load(savedDoc, { id: s.id, version: s.version, json: canonicalJson(savedDoc) })
      const meta = { name: s.name, notes: s.notes, tags: s.tags }
      const saved = { ...(JSON.parse(baseline.json) as ScenarioDoc), ...meta }
      dispatch({ type: 'edit', edit: { type: 'replace', doc: { ...historyRef.current.doc, ...meta } } })
      setBaseline({ id: s.id, version: s.version, json: canonicalJson(saved) })
    },
    [baseline.id, baseline.json, load]
  )

  /** The open scenario went to the trash: the draft stays, as an unsaved scenario. */
  const onLibraryDelete = useCallback(
    (id: string) => {
      if (id !== baseline.id) return
      detached.current = baseline
      setBaseline({ id: null, version: null, json: canonicalJson(fresh()) })
    },
    [baseline]
  )

  const onEdit = useCallback((e: Edit) => dispatch({ type: 'edit', edit: e }), [])

  return {
    doc,
    dirty,
    /** The start-up recovery of this tab's own draft is done (until then the draft may still be replaced). */
    ready,
    status,
    setStatus,
    /** The saved scenario the draft belongs to (id null: never saved) and the version it started from. */
    current: { id: baseline.id, version: baseline.version },
    /** When the draft was last autosaved (null: nothing unsaved, or not yet). */
    draftSavedAt,
    /** Why autosave is failing right now (it retries), or null. */
    autosaveError,
    recovered,
    /** Unsaved drafts of other tabs or earlier sessions, newest first. */
    otherDrafts,
    openDraft,
    discardDraft,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    onEdit,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    save,
    saveAs,
    open,
    openUnsaved,
    newScenario,
    discardRecovered,
    onLibraryChange,
    onLibraryDelete
  }
}

export type Workspace = ReturnType<typeof useWorkspace>
