import type { Measure } from '../../../core'
import { MEASURE_COLORS } from '../charts/palette'
import type { MeasureLabel } from '../charts/chart-series'

/** Short label of a measure for legends and the timeline: the instrument number where there is one. */
export function shortLabel(m: Pick<Measure, 'title'>): string {
  const paren = /\(([^)]*)\)\s*$/.exec(m.title)
  const head = m.title.replace(/\s*\([^)]*\)\s*$/, '')
  const short = head.length > 34 ? `${head.slice(0, 32).trimEnd()}…` : head
  return paren ? `${short} (${paren[1]})` : short
}

/**
 * Legend names for the shipped catalogue, short enough for a projector legend. The catalogue has no
 * short name field yet; a measure not listed here falls back to its shortened title.
 */
const LEGEND_NAMES: Record<string, string> = {
  'cn-mofcom-18': 'REE licensing (No. 18)',
  'cn-mofcom-57': 'Five more REEs (No. 57)',
  'cn-mofcom-56-62': 'Tech bans (Nos. 56, 62)',
  'cn-mofcom-61': '0.1 % rule (No. 61)',
  'cn-14nm-approval': 'CN approval of 14-nm chips',
  'cn-gagesb-ban': 'Ga/Ge/Sb ban',
  'us-tariff-additional': 'Additional tariff',
  'us-critical-software': 'Software licences',
  'us-bis-dec2024': 'BIS Dec 2024 chips',
  'us-fdpr-expansion': 'FDPR expansion',
  'us-affiliates-50': '50 % Affiliates rule',
  'us-allied-capacity': 'Allied capacity',
  'us-14nm-licences': 'US 14-nm licences',
  'us-stockpiles': 'Stockpiles',
  'us-dfars-2027': 'DFARS 2027'
}

export const legendName = (m: Pick<Measure, 'id' | 'title'>) => LEGEND_NAMES[m.id] ?? shortLabel(m)

/** Legend entries for stacking by measure: colour by catalogue position, as in the exports. */
export function measureLabels(measures: readonly Measure[]): MeasureLabel[] {
  return measures.map((m, i) => ({ id: m.id, label: legendName(m), color: MEASURE_COLORS[i % MEASURE_COLORS.length] }))
}
