import { useMemo } from 'react'
import type { Economy, ScenarioDoc, Sector } from '../../core'
import type { Attribution } from '../features/charts/chart-series'
import type { BandsResult, TornadoResult, VarianceBreakdown } from '../workers/jobs'
import { engineClient } from '../workers/engine-client'
import { useJob, type JobState } from '../workers/use-job'
import { SLIDES, type View } from './view-state'

type PerSector<T> = Partial<Record<Sector, T>>
export type AttributionByEconomy = Record<Economy, PerSector<Attribution>>

/**
 * The analyses that do not have to land in the same frame as a toggle — Monte Carlo bands, attribution
 * by measure, the tornado — run in the engine worker, and only while something shows them.
 */
export function useAnalyses(doc: ScenarioDoc, view: View, exposureShown: boolean) {
  const slide = view.presenting ? SLIDES[view.slide] : null
  const bandsIn = useMemo(() => (view.showBand && exposureShown ? { doc } : null), [doc, view.showBand, exposureShown])
  const attrIn = useMemo(() => (view.stacking === 'measure' && exposureShown ? { doc } : null), [doc, view.stacking, exposureShown])
  const tornadoShown = view.presenting ? slide?.kind === 'sensitivity' : view.tab === 'sensitivity'
  const tornadoIn = useMemo(
    () => (tornadoShown ? { doc, economy: view.economy, sector: view.tornadoSector, kpi: view.tornadoKpi } : null),
    [doc, tornadoShown, view.economy, view.tornadoSector, view.tornadoKpi]
  )
  const bands = useJob<BandsResult>('bands', bandsIn)
  const attribution = useJob<AttributionByEconomy>('attribution', attrIn)
  const tornado: JobState<TornadoResult> = useJob<TornadoResult>('tornado', tornadoIn)
  // The variance breakdown sits beside the tornado in the workspace (not on the presentation slide).
  const variance: JobState<VarianceBreakdown> = useJob<VarianceBreakdown>('variance', view.presenting ? null : tornadoIn)
  const errors = [bands.error && `Bands: ${bands.error}`, attribution.error && `Attribution: ${attribution.error}`].filter(Boolean)
  const notice = [engineClient().fallback, ...errors].filter(Boolean).join(' ') || null
  return {
    bands: bands.value?.[view.economy] ?? null,
    attribution: attribution.value?.[view.economy] ?? null,
    tornado,
    variance,
    notice
  }
}
