import { useMemo } from 'react'
import { SECTORS, type Economy, type EvalResult, type MeasureActivity, type MeasureSetting, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { costRows, quarterLabel } from '../features/charts/chart-series'
import { measureLegend } from '../../shared/measure-stack'
import { markers, measureEvents, timelineRows } from '../features/timeline/timeline-model'
import { useStable } from './use-stable'

export const beijingMeasures = model.measures.filter((m) => m.side === 'beijing')
export const washingtonMeasures = model.measures.filter((m) => m.side === 'washington')
/** Legend entries of the stack by measure: the shared assignment, so the screen and the exports agree. */
export const MEASURE_LABELS = measureLegend(model.measures)
const SHORT = model.measures.map((m) => ({ id: m.id, side: m.side, title: m.title, short: m.short }))

/**
 * Values derived from the scenario for the panels, timeline and markers. Each keeps its identity while
 * its content is unchanged (useStable), so components fed by them skip re-rendering.
 */
export function useDerived(
  doc: ScenarioDoc,
  result: EvalResult | null,
  baseline: EvalResult | null,
  timeline: { activity: MeasureActivity; triggers: ScenarioDoc['triggers'] } | null,
  economy: Economy,
  needCost: boolean
) {
  const activity = timeline?.activity ?? null
  const settings = useMemo(() => new Map<string, MeasureSetting>(doc.measures.map((m) => [m.id, m])), [doc.measures])
  const quarters = useMemo(() => (result ? result.quarters.map(quarterLabel) : []), [result])
  const dated = model.measures.flatMap((m) => {
    const s = settings.get(m.id)
    return s ? [{ id: m.id, side: m.side, title: m.short, enabled: s.enabled, start: s.start, end: s.end, suspensions: s.suspensions }] : []
  })
  const marks = useStable(markers(measureEvents(dated, quarters)))
  // Every measure's markers stay mounted (see MarkerOverlay); which are shown follows the enabled set.
  const allMarks = useStable(markers(measureEvents(dated, quarters, true)))
  const enabledIds = doc.measures.filter((m) => m.enabled).map((m) => m.id).join(' ')
  const rows = useStable(activity ? timelineRows(activity.measures, SHORT, timeline?.triggers ?? [], activity.events) : [])
  const timelineQuarters = useStable(activity ? activity.quarters.map(quarterLabel) : [])
  const cost = useStable(result && needCost ? costRows(result, economy, SECTORS, baseline) : [])
  return { settings, markers: marks, allMarkers: allMarks, enabledIds, timelineRows: rows, timelineQuarters, costRows: cost }
}
