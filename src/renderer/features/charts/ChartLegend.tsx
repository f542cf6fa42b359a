import { memo, type CSSProperties, type ReactNode } from 'react'
import { BAND_EXPLAINER } from '../../../shared/bands'
import type { SeriesDef } from './chart-series'
import { legendGroup } from './legend-groups'

type Props = { series: readonly SeriesDef[]; showBaseline: boolean; baselineZero: boolean; showModified: boolean; full: boolean; band: boolean; bandText?: string | null; extra?: ReactNode }

/** Labels this short ("Y/Sc", "Gallium") pair up two to a row in the workspace's legend column. */
const SHORT = 8

/** Series in legend order: channels gathered by group (first-seen group order), each group's title on its first series. */
function withGroups(series: readonly SeriesDef[]): { s: SeriesDef; group: string | null }[] {
  const groups = new Map<string | null, SeriesDef[]>()
  for (const s of series) {
    const g = legendGroup(s.key)
    groups.set(g, [...(groups.get(g) ?? []), s])
  }
  return [...groups].flatMap(([title, list]) => list.map((s, i) => ({ s, group: i === 0 ? title : null })))
}

/**
 * One legend for all charts (colours are the same in every chart), in HTML: readable at any size and
 * cheaper than three recharts legends. Channels come under their group (magnets, rare-earth feed, other
 * materials, chips & technology, tariffs). Every series of the view stays listed, dimmed when it has no
 * exposure, so a toggle never reflows the legend or the charts beside it.
 */
export const ChartLegend = memo(function ChartLegend({ series, showBaseline, baselineZero, showModified, full, band, bandText = null, extra = null }: Props) {
  return (
    <ul className="legend" aria-label="Legend">
      {withGroups(series).map(({ s, group }) => (
        // A group's title rides in its first item, so a wrapping legend never leaves a title at a line's end.
        <li key={s.key} className={[s.active === false ? 'inactive' : '', !group && s.label.length <= SHORT ? 'short' : '', group ? 'starts-group' : ''].join(' ').trim() || undefined} title={s.active === false ? `${s.label}: no exposure in any chart` : undefined}>
          {group && <span className="legend-group">{group}</span>}
          <span className="swatch" style={{ background: s.color, '--swatch': s.color } as CSSProperties} aria-hidden="true" />
          {s.label}
        </li>
      ))}
      {showBaseline && baselineZero && <li className="legend-note">No measures: 0 in every quarter (assumptions alone give none)</li>}
      {showBaseline && !baselineZero && full && (
        <li>
          <span className="line-key dashed" aria-hidden="true" />
          No measures
        </li>
      )}
      {showModified && (
        <li>
          <span className="line-key dotted" aria-hidden="true" />
          No measures, your assumptions
        </li>
      )}
      {band && (
        <li className="legend-band" title={BAND_EXPLAINER}>
          <span className="swatch band" aria-hidden="true" />
          {bandText ?? 'P10–P90 band (computing…)'}
          <span className="p50-key" aria-hidden="true" /> P50 · stack total: point estimate
        </li>
      )}
      <li className="legend-markers">
        Dates:{' '}
        <span className="key-pair">
          <span className="marker-key beijing" aria-hidden="true" /> Beijing
        </span>{' '}
        <span className="key-pair">
          <span className="marker-key washington" aria-hidden="true" /> Washington
        </span>
      </li>
      {extra && <li className="legend-control">{extra}</li>}
    </ul>
  )
})
