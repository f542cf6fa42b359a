import { useEffect, useId, useState } from 'react'
import type { WorkshopState } from './use-workshop'

type Props = {
  w: WorkshopState
  onRound: () => void
  onLog: () => void
  onSweep: () => void
  onReplay: () => void
  canReplay: boolean
}

/** Round status in words, as the room should read it. */
export function roundState(w: WorkshopState): string {
  const r = w.round
  if (!r) return ''
  const live = r.moves.filter((m) => m.withdrawnAt === null).length
  if (r.status === 'open') return `${r.hidden ? 'open · results hidden' : 'open'} · ${live} move${live === 1 ? '' : 's'}`
  return r.revealed ? 'applied · revealed' : 'applied · awaiting the reveal'
}

/**
 * The workshop line under the header: workshop and round always named; a team records the draft's changes
 * as its moves with a rationale; the round, the moves log and the replay are one click away.
 */
export function WorkshopBar({ w, onRound, onLog, onSweep, onReplay, canReplay }: Props) {
  const ids = { team: useId(), why: useId() }
  const workshop = w.workshop
  const [teamId, setTeamId] = useState(workshop?.teams[0]?.id ?? '')
  const [rationale, setRationale] = useState('')
  useEffect(() => {
    if (workshop && !workshop.teams.some((t) => t.id === teamId)) setTeamId(workshop.teams[0]?.id ?? '')
  }, [workshop, teamId])
  if (!workshop || !w.round) return null
  const open = w.round.status === 'open'
  return (
    <section className="workshop-bar" aria-label="Workshop" data-testid="workshop-bar">
      <p className="workshop-title">
        <span className="workshop-name">Workshop: {workshop.name}</span>
        <span className="workshop-round" data-testid="workshop-round">
          Round {w.round.number} <span className="hint">({roundState(w)})</span>
        </span>
      </p>
      {open && (
        <form
          className="workshop-move"
          onSubmit={(e) => {
            e.preventDefault()
            void w.recordMoves(teamId, rationale).then((ok) => ok && setRationale(''))
          }}
        >
          <label htmlFor={ids.team}>Team</label>
          <select id={ids.team} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {workshop.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.why}>Rationale</label>
          <input id={ids.why} type="text" value={rationale} maxLength={2000} placeholder="Why this move?" onChange={(e) => setRationale(e.target.value)} />
          <button type="submit" className="primary" disabled={w.busy}>
            Record moves
          </button>
        </form>
      )}
      <div className="workshop-actions">
        <button type="button" onClick={onRound} aria-haspopup="dialog">
          Round…
        </button>
        <button type="button" onClick={onLog} aria-haspopup="dialog">
          Moves log
        </button>
        <button type="button" onClick={onSweep} aria-haspopup="dialog">
          Sweep…
        </button>
        <button type="button" onClick={onReplay} disabled={!canReplay} title="Replay the last change (R)">
          Replay (R)
        </button>
        <button type="button" onClick={w.close}>
          Leave workshop
        </button>
      </div>
    </section>
  )
}
