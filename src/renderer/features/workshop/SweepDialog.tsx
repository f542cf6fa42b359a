import { useId, useMemo, useState } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { ECONOMIES, ECONOMY_LABELS, MAX_SWEEP_QUARTERS, SECTORS, SECTOR_LABELS, SWEEP_KPIS, SWEEP_KPI_LABELS, timingSweep, type Economy, type ScenarioDoc, type Sector, type SweepKpi } from '../../../core'
import type { Api } from '../../../shared/api'
import { niceCeiling } from '../../../shared/axis'
import { model } from '../../../shared/dataset'
import { Modal } from '../../components/Modal'
import { deliver } from './deliver'

type Props = { api: Api; doc: ScenarioDoc; threshold: number; onClose: () => void }

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

/**
 * The y-axis: 0 to a ceiling in the workspace's steps (a count of quarters: the next whole number), with
 * evenly spaced ticks — recharts' own ticks on [0, 10] read 0, 3, 6, 9, 10.
 */
export function sweepAxis(kpi: SweepKpi, max: number): { top: number; ticks: number[] } {
  const steps = [1, 2, 5, 10, 20, 25]
  let top: number
  let step: number
  if (kpi === 'quartersAbove') {
    const m = Math.max(1, Math.ceil(max))
    step = steps.find((st) => Math.ceil(m / st) <= 6) ?? Math.ceil(m / 6)
    top = step * Math.ceil(m / step)
  } else {
    top = niceCeiling(Math.max(0, max))
    step = steps.find((st) => top % st === 0 && top / st <= 6) ?? top / 5
  }
  const ticks: number[] = []
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(v)
  return { top, ticks }
}

/**
 * The timing sweep: a KPI against the start of a chosen measure (or a trigger's lag) moved earlier and later
 * by up to N quarters, computed in the renderer with the core `timingSweep` (24 start quarters in ≈ 20 ms),
 * exported as PNG or CSV by the backend.
 */
export function SweepDialog({ api, doc, threshold, onClose }: Props) {
  const id = useId()
  const [target, setTarget] = useState(() => `measure:${doc.measures.find((m) => m.enabled)?.id ?? model.measures[0].id}`)
  const [kpi, setKpi] = useState<SweepKpi>('peakExposure')
  const [sector, setSector] = useState<Sector>('defense')
  const [economy, setEconomy] = useState<Economy>('us')
  const [quarters, setQuarters] = useState(8)
  const [message, setMessage] = useState('')
  const [kind, tid] = target.split(':') as ['measure' | 'trigger', string]
  const options = useMemo(() => ({ target: { kind, id: tid }, kpi, sector, economy, quarters, threshold }), [kind, tid, kpi, sector, economy, quarters, threshold])
  const sweep = useMemo(() => {
    try {
      return { ok: true as const, value: timingSweep(model, doc, options) }
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) }
    }
  }, [doc, options])
  const data = sweep.ok ? sweep.value.points.map((p) => ({ shift: p.shift, label: signed(p.shift), value: Math.round(p.value * 100) / 100, setting: p.setting })) : []
  const exportAs = async (format: 'png' | 'csv') => {
    const r = await api.call('sweep.export', { doc, options, format })
    setMessage(r.ok ? deliver(r.value) : r.error.message)
  }
  const axis = sweepAxis(kpi, Math.max(0, ...data.map((d) => d.value)))
  return (
    <Modal title="Timing sweep" onClose={onClose} className="sweep-modal">
      <p className="hint">What if the move came earlier or later? “{doc.name}”, the move shifted by up to {quarters} quarters either way; everything else as set.</p>
      <div className="sweep-controls">
        <span className="sweep-field">
          <label htmlFor={`${id}-t`}>Move</label>
          <select id={`${id}-t`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <optgroup label="Measure start">
              {model.measures.map((m) => <option key={m.id} value={`measure:${m.id}`}>{m.short}</option>)}
            </optgroup>
            {doc.triggers.length > 0 && (
              <optgroup label="Trigger lag">
                {doc.triggers.map((t) => <option key={t.id} value={`trigger:${t.id}`}>{`Trigger ${t.id}: ${model.measures.find((m) => m.id === t.ifMeasure)?.short ?? t.ifMeasure} → ${model.measures.find((m) => m.id === t.thenMeasure)?.short ?? t.thenMeasure}`}</option>)}
              </optgroup>
            )}
          </select>
        </span>
        <span className="sweep-field">
          <label htmlFor={`${id}-k`}>Figure</label>
          <select id={`${id}-k`} value={kpi} onChange={(e) => setKpi(e.target.value as SweepKpi)}>
            {SWEEP_KPIS.map((k) => <option key={k} value={k}>{SWEEP_KPI_LABELS[k]}</option>)}
          </select>
        </span>
        <span className="sweep-field">
          <label htmlFor={`${id}-s`}>Sector</label>
          <select id={`${id}-s`} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
            {SECTORS.map((s) => <option key={s} value={s}>{SECTOR_LABELS[s]}</option>)}
          </select>
        </span>
        <span className="sweep-field">
          <label htmlFor={`${id}-e`}>Economy</label>
          <select id={`${id}-e`} value={economy} onChange={(e) => setEconomy(e.target.value as Economy)}>
            {ECONOMIES.map((e) => <option key={e} value={e}>{ECONOMY_LABELS[e]}</option>)}
          </select>
        </span>
        <span className="sweep-field">
          <label htmlFor={`${id}-q`}>Quarters either way</label>
          <input id={`${id}-q`} type="number" min={1} max={MAX_SWEEP_QUARTERS} value={quarters} onChange={(e) => setQuarters(Math.max(1, Math.min(MAX_SWEEP_QUARTERS, Math.round(Number(e.target.value) || 1))))} />
        </span>
      </div>
      {!sweep.ok ? (
        <p className="field-error" role="alert">{sweep.error}</p>
      ) : (
        <figure className="sweep-figure" data-testid="sweep-chart">
          <figcaption>
            {sweep.value.label}: {SWEEP_KPI_LABELS[kpi]}, {SECTOR_LABELS[sector]}, {ECONOMY_LABELS[economy]} — as set: {Math.round(sweep.value.base * 100) / 100}
          </figcaption>
          <LineChart width={760} height={300} data={data} margin={{ top: 10, right: 20, bottom: 24, left: 10 }} role="img" aria-label={`Timing sweep of ${sweep.value.label}`}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
            <XAxis dataKey="label" tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--border)" label={{ value: kind === 'measure' ? 'Start shifted (quarters)' : 'Lag shifted (quarters)', position: 'insideBottom', offset: -14, fill: 'var(--fg)' }} />
            <YAxis
              domain={[0, axis.top]}
              ticks={axis.ticks}
              allowDecimals={false}
              tick={{ fill: 'var(--muted)', fontSize: 12 }}
              stroke="var(--border)"
              width={56}
              label={{ value: kpi === 'quartersAbove' ? 'quarters' : 'index 0–100', angle: -90, position: 'insideLeft', offset: 6, fill: 'var(--muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
            />
            <ReferenceLine x="0" stroke="var(--muted)" strokeDasharray="4 4" />
            <Tooltip formatter={(v) => [String(v), SWEEP_KPI_LABELS[kpi]]} labelFormatter={(l, p) => `${String(l)} q · ${String((p?.[0]?.payload as { setting?: string } | undefined)?.setting ?? '')}`} contentStyle={{ background: 'var(--panel)', borderColor: 'var(--border)' }} />
            <Line type="monotone" dataKey="value" stroke="var(--accent)" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </figure>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => void exportAs('png')} disabled={!sweep.ok}>
          Export PNG
        </button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={!sweep.ok}>
          Export CSV
        </button>
        <span className="hint" role="status" data-testid="sweep-status">
          {message}
        </span>
      </div>
    </Modal>
  )
}
