import { useMemo, useState } from 'react'
import { ECONOMIES, ECONOMY_LABELS, SECTORS, evaluateView, type Economy, type EvalResult, type ScenarioDoc, type Sector } from '../../../core'
import { niceCeiling } from '../../../shared/axis'
import { model } from '../../../shared/dataset'
import { Modal } from '../../components/Modal'
import { CompareChart, LineSample } from './CompareChart'
import { KpiTable } from './KpiTable'
import { InputDiffTable } from './InputDiffTable'
import { compareSeries, overlayRows, sectorKpis, type SectorKpis } from './compare-model'
import { diffInputs } from './input-diff'
import { CompareExport } from '../export/CompareExport'

/** One scenario in a comparison: what to call it and its document. */
export type CompareItem = { label: string; doc: ScenarioDoc }

type Props = { items: CompareItem[]; initialThreshold: number; onClose: () => void }

function evaluateAll(items: CompareItem[]): { results: EvalResult[] } | { error: string } {
  try {
    // Each scenario as its branch view shows it (one branch, or the probability-weighted mixture).
    return { results: items.map((i) => evaluateView(model, i.doc)) }
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * 2–4 scenarios side by side: per sector their exposure lines on one chart (a colour and dash per
 * scenario, the same everywhere), the key figures, and the inputs that differ. Runs the engine here.
 */
export function CompareView({ items, initialThreshold, onClose }: Props) {
  const [economy, setEconomy] = useState<Economy>('us')
  const [threshold, setThreshold] = useState(initialThreshold)
  // Locked (the default), all charts share one y-scale across sectors and economies: a lower line looks lower.
  const [lockY, setLockY] = useState(true)
  const evaluated = useMemo(() => evaluateAll(items), [items])
  const series = useMemo(() => compareSeries(items.map((i) => i.label)), [items])
  const diff = useMemo(() => diffInputs(items.map((i) => i.doc), model), [items])

  const view = useMemo(() => {
    if ('error' in evaluated) return null
    const { results } = evaluated
    const rows = Object.fromEntries(SECTORS.map((s) => [s, overlayRows(results, economy, s)]))
    const kpis = Object.fromEntries(SECTORS.map((s) => [s, results.map((r) => sectorKpis(r, economy, s, threshold))])) as Record<Sector, SectorKpis[]>
    const peak = (economies: readonly Economy[], sectors: readonly Sector[]) =>
      niceCeiling(Math.max(0, ...results.flatMap((r) => economies.flatMap((e) => sectors.flatMap((s) => r.economies[e][s].exposure)))))
    const shared = peak(ECONOMIES, SECTORS)
    const yMax = Object.fromEntries(SECTORS.map((s) => [s, lockY ? shared : peak([economy], [s])])) as Record<Sector, number>
    return { rows, kpis, yMax }
  }, [evaluated, economy, threshold, lockY])

  return (
    <Modal title={`Compare ${items.length} scenarios`} onClose={onClose} className="compare-modal">
      <div className="toolbar compare-toolbar">
        <div className="segmented" role="group" aria-label="Economy">
          {ECONOMIES.map((e) => (
            <button key={e} type="button" aria-pressed={economy === e} onClick={() => setEconomy(e)}>
              {ECONOMY_LABELS[e]}
            </button>
          ))}
        </div>
        <label className="inline-field threshold">
          <span>Threshold</span>
          <input type="number" min={0} max={100} step={1} value={threshold} onChange={(e) => setThreshold(Math.min(100, Math.max(0, Number(e.target.value) || 0)))} />
        </label>
        <label className="check" title="Locked, every chart has the same y-scale, whichever economy is shown">
          <input type="checkbox" checked={lockY} onChange={(e) => setLockY(e.target.checked)} />
          Lock y-axis
        </label>
        <ul className="compare-legend" aria-label="Scenarios compared">
          {series.map((s) => (
            <li key={s.key}>
              <LineSample s={s} />
              {s.label}
            </li>
          ))}
        </ul>
        <CompareExport items={items} economy={economy} threshold={threshold} />
      </div>
      {view === null ? (
        <p className="field-error" role="alert">
          The model could not run one of these scenarios: {'error' in evaluated ? evaluated.error : ''}
        </p>
      ) : (
        <>
          <div className="compare-charts">
            {SECTORS.map((s) => (
              <CompareChart key={s} sector={s} economy={economy} rows={view.rows[s]} series={series} yMax={view.yMax[s]} />
            ))}
          </div>
          <div className="compare-tables">
            <KpiTable economy={economy} series={series} kpis={view.kpis} threshold={threshold} />
            <InputDiffTable rows={diff} series={series} />
          </div>
        </>
      )}
    </Modal>
  )
}
