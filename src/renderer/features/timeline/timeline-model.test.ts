import { describe, expect, it } from 'vitest'
import { dateQuarter, markers, measureEvents, monthOfYear, segments, timelineRows, type DatedMeasure, type EventRow } from './timeline-model'

const quarters = ['2025 Q1', '2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1']
const m = (over: Partial<DatedMeasure>): DatedMeasure => ({ id: 'x', side: 'beijing', title: 'X', enabled: true, start: '2025-04-04', end: null, suspensions: [], ...over })

describe('timeline model', () => {
  it('snaps dates to the quarter that contains them', () => {
    expect(dateQuarter('2025-04-04')).toBe('2025 Q2')
    expect(dateQuarter('2025-03-31')).toBe('2025 Q1')
    expect(dateQuarter('2026-12-01')).toBe('2026 Q4')
  })

  it('lists start, end, suspension and resumption of enabled measures inside the horizon, in date order', () => {
    const events = measureEvents(
      [
        m({ id: 'a', end: '2025-10-01', suspensions: [{ from: '2025-07-01', until: '2027-01-01' }] }),
        m({ id: 'off', enabled: false, start: '2025-05-01' }),
        m({ id: 'w', side: 'washington', title: 'W', start: '2024-12-02' })
      ],
      quarters
    )
    // W started before the horizon: one edge event on the first quarter, not a start marker on the y-axis.
    expect(events.map((e) => `${e.measureId} ${e.text}`)).toEqual(['w W: in force since 2024-12-02', 'a X: starts 2025-04-04', 'a X: suspended 2025-07-01', 'a X: ends 2025-10-01'])
    expect(events[0]).toMatchObject({ quarter: '2025 Q1', edge: true })
    expect(events.slice(1).every((e) => e.edge === undefined)).toBe(true)
    const all = measureEvents([m({ id: 'off', enabled: false, start: '2025-05-01' })], quarters, true)
    expect(all.map((e) => e.measureId)).toEqual(['off'])
  })

  it('groups events into one marker per quarter and side', () => {
    const events = measureEvents([m({ id: 'a' }), m({ id: 'b', title: 'Y', start: '2025-05-01' }), m({ id: 'w', side: 'washington', start: '2025-06-01' })], quarters)
    const ms = markers(events)
    expect(ms).toHaveLength(2)
    expect(ms[0]).toEqual({ quarter: '2025 Q2', side: 'beijing', texts: ['X: starts 2025-04-04', 'Y: starts 2025-05-01'], ids: ['a', 'b'] })
  })

  it('gathers measures in force since before the horizon into an edge marker per side, apart from first-quarter lines', () => {
    const events = measureEvents(
      [
        m({ id: 'old', title: 'Old', start: '2023-08-01' }),
        m({ id: 'ended', title: 'Ended', start: '2023-01-01', end: '2024-06-30' }),
        m({ id: 'paused', title: 'Paused', start: '2024-12-03', suspensions: [{ from: '2024-11-09', until: '2025-11-27' }] }),
        m({ id: 'q1', title: 'Q1', start: '2025-02-04' }),
        m({ id: 'us', side: 'washington', title: 'US', start: '2024-12-02' }),
        m({ id: 'off', title: 'Off', enabled: false, start: '2020-01-01' })
      ],
      quarters
    )
    const ms = markers(events)
    expect(ms).toEqual([
      { quarter: '2025 Q1', side: 'beijing', texts: ['Old: in force since 2023-08-01', 'Paused: in force since 2024-12-03, suspended from 2024-11-09'], ids: ['old', 'paused'], edge: true },
      { quarter: '2025 Q1', side: 'washington', texts: ['US: in force since 2024-12-02'], ids: ['us'], edge: true },
      { quarter: '2025 Q1', side: 'beijing', texts: ['Q1: starts 2025-02-04'], ids: ['q1'] },
      { quarter: '2025 Q4', side: 'beijing', texts: ['Paused: resumes 2025-11-27'], ids: ['paused'] }
    ])
    // With every measure (the mounted overlay), the one switched off is there too.
    expect(measureEvents([m({ id: 'off', enabled: false, start: '2020-01-01' })], quarters, true).map((e) => e.text)).toEqual(['X: in force since 2020-01-01'])
  })

  it('turns activity into runs of equal level, skipping inactive quarters', () => {
    expect(segments([0, 0.5, 0.5, 1, 0, 1])).toEqual([
      { from: 1, to: 3, level: 0.5 },
      { from: 3, to: 4, level: 1 },
      { from: 5, to: 6, level: 1 }
    ])
    expect(segments([0, 0, 0])).toEqual([])
  })
})

describe('timeline rows', () => {
  const measures = [
    { id: 'w', side: 'washington' as const, title: 'W long', short: 'W' },
    { id: 'b', side: 'beijing' as const, title: 'B long', short: 'B' },
    { id: 'idle', side: 'beijing' as const, title: 'Idle', short: 'I' }
  ]
  const activity = [
    { id: 'w', strength: [0, 1, 1], triggered: [false, false, false] },
    { id: 'b', strength: [0, 0, 0.5], triggered: [false, false, true] },
    { id: 'idle', strength: [0, 0, 0], triggered: [false, false, false] }
  ]
  it('lists every measure Beijing first (idle ones with an empty track), then each trigger with only the activity it adds', () => {
    const rows = timelineRows(activity, measures, [{ id: 't-1', ifMeasure: 'w', thenMeasure: 'b', lagQuarters: 1, intensity: 0.5 }])
    expect(rows.map((r) => r.id)).toEqual(['b', 'idle', 'w', 'trigger-t-1'])
    expect(rows[1].activity.every((v) => v === 0)).toBe(true)
    expect(rows[3]).toMatchObject({ kind: 'trigger', side: 'beijing', activity: [0, 0, 0.5] })
    expect(rows[3].title).toMatch(/if W is active, B starts 1 quarter/)
  })

  it('adds outside events after measures and triggers, on neither side, with what, how much, when and where to change it', () => {
    const event: EventRow = { id: 'myanmar-kachin', label: 'Myanmar feed cut', what: 'Outside event (not a measure): Kachin', strength: [0, 0.5, 0.5], cut: 0.5, share: 0.57, fromYear: 2024.79, untilYear: 2026.5, keys: ['myanmar-cut', 'myanmar-cut-until'] }
    const rows = timelineRows([{ id: 'a', strength: [1, 1, 0], triggered: [false, false, false] }], [{ id: 'a', side: 'beijing', title: 'A', short: 'A' }], [], [event])
    expect(rows.map((r) => `${r.kind}:${r.id}:${r.side}`)).toEqual(['measure:a:beijing', 'event:event-myanmar-kachin:outside'])
    const row = rows[1]!
    expect(row.activity).toEqual([0, 0.5, 0.5])
    expect(row.label).toBe('Myanmar feed cut (outside)')
    expect(row.title).toBe('Outside event (not a measure): Kachin — 50 % of a flow that is 57 % of China\'s feed imports lost, Oct 2024 – Jun 2026; set under Assumptions (myanmar-cut, myanmar-cut-until), cut 0 switches it off')
    expect(timelineRows([], [], [], [{ ...event, cut: 0, strength: [0, 0, 0] }])[0]!.title).toMatch(/switched off \(cut 0\)/)
  })

  it('names the month a decimal year falls in; an end date names the last month inside', () => {
    expect(monthOfYear(2024.79)).toBe('Oct 2024')
    expect(monthOfYear(2026.5, true)).toBe('Jun 2026')
    expect(monthOfYear(2026.5)).toBe('Jul 2026')
    expect(monthOfYear(2028, true)).toBe('Dec 2027')
  })
})
