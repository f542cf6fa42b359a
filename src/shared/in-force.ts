/**
 * Measures already in force when a chart's horizon begins. Their start date lies before the first quarter
 * drawn, so a date marker has nowhere to go but the y-axis, where it reads as an event of the first quarter.
 * The screen (an edge annotation at the plot's left edge, labelled on hover) and the exports (a line above
 * the plot, a note on the slide) say "in force since <date>" instead. Pure; shared by renderer and exports.
 */

export type DatedSetting = {
  id: string
  side: 'beijing' | 'washington'
  /** Name as the chart legends give it (the catalogue's short name). */
  name: string
  enabled: boolean
  start: string
  end: string | null
  suspensions: readonly { from: string; until: string | null }[]
}

export type InForce = { id: string; side: DatedSetting['side']; name: string; since: string; text: string }

/** First day of a quarter written `2025-Q1` or `2025 Q1`. */
export const quarterStartDate = (quarter: string): string => {
  const m = /^(\d{4})[- ]Q([1-4])$/.exec(quarter)
  if (!m) throw new Error(`not a quarter: "${quarter}"`)
  return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`
}

/**
 * The settings (enabled ones, or all with `all`) that start before `horizonStart` (a quarter) and have not
 * ended by then, in start-date order, with their words: "Ga/Ge/Sb licensing: in force since 2023-08-01", or
 * "…, suspended from 2025-11-09" when a suspension covers the horizon's first day.
 */
export function inForceBefore(settings: readonly DatedSetting[], horizonStart: string, all = false): InForce[] {
  const first = quarterStartDate(horizonStart)
  const out: InForce[] = []
  for (const s of settings) {
    if ((!s.enabled && !all) || !(s.start < first) || (s.end !== null && s.end <= first)) continue
    const pause = s.suspensions.find((p) => p.from <= first && (p.until === null || p.until > first))
    out.push({ id: s.id, side: s.side, name: s.name, since: s.start, text: `${s.name}: in force since ${s.start}${pause ? `, suspended from ${pause.from}` : ''}` })
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : 1))
}
