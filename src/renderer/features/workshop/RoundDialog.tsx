import { useId, useState } from 'react'
import { ECONOMIES, ECONOMY_LABELS, SECTORS, SECTOR_LABELS, SWEEP_KPIS, SWEEP_KPI_LABELS, type Sector } from '../../../core'
import type { Round, RoundKpi, Team } from '../../../shared/contract/workshop'
import { Modal } from '../../components/Modal'
import type { WorkshopState } from './use-workshop'
import { startedFrom } from './started-from'

type Props = { w: WorkshopState; onClose: () => void }

const num = (v: number) => (Math.round(v * 10) / 10).toFixed(1)
/** A change as shown (one decimal): a change that rounds to zero reads "0.0", never "−0.0" or "+0.0". */
export const signedChange = (d: number) => {
  const shown = num(Math.abs(d))
  return Number(shown) === 0 ? shown : `${d > 0 ? '+' : '−'}${shown}`
}

/**
 * The facilitator's round: review the moves (withdraw any), hide the results and take each team's
 * prediction, apply the round, reveal it (predictions next to the outcome, points), undo it before the next
 * starts, start the next; the scores and the workshop's exports.
 */
export function RoundDialog({ w, onClose }: Props) {
  const workshop = w.workshop
  const round = w.round
  const [team, setTeam] = useState('')
  if (!workshop || !round) return null
  const open = round.status === 'open'
  const teamName = (id: string) => workshop.teams.find((t) => t.id === id)?.name ?? id
  return (
    <Modal title={`${workshop.name} — round ${round.number}`} onClose={onClose} className="round-modal">
      <div className="round-body" data-testid="round-dialog">
        <section aria-label="Moves this round">
          <h3 className="section-title">Moves this round</h3>
          {round.moves.length === 0 ? (
            <p className="empty">No move yet. A team makes its changes in the panels, then records them with a rationale in the workshop bar.</p>
          ) : (
            <table className="moves-table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Move</th>
                  <th scope="col">Rationale</th>
                  {open && <th scope="col">Review</th>}
                </tr>
              </thead>
              <tbody>
                {round.moves.map((m) => (
                  <tr key={m.id} className={m.withdrawnAt ? 'withdrawn' : ''}>
                    <td>{teamName(m.teamId)}</td>
                    <td>
                      {m.withdrawnAt ? '(withdrawn) ' : ''}
                      {m.description}
                    </td>
                    <td>{m.rationale || '—'}</td>
                    {open && <td>{!m.withdrawnAt && <button type="button" className="small" onClick={() => void w.withdrawMove(m.id)}>Withdraw</button>}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <TeamAdder w={w} />
        </section>
        <section aria-label="Predict, then reveal">
          <h3 className="section-title">Predict, then reveal</h3>
          {open && (
            <label className="check">
              <input type="checkbox" checked={round.hidden} onChange={(e) => void w.configure({ hidden: e.target.checked })} />
              Hide the results from the room until the reveal
            </label>
          )}
          <KpiPicker kpi={round.kpi} disabled={!open} onChange={(kpi) => void w.configure({ kpi })} />
          <Predictions round={round} teams={workshop.teams} team={team} setTeam={setTeam} w={w} />
          {round.outcome && round.revealed && <Outcome round={round} teamName={teamName} />}
          <div className="dialog-buttons">
            {open && (
              <button type="button" className="primary" onClick={() => void w.apply()} disabled={w.busy}>
                Apply round {round.number}
              </button>
            )}
            {!open && !round.revealed && (
              <button type="button" className="primary" onClick={() => void w.reveal()} disabled={w.busy}>
                Reveal
              </button>
            )}
            {!open && (
              <button type="button" onClick={() => void w.undo()} disabled={w.busy}>
                Undo round {round.number}
              </button>
            )}
            {!open && (
              <button type="button" onClick={() => void w.startRound()} disabled={w.busy}>
                Start round {round.number + 1}
              </button>
            )}
          </div>
        </section>
        <section aria-label="Scores and exports" className="round-side">
          <p className="round-origin" data-testid="workshop-origin">
            {startedFrom(workshop.sourceName)}
          </p>
          <h3 className="section-title">Scores</h3>
          <table className="scores-table">
            <tbody>
              {workshop.scores.map((s) => (
                <tr key={s.teamId}>
                  <th scope="row">{teamName(s.teamId)}</th>
                  <td>{s.points} pt</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">1 point for the sector that moved most; 2 for a figure within 2 (1 within 5) of the outcome.</p>
          <h3 className="section-title">Exports</h3>
          <div className="export-column">
            <button type="button" onClick={() => void w.afterAction('pptx')} disabled={w.busy}>
              After-action deck (.pptx)
            </button>
            <button type="button" onClick={() => void w.afterAction('pdf')} disabled={w.busy}>
              After-action report (.pdf)
            </button>
            <button type="button" onClick={() => void w.exportFile()} disabled={w.busy}>
              Workshop file (.workshop.json)
            </button>
          </div>
          <p className={`status ${w.status?.kind ?? ''}`} role="status" data-testid="round-status">
            {w.status?.text ?? ''}
          </p>
        </section>
      </div>
    </Modal>
  )
}

function TeamAdder({ w }: { w: WorkshopState }) {
  const id = useId()
  const [name, setName] = useState('')
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (name.trim()) void w.addTeam(name.trim()).then((x) => x && setName(''))
      }}
    >
      <label htmlFor={id}>New team</label>
      <input id={id} type="text" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="small">
        Add team
      </button>
    </form>
  )
}

function KpiPicker({ kpi, disabled, onChange }: { kpi: RoundKpi; disabled: boolean; onChange: (k: RoundKpi) => void }) {
  const id = useId()
  return (
    <div className="kpi-picker">
      <label htmlFor={`${id}-k`}>Figure to predict</label>
      <select id={`${id}-k`} value={kpi.kpi} disabled={disabled} onChange={(e) => onChange({ ...kpi, kpi: e.target.value as RoundKpi['kpi'] })}>
        {SWEEP_KPIS.map((k) => <option key={k} value={k}>{SWEEP_KPI_LABELS[k]}</option>)}
      </select>
      <label htmlFor={`${id}-s`}>Sector</label>
      <select id={`${id}-s`} value={kpi.sector} disabled={disabled} onChange={(e) => onChange({ ...kpi, sector: e.target.value as Sector })}>
        {SECTORS.map((s) => <option key={s} value={s}>{SECTOR_LABELS[s]}</option>)}
      </select>
      <label htmlFor={`${id}-e`}>Economy</label>
      <select id={`${id}-e`} value={kpi.economy} disabled={disabled} onChange={(e) => onChange({ ...kpi, economy: e.target.value as RoundKpi['economy'] })}>
        {ECONOMIES.map((e) => <option key={e} value={e}>{ECONOMY_LABELS[e]}</option>)}
      </select>
    </div>
  )
}

function Predictions({ round, teams, team, setTeam, w }: { round: Round; teams: Team[]; team: string; setTeam: (t: string) => void; w: WorkshopState }) {
  const id = useId()
  const [sector, setSector] = useState<Sector>('defense')
  const [figure, setFigure] = useState('')
  const current = team || teams[0]?.id || ''
  const open = round.status === 'open'
  return (
    <>
      {open && (
        <form
          className="inline-form prediction-form"
          onSubmit={(e) => {
            e.preventDefault()
            const value = Number(figure)
            if (figure.trim() === '' || !Number.isFinite(value)) return w.setStatus({ kind: 'error', text: 'Type the predicted figure as a number.' })
            void w.predict(current, sector, value).then((x) => x && setFigure(''))
          }}
        >
          <label htmlFor={`${id}-t`}>Predicting team</label>
          <select id={`${id}-t`} value={current} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <label htmlFor={`${id}-s`}>Sector that moves most</label>
          <select id={`${id}-s`} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
            {SECTORS.map((s) => <option key={s} value={s}>{SECTOR_LABELS[s]}</option>)}
          </select>
          <label htmlFor={`${id}-f`}>Predicted figure</label>
          <input id={`${id}-f`} type="number" step="0.1" value={figure} onChange={(e) => setFigure(e.target.value)} />
          <button type="submit" className="small">
            Record prediction
          </button>
        </form>
      )}
      {round.predictions.length > 0 && (
        <ul className="predictions" aria-label="Predictions">
          {round.predictions.map((p) => (
            <li key={p.teamId}>
              {teams.find((t) => t.id === p.teamId)?.name ?? p.teamId}: {SECTOR_LABELS[p.sector]} moves most; figure {p.figure}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function Outcome({ round, teamName }: { round: Round; teamName: (id: string) => string }) {
  const o = round.outcome!
  return (
    <div className="reveal" data-testid="reveal">
      <h4>The reveal</h4>
      <table className="reveal-table">
        <caption>
          {SWEEP_KPI_LABELS[round.kpi.kpi]}, {ECONOMY_LABELS[round.kpi.economy]}: before and after round {round.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">Sector</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {o.sectors.map((s) => (
            <tr key={s.sector} className={s.sector === o.mostMoved ? 'most' : ''}>
              <th scope="row">{SECTOR_LABELS[s.sector]}{s.sector === o.mostMoved ? ' (moved most)' : ''}</th>
              <td>{num(s.before)}</td>
              <td>{num(s.after)}</td>
              <td>{signedChange(s.after - s.before)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="reveal-table">
        <caption>Predictions against the outcome ({SECTOR_LABELS[round.kpi.sector]}: {num(o.figure)})</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Moves most</th>
            <th scope="col">Figure</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {round.predictions.map((p) => {
            const pts = o.points.find((x) => x.teamId === p.teamId)
            return (
              <tr key={p.teamId}>
                <th scope="row">{teamName(p.teamId)}</th>
                <td>{SECTOR_LABELS[p.sector]} {p.sector === o.mostMoved ? '✓' : '✗'}</td>
                <td>{p.figure} (off by {num(Math.abs(p.figure - o.figure))})</td>
                <td>{pts ? pts.sector + pts.figure : 0}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
