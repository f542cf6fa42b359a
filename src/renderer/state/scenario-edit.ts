import type { MeasureSetting, ScenarioDoc } from '../../core'

/**
 * Pure edits of the scenario draft, with undo/redo. Each edit that changes the document pushes the
 * previous document on the undo stack; consecutive edits with the same `coalesce` key (a slider being
 * dragged) merge into one undo step.
 */
export type Edit =
  | { type: 'measure'; id: string; patch: Partial<Omit<MeasureSetting, 'id'>>; coalesce?: string }
  | { type: 'param'; id: string; param: string; value: number; coalesce?: string }
  | { type: 'rename'; name: string }
  | { type: 'replace'; doc: ScenarioDoc }

export type History = {
  doc: ScenarioDoc
  past: ScenarioDoc[]
  future: ScenarioDoc[]
  /** Key of the last edit, so a drag coalesces into one step. */
  lastKey: string | null
}

const HISTORY_LIMIT = 200

export const startHistory = (doc: ScenarioDoc): History => ({ doc, past: [], future: [], lastKey: null })

export function applyEdit(doc: ScenarioDoc, edit: Edit): ScenarioDoc {
  switch (edit.type) {
    case 'measure':
      return { ...doc, measures: doc.measures.map((m) => (m.id === edit.id ? { ...m, ...edit.patch } : m)) }
    case 'param':
      return {
        ...doc,
        measures: doc.measures.map((m) => (m.id === edit.id ? { ...m, params: { ...m.params, [edit.param]: edit.value } } : m))
      }
    case 'rename':
      return { ...doc, name: edit.name }
    case 'replace':
      return edit.doc
  }
}

export function edit(h: History, e: Edit): History {
  const next = applyEdit(h.doc, e)
  if (next === h.doc || JSON.stringify(next) === JSON.stringify(h.doc)) return h
  const key = 'coalesce' in e && e.coalesce ? e.coalesce : null
  if (key !== null && key === h.lastKey) return { ...h, doc: next, future: [] }
  return { doc: next, past: [...h.past, h.doc].slice(-HISTORY_LIMIT), future: [], lastKey: key }
}

export function undo(h: History): History {
  if (h.past.length === 0) return h
  return { doc: h.past[h.past.length - 1], past: h.past.slice(0, -1), future: [h.doc, ...h.future], lastKey: null }
}

export function redo(h: History): History {
  if (h.future.length === 0) return h
  return { doc: h.future[0], past: [...h.past, h.doc], future: h.future.slice(1), lastKey: null }
}
