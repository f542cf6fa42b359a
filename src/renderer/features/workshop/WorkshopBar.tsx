import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { FittedText, useFittedText } from '../../components/FittedText'
import { middleEllipsis, shortenings } from '../../components/shorten-names'
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
 * "Workshop: <name>" on one line: a name the line cannot hold is shortened in the middle (it once wrapped to
 * three lines and took the round's plots under 160 px at 1280×720). The whole name stays its title and
 * accessible text, and heads the round dialog. `refit`: what beside it changes its room (the round state).
 */
function WorkshopName({ name, refit }: { name: string; refit: string }) {
  const box = useRef<HTMLSpanElement>(null)
  const versions = useMemo(() => shortenings(`Workshop: ${name}`, (_, budget) => `Workshop: ${middleEllipsis(name, budget)}`), [name])
  const { shown, title } = useFittedText(box, versions, refit)
  return (
    <span ref={box} className="workshop-name" data-testid="workshop-name" title={title}>
      <FittedText text={versions[0]} shown={shown} />
    </span>
  )
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
        <WorkshopName name={workshop.name} refit={roundState(w)} />
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
