import { describe, expect, it } from 'vitest'
import { inForceBefore, quarterStartDate, type DatedSetting } from './in-force'

const s = (over: Partial<DatedSetting>): DatedSetting => ({ id: 'x', side: 'beijing', name: 'X', enabled: true, start: '2024-12-03', end: null, suspensions: [], ...over })

describe('measures in force before the horizon', () => {
  it('reads the first day of a quarter in either spelling, and refuses anything else', () => {
    expect(quarterStartDate('2025-Q1')).toBe('2025-01-01')
    expect(quarterStartDate('2026 Q4')).toBe('2026-10-01')
    expect(() => quarterStartDate('2025-13')).toThrow(/not a quarter/)
  })

  it('lists enabled measures that started before the first quarter and still run, oldest first', () => {
    const list = inForceBefore(
      [
        s({ id: 'b', start: '2024-12-03' }),
        s({ id: 'a', side: 'washington', name: 'A', start: '2023-08-01' }),
        s({ id: 'in', start: '2025-01-01' }),
        s({ id: 'ended', start: '2023-01-01', end: '2025-01-01' }),
        s({ id: 'runs', name: 'Runs', start: '2023-01-01', end: '2025-01-02' }),
        s({ id: 'off', enabled: false, start: '2020-01-01' })
      ],
      '2025-Q1'
    )
    expect(list.map((f) => f.id)).toEqual(['runs', 'a', 'b'])
    expect(list[1]).toEqual({ id: 'a', side: 'washington', name: 'A', since: '2023-08-01', text: 'A: in force since 2023-08-01' })
    expect(inForceBefore([s({ id: 'off', enabled: false, start: '2020-01-01' })], '2025 Q1', true).map((f) => f.id)).toEqual(['off'])
  })

  it('says when a suspension covers the horizon’s first day', () => {
    const [f] = inForceBefore([s({ suspensions: [{ from: '2024-11-09', until: '2025-11-27' }, { from: '2026-01-01', until: null }] })], '2025-Q1')
    expect(f.text).toBe('X: in force since 2024-12-03, suspended from 2024-11-09')
    const [g] = inForceBefore([s({ suspensions: [{ from: '2024-11-09', until: '2024-12-31' }] })], '2025-Q1')
    expect(g.text).toBe('X: in force since 2024-12-03')
  })
})
