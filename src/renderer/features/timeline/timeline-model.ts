import { inForceBefore } from '../../../shared/in-force'

/**
 * Pure mapping of measure dates and per-quarter activity to what the timeline strip and the chart
 * markers draw. Dates snap to the quarter that contains them (the charts' x axis is by quarter).
 */
export type Side = 'beijing' | 'washington'
export type DatedMeasure = {
  id: string
  side: Side
  title: string
  enabled: boolean
  start: string
  end: string | null
  suspensions: readonly { from: string; until: string | null }[]
}
/** `edge`: the measure was already in force when the horizon began (dated before it): drawn at the plot's edge, not as a line. */
export type MeasureEvent = { date: string; quarter: string; side: Side; measureId: string; text: string; edge?: true }
/**
 * One marker on a chart: every event of one side within one quarter, and the measures they belong to. An
 * `edge` marker gathers the measures in force since before the first quarter (an annotation at the left edge).
 */
export type Marker = { quarter: string; side: Side; texts: string[]; ids: string[]; edge?: true }

/** '2025-04-04' → '2025 Q2' (same labels as the chart axis). */
export function dateQuarter(date: string): string {
  const month = Number(date.slice(5, 7))
  return `${date.slice(0, 4)} Q${Math.ceil(month / 3)}`
}

/**
 * Dated events of the enabled measures (or of all, with `all`) that fall on the plotted quarters, in date
 * order; a measure that started before the first quarter and still runs gives one `edge` event, "in force
 * since <date>", on the first quarter (its start has no place on the axis).
 */
export function measureEvents(measures: readonly DatedMeasure[], quarterLabels: readonly string[], all = false): MeasureEvent[] {
  const shown = new Set(quarterLabels)
  const out: MeasureEvent[] = []
  const add = (m: DatedMeasure, date: string, what: string) => {
    const quarter = dateQuarter(date)
    if (shown.has(quarter)) out.push({ date, quarter, side: m.side, measureId: m.id, text: `${m.title}: ${what} ${date}` })
  }
  for (const m of measures) {
    if (!m.enabled && !all) continue
    add(m, m.start, 'starts')
    if (m.end) add(m, m.end, 'ends')
    for (const s of m.suspensions) {
      add(m, s.from, 'suspended')
      if (s.until) add(m, s.until, 'resumes')
    }
  }
  const first = quarterLabels[0]
  if (first !== undefined) {
    for (const f of inForceBefore(measures.map((m) => ({ ...m, name: m.title })), first, all)) out.push({ date: f.since, quarter: first, side: f.side, measureId: f.id, text: f.text, edge: true })
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.measureId < b.measureId ? -1 : 1))
}

/** Groups events into one marker per quarter and side, so a chart draws few lines however many events there are. */
export function markers(events: readonly MeasureEvent[]): Marker[] {
  const byKey = new Map<string, Marker>()
  for (const e of events) {
    const key = `${e.quarter}|${e.side}${e.edge ? '|edge' : ''}`
    const m: Marker = byKey.get(key) ?? { quarter: e.quarter, side: e.side, texts: [], ids: [], ...(e.edge ? { edge: true as const } : {}) }
    m.texts.push(e.text)
    if (!m.ids.includes(e.measureId)) m.ids.push(e.measureId)
    byKey.set(key, m)
  }
  return [...byKey.values()]
}

/** A run of consecutive quarters with the same activity level (0–1), as the strip draws it. */
export type Segment = { from: number; to: number; level: number }

/** Activity per quarter → runs of equal level (rounded to 5 %), skipping inactive quarters. */
export function segments(activity: readonly number[]): Segment[] {
  const out: Segment[] = []
  activity.forEach((raw, t) => {
    const level = Math.round(Math.min(1, Math.max(0, raw)) * 20) / 20
    const last = out[out.length - 1]
    if (level === 0) return
    if (last && last.to === t && last.level === level) last.to = t + 1
    else out.push({ from: t, to: t + 1, level })
  })
  return out
}

export type ActivityRow = { id: string; strength: readonly number[]; triggered: readonly boolean[] }
/** `outside`: neither side's measure (an outside event, e.g. the Kachin cut of Myanmar feed). */
export type TimelineRowModel = { id: string; label: string; title: string; side: Side | 'outside'; activity: number[]; kind: 'measure' | 'trigger' | 'event' }

/** An outside event's timeline input (core `OutsideEventActivityRow`). */
export type EventRow = { id: string; label: string; what: string; strength: readonly number[]; cut: number; share: number; fromYear: number; untilYear: number; keys: readonly string[] }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** A decimal year as the month it falls in ('2024.79' → 'Oct 2024'); an end date names the last month inside. */
export function monthOfYear(year: number, end = false): string {
  const y = end ? year - 1e-9 : year
  const whole = Math.floor(y)
  return `${MONTHS[Math.min(11, Math.floor((y - whole) * 12))]} ${whole}`
}

/** What an outside event's row says: what happens, how much, when, and where a planner changes it. */
export function eventTitle(e: EventRow): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`
  if (e.cut <= 0) return `${e.what} — switched off (cut 0); set it under Assumptions (${e.keys.join(', ')})`
  return `${e.what} — ${pct(e.cut)} of a flow that is ${pct(e.share)} of China's feed imports lost, ${monthOfYear(e.fromYear)} – ${monthOfYear(e.untilYear, true)}; set under Assumptions (${e.keys.join(', ')}), cut 0 switches it off`
}

/**
 * Rows of the timeline: every catalogue measure (Beijing first; one that never acts in the horizon has an
 * empty track, so switching a measure on or off never moves the other rows), then one row per trigger
 * showing the activity it adds to its response measure, then the outside events (not measures, but they
 * move China's results, so a planner sees them dated beside the measures).
 */
export function timelineRows(
  activity: readonly ActivityRow[],
  measures: readonly { id: string; side: Side; title: string; short: string }[],
  triggers: readonly { id: string; ifMeasure: string; thenMeasure: string; lagQuarters: number; intensity: number }[],
  events: readonly EventRow[] = []
): TimelineRowModel[] {
  const act = new Map(activity.map((a) => [a.id, a]))
  const byId = new Map(measures.map((m) => [m.id, m]))
  const rows: TimelineRowModel[] = []
  for (const side of ['beijing', 'washington'] as const) {
    for (const m of measures) {
      const a = act.get(m.id)
      if (m.side !== side) continue
      rows.push({ id: m.id, label: m.short, title: m.title, side, activity: a ? [...a.strength] : [], kind: 'measure' })
    }
  }
  for (const t of triggers) {
    const then = byId.get(t.thenMeasure)
    const a = act.get(t.thenMeasure)
    if (!then || !a) continue
    const ifShort = byId.get(t.ifMeasure)?.short ?? t.ifMeasure
    rows.push({
      id: `trigger-${t.id}`,
      label: `↳ ${then.short}`,
      title: `Trigger: if ${ifShort} is active, ${then.short} starts ${t.lagQuarters} quarter(s) later at ${Math.round(t.intensity * 100)} %`,
      side: then.side,
      activity: a.strength.map((v, h) => (a.triggered[h] ? v : 0)),
      kind: 'trigger'
    })
  }
  for (const e of events) rows.push({ id: `event-${e.id}`, label: `${e.label} (outside)`, title: eventTitle(e), side: 'outside', activity: [...e.strength], kind: 'event' })
  return rows
}
