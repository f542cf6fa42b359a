import { memo } from 'react'
import { ECONOMY_LABELS, SECTOR_LABELS, type VarianceBreakdown } from '../../../core'
import type { JobState } from '../../workers/use-job'
import { TORNADO_KPI_LABELS, type View } from '../../state/view-state'
import { VARIANCE_TITLE, sharePct, varianceRows } from '../../../shared/variance'
import './uncertainty.css'

/** A share and its interval stay on one line (a narrow column wraps between the two, never inside "60 %"). */
const NO_WRAP = { whiteSpace: 'nowrap' } as const

type Props = { state: JobState<VarianceBreakdown>; view: View }

/** Bar width for a share, clamped to the track (estimates can fall a little outside 0–1 by sampling noise). */
const width = (x: number): string => `${Math.max(0, Math.min(100, 100 * x))}%`

/**
 * What drives the band, beside the tornado: the share of the KPI's variance each factor explains alone
 * (first-order Sobol index, with its bootstrap 90 % interval) and with its interactions (total index).
 * Where the tornado moves one input at a time from the scenario, this moves every input at once over
 * its range, correlations and posture included, so the two can disagree — the reading note says why.
 */
export const VarianceView = memo(function VarianceView({ state, view }: Props) {
  const { value, pending, error } = state
  const rows = value ? varianceRows(value) : []
  const title = `${TORNADO_KPI_LABELS[view.tornadoKpi]} — ${SECTOR_LABELS[view.tornadoSector]}, ${ECONOMY_LABELS[view.economy]}`
  return (
    // Focusable: at 1280×720 the list scrolls inside the section, and it holds no control a keyboard could reach it by.
    <section className="variance" aria-labelledby="variance-title" data-testid="variance" tabIndex={0}>
      <div className="toolbar">
        <h2 id="variance-title" className="section-title">
          {VARIANCE_TITLE}
        </h2>
        <span className="hint" aria-live="polite">
          {pending ? 'Computing…' : value ? `${title}: mean ${value.mean.toFixed(1)}, SD ${Math.sqrt(value.variance).toFixed(1)}` : ''}
        </span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          The variance breakdown could not be computed: {error}
        </p>
      )}
      {!value && !error && <p className="empty">Computing the variance breakdown…</p>}
      {value && value.variance <= 1e-9 && <p className="empty">This KPI does not vary over the samples: there is no band to explain.</p>}
      {value && value.variance > 1e-9 && (
        <>
          <p className="hint">
            Share of the KPI’s variance over {value.samples} × ({value.factors.length} + 2) engine runs{value.branches > 1 ? ` (${value.view === 'mixture' ? 'mixture of branches' : `branch ${value.view}`})` : ''}:
            {' '}<span className="key-first">■</span> alone (first-order, 90 % interval as a whisker), <span className="key-total">▯</span> with interactions (total); intervals in brackets are the estimate’s own 90 % bootstrap range.
          </p>
          <ol className="variance-list" aria-label={`Variance breakdown of ${title}`}>
            {value.factors.map((f, i) => (
              <li key={f.id} className="variance-row">
                <span className="variance-label" title={f.label}>
                  {f.label}
                </span>
                <span className="variance-track" aria-hidden="true">
                  <span className="variance-total" style={{ width: width(f.total) }} />
                  <span className="variance-first" style={{ width: width(f.firstOrder) }} />
                  <span className="variance-ci" style={{ left: width(f.firstOrderLow), width: `calc(${width(f.firstOrderHigh)} - ${width(f.firstOrderLow)})` }} />
                </span>
                <span className="variance-values">
                  <span style={NO_WRAP}>{rows[i]?.alone} alone ({rows[i]?.interval});</span> <span style={NO_WRAP}>{rows[i]?.total} total ({rows[i]?.totalInterval})</span>
                </span>
              </li>
            ))}
          </ol>
          <p className="hint">
            Interactions: {sharePct(Math.max(0, value.interactions))} of the variance only shows when factors move together. Each posture carries its
            policy draws (approvals, freeze length, enforcement, extensions); groups move their assumptions together.
          </p>
        </>
      )}
    </section>
  )
})
