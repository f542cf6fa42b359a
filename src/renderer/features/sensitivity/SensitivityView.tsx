import { memo, useLayoutEffect, useRef, type RefObject } from 'react'
import { ECONOMY_LABELS, SECTORS, SECTOR_LABELS } from '../../../core'
import type { TornadoResult } from '../../workers/jobs'
import type { JobState } from '../../workers/use-job'
import { TORNADO_KPI_LABELS, type TornadoKpi, type View, type ViewAction } from '../../state/view-state'
import { tornadoScale } from './tornado-scale'

type Props = { state: JobState<TornadoResult>; view: View; dispatch: (a: ViewAction) => void; large?: boolean }

/**
 * The tornado: which assumptions and measures move the chosen KPI most when each is set to its low and
 * its high value alone, everything else as in the scenario. Bars are HTML (crisp at any size, readable
 * by screen readers as a list).
 */
export const SensitivityView = memo(function SensitivityView({ state, view, dispatch, large = false }: Props) {
  const { value, pending, error } = state
  const kpi = TORNADO_KPI_LABELS[view.tornadoKpi]
  const title = `${kpi} — ${SECTOR_LABELS[view.tornadoSector]}, ${ECONOMY_LABELS[view.economy]}`
  const scale = value ? tornadoScale(value) : null
  const sectionRef = useRef<HTMLElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  useFitText(large, sectionRef, listRef, value)
  return (
    <section ref={sectionRef} className={`sensitivity ${large ? 'large' : ''}`} aria-labelledby="tornado-title" data-testid="sensitivity">
      <div className="toolbar">
        <h2 id="tornado-title" className="section-title">
          Sensitivity: {title}
        </h2>
        {!large && (
          <>
            <label className="inline-field">
              <span>Sector</span>
              <select value={view.tornadoSector} onChange={(e) => dispatch({ type: 'tornado', sector: e.target.value as (typeof SECTORS)[number] })}>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {SECTOR_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>KPI</span>
              <select value={view.tornadoKpi} onChange={(e) => dispatch({ type: 'tornado', kpi: e.target.value as TornadoKpi })}>
                {(Object.keys(TORNADO_KPI_LABELS) as TornadoKpi[]).map((k) => (
                  <option key={k} value={k}>
                    {TORNADO_KPI_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <span className="hint" aria-live="polite">
          {pending ? 'Computing…' : value ? `Scenario value ${value.base.toFixed(1)} ${value.unit}` : ''}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          The tornado could not be computed: {error}
        </p>
      )}
      {!value && !error && <p className="empty">Computing the tornado…</p>}
      {value && value.bars.length === 0 && <p className="empty">Nothing moves this KPI: every input gives the same value. Switch a measure on or pick another sector.</p>}
      {value && scale && value.bars.length > 0 && (
        <>
          <p className="hint">
            Each bar: the KPI with that input at its low (<span className="key-low">■</span>) and high (<span className="key-high">■</span>) value; the line is
            the scenario ({value.base.toFixed(1)}).
          </p>
          <ol className="tornado" aria-label={`Tornado of ${title}`} ref={listRef}>
            {value.bars.map((b) => {
              const lo = scale(b.lowValue)
              const hi = scale(b.highValue)
              const base = scale(value.base)
              return (
                <li key={b.id} className="tornado-row">
                  <span className="tornado-label">
                    {b.label}
                    <span className="hint"> ({b.kind})</span>
                  </span>
                  <span className="tornado-track" aria-hidden="true">
                    <span className="tornado-seg low" style={{ left: `${Math.min(lo, base)}%`, width: `${Math.abs(lo - base)}%` }} />
                    <span className="tornado-seg high" style={{ left: `${Math.min(hi, base)}%`, width: `${Math.abs(hi - base)}%` }} />
                    <span className="tornado-base" style={{ left: `${base}%` }} />
                  </span>
                  <span className="tornado-values">
                    {large ? (
                      <>
                        {b.lowInput} → {b.lowValue.toFixed(1)} · {b.highInput} → {b.highValue.toFixed(1)}
                      </>
                    ) : (
                      <>
                        low {b.lowInput} → {b.lowValue.toFixed(1)}; high {b.highInput} → {b.highValue.toFixed(1)}
                      </>
                    )}
                  </span>
                </li>
              )
            })}
          </ol>
        </>
      )}
    </section>
  )
})

/** The largest type for the tornado list (at most the slide's own, at least 10 px) at which the section does not overflow. */
const MIN_PX = 10

/**
 * Presentation: the slide must show every row, so the list's type shrinks (6 % a step) until the section's
 * content fits its height; again when the slide is resized or the tornado changes. Not on the toggle path:
 * the tornado arrives from the worker after the charts have drawn.
 */
function useFitText(on: boolean, section: RefObject<HTMLElement | null>, list: RefObject<HTMLOListElement | null>, value: unknown) {
  useLayoutEffect(() => {
    const el = section.current
    if (!on || !el) return
    const fit = () => {
      const ol = list.current
      if (!ol) return
      let size = parseFloat(getComputedStyle(el).fontSize)
      ol.style.fontSize = `${size}px`
      while (el.scrollHeight > el.clientHeight + 1 && size > MIN_PX) {
        size = Math.max(MIN_PX, size * 0.94)
        ol.style.fontSize = `${size}px`
      }
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => ro.disconnect()
  }, [on, section, list, value])
}
