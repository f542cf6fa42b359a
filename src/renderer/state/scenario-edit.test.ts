import { describe, expect, it } from 'vitest'
import type { ScenarioDoc } from '../../core'
import { applyEdit, datesProblem, edit, nextTriggerId, redo, startHistory, undo, type Edit } from './scenario-edit'

const doc: ScenarioDoc = {
  format: 'chokepoint.scenario',
  schemaVersion: 2,
  name: 'Test',
  notes: '',
  tags: [],
  datasetVersion: 'test',
  horizon: { start: '2025-Q1', quarters: 24 },
  seed: 1,
  measures: [
    { id: 'a', enabled: true, params: {}, start: '2025-04-04', end: null, suspensions: [] },
    { id: 'b', enabled: false, params: { rate: 50 }, start: '2025-11-01', end: null, suspensions: [] }
  ],
  overrides: {},
  triggers: [],
  branches: [],
  branchView: 'mixture'
}

const run = (edits: Edit[]) => edits.reduce(edit, startHistory(doc))

describe('scenario edits', () => {
  it('toggles a measure and sets a parameter without touching the others', () => {
    const d = applyEdit(applyEdit(doc, { type: 'measure', id: 'b', patch: { enabled: true } }), { type: 'param', id: 'b', param: 'rate', value: 100 })
    expect(d.measures[1]).toMatchObject({ enabled: true, params: { rate: 100 } })
    expect(d.measures[0]).toBe(doc.measures[0])
    expect(doc.measures[1].enabled).toBe(false)
  })

  it('refuses an end date on or before the start, and explains why', () => {
    expect(applyEdit(doc, { type: 'measure', id: 'a', patch: { end: '2025-01-01' } })).toBe(doc)
    expect(datesProblem({ start: '2025-04-04', end: '2025-04-04', suspensions: [] })).toMatch(/after the start/)
    const ok = applyEdit(doc, { type: 'measure', id: 'a', patch: { end: '2026-01-01' } })
    expect(ok.measures[0].end).toBe('2026-01-01')
    expect(applyEdit(ok, { type: 'measure', id: 'a', patch: { end: null } }).measures[0].end).toBeNull()
  })

  it('adds, edits and removes suspensions as a list', () => {
    let d = applyEdit(doc, { type: 'suspension-add', id: 'a', suspension: { from: '2025-11-07', until: '2026-11-10', note: '' } })
    d = applyEdit(d, { type: 'suspension-add', id: 'a', suspension: { from: '2027-01-01', until: null, note: 'open' } })
    expect(d.measures[0].suspensions).toHaveLength(2)
    d = applyEdit(d, { type: 'suspension-update', id: 'a', index: 1, patch: { until: '2027-06-01' } })
    expect(d.measures[0].suspensions[1].until).toBe('2027-06-01')
    expect(applyEdit(d, { type: 'suspension-update', id: 'a', index: 1, patch: { until: '2026-01-01' } })).toBe(d)
    d = applyEdit(d, { type: 'suspension-remove', id: 'a', index: 0 })
    expect(d.measures[0].suspensions.map((s) => s.from)).toEqual(['2027-01-01'])
  })

  it('adds triggers with fresh ids, refuses self-triggers, removes them', () => {
    let d = applyEdit(doc, { type: 'trigger-add', trigger: { ifMeasure: 'a', thenMeasure: 'b', lagQuarters: 2, intensity: 0.5 } })
    d = applyEdit(d, { type: 'trigger-add', trigger: { ifMeasure: 'b', thenMeasure: 'a', lagQuarters: 0, intensity: 1 } })
    expect(d.triggers.map((t) => t.id)).toEqual(['t-1', 't-2'])
    expect(applyEdit(d, { type: 'trigger-add', trigger: { ifMeasure: 'a', thenMeasure: 'a', lagQuarters: 1, intensity: 1 } })).toBe(d)
    expect(applyEdit(d, { type: 'trigger-update', id: 't-1', patch: { lagQuarters: 21 } })).toBe(d)
    expect(applyEdit(d, { type: 'trigger-update', id: 't-1', patch: { lagQuarters: 4 } }).triggers[0].lagQuarters).toBe(4)
    d = applyEdit(d, { type: 'trigger-remove', id: 't-1' })
    expect(d.triggers.map((t) => t.id)).toEqual(['t-2'])
    expect(nextTriggerId(d.triggers)).toBe('t-1')
  })

  it('sets, resets one and resets all assumption overrides', () => {
    let d = applyEdit(doc, { type: 'override', id: 'x', value: 0.5 })
    d = applyEdit(d, { type: 'override', id: 'y', value: 3 })
    expect(d.overrides).toEqual({ x: 0.5, y: 3 })
    expect(applyEdit(d, { type: 'override-reset', id: 'x' }).overrides).toEqual({ y: 3 })
    expect(applyEdit(d, { type: 'overrides-reset-all' }).overrides).toEqual({})
    expect(applyEdit(doc, { type: 'override', id: 'x', value: Number.NaN })).toBe(doc)
  })
})

describe('undo / redo', () => {
  it('undoes and redoes a sequence in order, and a new edit clears the redo list', () => {
    const h = run([
      { type: 'measure', id: 'b', patch: { enabled: true } },
      { type: 'override', id: 'x', value: 1 },
      { type: 'trigger-add', trigger: { ifMeasure: 'a', thenMeasure: 'b', lagQuarters: 1, intensity: 1 } }
    ])
    expect(h.past).toHaveLength(3)
    const u2 = undo(undo(h))
    expect(u2.doc.triggers).toEqual([])
    expect(u2.doc.overrides).toEqual({})
    expect(u2.doc.measures[1].enabled).toBe(true)
    expect(redo(u2).doc.overrides).toEqual({ x: 1 })
    expect(redo(redo(u2)).doc).toEqual(h.doc)
    const branched = edit(u2, { type: 'rename', name: 'Other' })
    expect(branched.future).toEqual([])
    expect(undo(startHistory(doc))).toEqual(startHistory(doc))
  })

  it('merges a drag (same coalesce key) into one step, but not different keys', () => {
    const h = run([
      { type: 'param', id: 'b', param: 'rate', value: 60, coalesce: 'drag-1' },
      { type: 'param', id: 'b', param: 'rate', value: 70, coalesce: 'drag-1' },
      { type: 'param', id: 'b', param: 'rate', value: 80, coalesce: 'drag-1' },
      { type: 'param', id: 'b', param: 'rate', value: 90, coalesce: 'drag-2' }
    ])
    expect(h.past).toHaveLength(2)
    expect(undo(h).doc.measures[1].params.rate).toBe(80)
    expect(undo(undo(h)).doc.measures[1].params.rate).toBe(50)
  })

  it('records nothing for an edit that changes nothing', () => {
    const h = run([{ type: 'measure', id: 'a', patch: { enabled: true } }, { type: 'override-reset', id: 'nope' }])
    expect(h.past).toHaveLength(0)
  })
})

describe('branch view', () => {
  const branched: ScenarioDoc = {
    ...doc,
    branches: [
      { id: 'extended', label: 'Extended', probability: 0.7, note: '', measures: [] },
      { id: 'lapsed', label: 'Lapsed', probability: 0.3, note: '', measures: [] }
    ],
    branchView: 'mixture'
  }
  it('picks one of the scenario’s branches or the mixture, and nothing else', () => {
    const picked = applyEdit(branched, { type: 'branch-view', view: 'lapsed' })
    expect(picked.branchView).toBe('lapsed')
    expect(applyEdit(picked, { type: 'branch-view', view: 'mixture' }).branchView).toBe('mixture')
    expect(applyEdit(branched, { type: 'branch-view', view: 'nope' })).toBe(branched)
    expect(applyEdit(branched, { type: 'branch-view', view: 'mixture' })).toBe(branched)
  })
})
