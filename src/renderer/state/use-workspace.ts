import { useCallback, useEffect, useMemo, useReducer, useState } from 'react'
import { defaultScenario, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import type { ScenarioSummary } from '../../shared/contract'
import type { Api } from '../../shared/api'
import { edit, redo, startHistory, undo, type Edit, type History } from './scenario-edit'

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

/**
 * The planner's working draft: edits with undo/redo, plus save / list / open through the API.
 * The draft lives here; the backend only sees it when saved.
 */
export function useWorkspace(api: Api) {
  const [history, dispatch] = useReducer(reducer, undefined, () => startHistory(defaultScenario(model, 'Untitled scenario')))
  const [savedId, setSavedId] = useState<string | null>(null)
  const [savedJson, setSavedJson] = useState<string | null>(null)
  const [items, setItems] = useState<ScenarioSummary[]>([])
  const [status, setStatus] = useState<Status>(null)
  const doc = history.doc
  const dirty = useMemo(() => JSON.stringify(doc) !== savedJson, [doc, savedJson])

  const refresh = useCallback(async () => {
    const r = await api.call('scenario.list', {})
    if (r.ok) setItems(r.value.items)
    else setStatus({ kind: 'error', text: r.error.message })
  }, [api])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const save = useCallback(async () => {
    const r = await api.call('scenario.save', { id: savedId ?? undefined, doc })
    if (!r.ok) return setStatus({ kind: 'error', text: r.error.message })
    setSavedId(r.value.id)
    setSavedJson(JSON.stringify(doc))
    setStatus({ kind: 'info', text: `Saved “${r.value.name}” (version ${r.value.version}).` })
    void refresh()
  }, [api, doc, savedId, refresh])

  const open = useCallback(
    async (id: string) => {
      const r = await api.call('scenario.get', { id })
      if (!r.ok) return setStatus({ kind: 'error', text: r.error.message })
      dispatch({ type: 'load', doc: r.value.doc })
      setSavedId(r.value.id)
      setSavedJson(JSON.stringify(r.value.doc))
      setStatus({ kind: 'info', text: `Opened “${r.value.name}”.` })
    },
    [api]
  )

  const newScenario = useCallback(() => {
    dispatch({ type: 'load', doc: defaultScenario(model, 'Untitled scenario') })
    setSavedId(null)
    setSavedJson(null)
  }, [])

  const onEdit = useCallback((e: Edit) => dispatch({ type: 'edit', edit: e }), [])

  return {
    doc,
    dirty,
    items,
    status,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    onEdit,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    save,
    open,
    newScenario
  }
}
