import { ECONOMY_LABELS, SECTOR_LABELS, SECTORS, type Economy, type Sector } from '../../../core'
import type { CompareSeries, SectorKpis } from './compare-model'
import { LineSample } from './CompareChart'

type Props = { economy: Economy; series: CompareSeries[]; kpis: Record<Sector, SectorKpis[]>; threshold: number }

/** Per sector and scenario: peak exposure and its quarter, quarters above the threshold, peak cost pressure (indices 0–100). */
export function KpiTable({ economy, series, kpis, threshold }: Props) {
  return (
    <table className="compare-table kpi-table" data-testid="kpi-table">
      <caption>Key figures, {ECONOMY_LABELS[economy]}</caption>
      <thead>
        <tr>
          <th scope="col">Sector</th>
          <th scope="col">Scenario</th>
          <th scope="col">Peak exposure</th>
          <th scope="col">Quarter of peak</th>
          <th scope="col">Quarters above {threshold}</th>
          <th scope="col">Peak cost pressure</th>
        </tr>
      </thead>
      <tbody>
        {SECTORS.map((sector) =>
          series.map((s, i) => {
            const k = kpis[sector][i]
            return (
              <tr key={`${sector}-${s.key}`} className={i === 0 ? 'group-start' : ''}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={series.length}>
                    {SECTOR_LABELS[sector]}
                  </th>
                )}
                <th scope="row">
                  <LineSample s={s} /> {s.label}
                </th>
                <td>{k.peakExposure.toFixed(1)}</td>
                <td>{k.peakLabel ?? '—'}</td>
                <td>{k.quartersAbove}</td>
                <td>{k.peakCost.toFixed(1)}</td>
              </tr>
            )
          })
        )}
      </tbody>
    </table>
  )
}
