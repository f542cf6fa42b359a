import { memo, type CSSProperties, type ReactNode } from 'react'
import { BAND_EXPLAINER } from '../../../shared/bands'
import type { SeriesDef } from './chart-series'

type Props = { series: readonly SeriesDef[]; showBaseline: boolean; baselineZero: boolean; showModified: boolean; full: boolean; band: boolean; bandText?: string | null; extra?: ReactNode }

/**
 * One legend for all charts (colours are the same in every chart), in HTML: readable at any size and
 * cheaper than three recharts legends.
 */
export const ChartLegend = memo(function ChartLegend({ series, showBaseline, baselineZero, showModified, full, band, bandText = null, extra = null }: Props) {
  return (
    <ul className="legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.key} className={s.active === false ? 'inactive' : undefined} title={s.active === false ? `${s.label}: no exposure in any chart` : undefined}>
          <span className="swatch" style={{ background: s.color, '--swatch': s.color } as CSSProperties} aria-hidden="true" />
          {s.label}
        </li>
      ))}
      {showBaseline && baselineZero && <li className="legend-note">No measures: 0 in every quarter (assumptions alone give no exposure)</li>}
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
      {/* Always listed (the workspace's options bar has no room for it at 1280 px). */}
      <li>
        <span className="marker-key beijing" aria-hidden="true" /> Beijing
        <span className="marker-key washington" aria-hidden="true" /> Washington dates
      </li>
      {extra && <li className="legend-control">{extra}</li>}
    </ul>
  )
})
