import type { MeasureSetting, ScenarioDoc, Suspension, Trigger } from '../../core'

/**
 * Pure edits of the scenario draft, with undo/redo. Each edit that changes the document pushes the
 * previous document on the undo stack; consecutive edits with the same `coalesce` key (a slider being
 * dragged, a number being typed) merge into one undo step. An edit that would make the document invalid
 * (an end before the start, a trigger on itself) leaves it unchanged: the control says why.
 */
export type Edit =
  | { type: 'measure'; id: string; patch: Partial<Pick<MeasureSetting, 'enabled' | 'start' | 'end'>>; coalesce?: string }
  | { type: 'param'; id: string; param: string; value: number; coalesce?: string }
  | { type: 'params-reset'; id: string }
  | { type: 'suspension-add'; id: string; suspension: Suspension }
  | { type: 'suspension-update'; id: string; index: number; patch: Partial<Suspension>; coalesce?: string }
  | { type: 'suspension-remove'; id: string; index: number }
  | { type: 'trigger-add'; trigger: Omit<Trigger, 'id'> & { id?: string } }
  | { type: 'trigger-update'; id: string; patch: Partial<Omit<Trigger, 'id'>>; coalesce?: string }
  | { type: 'trigger-remove'; id: string }
  | { type: 'override'; id: string; value: number; coalesce?: string }
  | { type: 'override-reset'; id: string }
  | { type: 'overrides-reset-all' }
  | { type: 'rename'; name: string }
  | { type: 'branch-view'; view: string }
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

/** Why a measure's dates are not acceptable, or null. Mirrors the scenario schema's refinements. */
export function datesProblem(m: Pick<MeasureSetting, 'start' | 'end' | 'suspensions'>): string | null {
  if (m.end !== null && m.end <= m.start) return `The end date must be after the start (${m.start}).`
  for (const s of m.suspensions) {
    if (s.until !== null && s.until <= s.from) return `A suspension must end after it begins (${s.from}).`
  }
  return null
}

/** Why a trigger is not acceptable, or null. */
export function triggerProblem(t: Omit<Trigger, 'id'>): string | null {
  if (t.ifMeasure === t.thenMeasure) return 'A measure cannot trigger itself: pick two different measures.'
  if (!Number.isInteger(t.lagQuarters) || t.lagQuarters < 0 || t.lagQuarters > 20) return 'The lag must be a whole number of quarters from 0 to 20.'
  if (!(t.intensity >= 0 && t.intensity <= 1)) return 'The intensity must be between 0 % and 100 %.'
  return null
}

/** The first `t-N` id not used by an existing trigger (stable, readable, no clock or randomness). */
export function nextTriggerId(triggers: readonly Trigger[]): string {
  const used = new Set(triggers.map((t) => t.id))
  let n = 1
  while (used.has(`t-${n}`)) n++
  return `t-${n}`
}

const mapMeasure = (doc: ScenarioDoc, id: string, f: (m: MeasureSetting) => MeasureSetting | null): ScenarioDoc => {
  let changed = false
  const measures = doc.measures.map((m) => {
    if (m.id !== id) return m
    const next = f(m)
    if (next === null || datesProblem(next) !== null) return m
    changed = true
    return next
  })
  return changed ? { ...doc, measures } : doc
}

export function applyEdit(doc: ScenarioDoc, edit: Edit): ScenarioDoc {
  switch (edit.type) {
    case 'measure':
      return mapMeasure(doc, edit.id, (m) => ({ ...m, ...edit.patch }))
    case 'param':
      if (!Number.isFinite(edit.value)) return doc
      return mapMeasure(doc, edit.id, (m) => ({ ...m, params: { ...m.params, [edit.param]: edit.value } }))
    case 'params-reset':
      return mapMeasure(doc, edit.id, (m) => ({ ...m, params: {} }))
    case 'suspension-add':
      return mapMeasure(doc, edit.id, (m) => (m.suspensions.length >= 20 ? null : { ...m, suspensions: [...m.suspensions, edit.suspension] }))
    case 'suspension-update':
      return mapMeasure(doc, edit.id, (m) =>
        edit.index < 0 || edit.index >= m.suspensions.length
          ? null
          : { ...m, suspensions: m.suspensions.map((s, i) => (i === edit.index ? { ...s, ...edit.patch } : s)) }
      )
    case 'suspension-remove':
      return mapMeasure(doc, edit.id, (m) => ({ ...m, suspensions: m.suspensions.filter((_, i) => i !== edit.index) }))
    case 'trigger-add': {
      if (triggerProblem(edit.trigger) !== null || doc.triggers.length >= 50) return doc
      const id = edit.trigger.id ?? nextTriggerId(doc.triggers)
      if (doc.triggers.some((t) => t.id === id)) return doc
      const { ifMeasure, thenMeasure, lagQuarters, intensity } = edit.trigger
      return { ...doc, triggers: [...doc.triggers, { id, ifMeasure, thenMeasure, lagQuarters, intensity }] }
    }
    case 'trigger-update': {
      const current = doc.triggers.find((t) => t.id === edit.id)
      if (!current) return doc
      const next = { ...current, ...edit.patch }
      if (triggerProblem(next) !== null) return doc
      return { ...doc, triggers: doc.triggers.map((t) => (t.id === edit.id ? next : t)) }
    }
    case 'trigger-remove':
      return doc.triggers.some((t) => t.id === edit.id) ? { ...doc, triggers: doc.triggers.filter((t) => t.id !== edit.id) } : doc
    case 'override':
      if (!Number.isFinite(edit.value)) return doc
      return { ...doc, overrides: { ...doc.overrides, [edit.id]: edit.value } }
    case 'override-reset': {
      if (!(edit.id in doc.overrides)) return doc
      const overrides = { ...doc.overrides }
      delete overrides[edit.id]
      return { ...doc, overrides }
    }
    case 'overrides-reset-all':
      return Object.keys(doc.overrides).length === 0 ? doc : { ...doc, overrides: {} }
    case 'rename':
      return { ...doc, name: edit.name }
    case 'branch-view':
      // Only the mixture or one of the scenario's own branches (the schema's rule).
      if (edit.view !== 'mixture' && !doc.branches.some((b) => b.id === edit.view)) return doc
      return edit.view === doc.branchView ? doc : { ...doc, branchView: edit.view }
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
