import type { Measure } from '../../../core'
import { MEASURE_COLORS } from '../charts/palette'
import type { MeasureLabel } from '../charts/chart-series'

/** Legend entries for stacking by measure: the catalogue's short name, colour by catalogue position, as in the exports. */
export function measureLabels(measures: readonly Measure[]): MeasureLabel[] {
  return measures.map((m, i) => ({ id: m.id, label: m.short, color: MEASURE_COLORS[i % MEASURE_COLORS.length] }))
}
