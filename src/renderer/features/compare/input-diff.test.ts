import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../../../core'
import { model } from '../../../shared/dataset'
import { diffInputs } from './input-diff'

const base = () => defaultScenario(model, 'A')
const m0 = model.measures[0]
const p0 = m0.params[0]
const a0 = model.assumptions[0]

describe('diffInputs', () => {
  it('lists nothing for scenarios whose inputs are the same (names and notes are not inputs)', () => {
    expect(diffInputs([base(), { ...base(), name: 'B', notes: 'other', tags: ['x'] }], model)).toEqual([])
  })

  it('lists exactly what differs: measure on/off, parameters with units, dates, suspensions, triggers, overrides', () => {
    const a = base()
    const b = structuredClone(a)
    b.measures[0] = { ...b.measures[0], enabled: !a.measures[0].enabled, params: { ...b.measures[0].params, [p0.id]: p0.max }, end: '2029-12-31', suspensions: [] }
    b.triggers = [{ id: 't-1', ifMeasure: model.measures[1].id, thenMeasure: m0.id, lagQuarters: 2, intensity: 0.5 }]
    b.overrides = { [a0.id]: a0.value + 1 }
    b.seed = 7
    const c = structuredClone(a)
    const rows = diffInputs([a, b, c], model)
    const find = (item: string) => rows.find((r) => r.item === item)
    expect(find(m0.title)).toEqual({ group: 'Measures', item: m0.title, values: [a.measures[0].enabled ? 'On' : 'Off', a.measures[0].enabled ? 'Off' : 'On', a.measures[0].enabled ? 'On' : 'Off'] })
    expect(find(`${m0.title} — ${p0.label}`)?.values[1]).toBe(`${p0.max}${p0.unit ? ` ${p0.unit}` : ''}`)
    expect(find(`${m0.title} — end`)?.values).toEqual([a.measures[0].end ?? 'open-ended', '2029-12-31', a.measures[0].end ?? 'open-ended'])
    expect(find('Uncertainty seed')?.values).toEqual(['1', '7', '1'])
    expect(rows.find((r) => r.group === 'Triggers')?.values).toEqual(['none', 'after 2 quarters at 50 %', 'none'])
    expect(rows.find((r) => r.group === 'Assumptions')).toMatchObject({ item: a0.label, values: [expect.stringMatching(/\(baseline\)$/), expect.any(String), expect.stringMatching(/\(baseline\)$/)] })
    // Nothing else: every other row must really differ.
    for (const r of rows) expect(new Set(r.values).size).toBeGreaterThan(1)
    if (a.measures[0].suspensions.length === 0) expect(find(`${m0.title} — suspensions`)).toBeUndefined()
  })

  it('lists the branches each scenario weighs and which one it shows', () => {
    const branched = { ...base(), branches: [
      { id: 'extended', label: 'Extended', probability: 0.6, note: '', measures: [] },
      { id: 'lapsed', label: 'Lapsed', probability: 0.4, note: '', measures: [] }
    ], branchView: 'lapsed' }
    const plain = { ...base(), branches: [], branchView: 'mixture' }
    const rows = diffInputs([plain, branched], model)
    expect(rows.find((r) => r.item === 'Branches')?.values).toEqual(['none', 'Extended 60 %; Lapsed 40 %'])
    expect(rows.find((r) => r.item === 'Shown')?.values).toEqual(['as set', 'Lapsed'])
  })
})
