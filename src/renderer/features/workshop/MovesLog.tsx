import { useId, useMemo, useState } from 'react'
import { Modal } from '../../components/Modal'
import type { WorkshopState } from './use-workshop'

/** The moves log: every move of every round (round, team, move, rationale, time), searchable, exported as CSV. */
export function MovesLog({ w, onClose }: { w: WorkshopState; onClose: () => void }) {
  const id = useId()
  const [query, setQuery] = useState('')
  const workshop = w.workshop
  const rows = useMemo(() => {
    if (!workshop) return []
    const team = new Map(workshop.teams.map((t) => [t.id, t.name]))
    const all = workshop.rounds.flatMap((r) => r.moves.map((m) => ({ ...m, team: team.get(m.teamId) ?? m.teamId })))
    const q = query.trim().toLowerCase()
    return q ? all.filter((m) => `${m.round} ${m.team} ${m.description} ${m.rationale}`.toLowerCase().includes(q)) : all
  }, [workshop, query])
  if (!workshop) return null
  const total = workshop.rounds.reduce((n, r) => n + r.moves.length, 0)
  return (
    <Modal title={`Moves log — ${workshop.name}`} onClose={onClose} className="log-modal">
      <div className="log-top">
        <label htmlFor={id}>Search moves</label>
        <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="team, measure, rationale…" />
        <span className="hint" role="status">
          {rows.length} of {total} moves
        </span>
        <button type="button" onClick={() => void w.exportMoves()}>
          Export CSV
        </button>
      </div>
      <div className="log-scroll">
        <table className="moves-table" data-testid="moves-log">
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Team</th>
              <th scope="col">Move</th>
              <th scope="col">Rationale</th>
              <th scope="col">Time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} className={m.withdrawnAt ? 'withdrawn' : ''}>
                <td>{m.round}</td>
                <td>{m.team}</td>
                <td>{m.withdrawnAt ? '(withdrawn) ' : ''}{m.description}</td>
                <td>{m.rationale || '—'}</td>
                <td>{new Date(m.createdAt).toLocaleTimeString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`status ${w.status?.kind ?? ''}`} role="status">
        {w.status?.text ?? ''}
      </p>
    </Modal>
  )
}
