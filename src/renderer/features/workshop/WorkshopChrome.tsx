import { MovesLog } from './MovesLog'
import { RoundDialog } from './RoundDialog'
import { SweepDialog } from './SweepDialog'
import { WorkshopBar } from './WorkshopBar'
import { WorkshopsDialog } from './WorkshopsDialog'
import type { WorkshopMode } from './use-workshop-mode'
import './workshop.css'

/**
 * The way into workshop mode, at the end of the status line: the header has no room left at 1280×720 (a
 * second header line would cost the measure panels a row), and the status line's height does not change.
 */
export function WorkshopButtons({ mode }: { mode: WorkshopMode }) {
  return (
    <button type="button" className="workshop-launch" onClick={() => mode.setOverlay('workshops')} aria-haspopup="dialog">
      Workshop…
    </button>
  )
}

/** Opens the timing sweep: on the Sensitivity tab (timing is one more thing a result is sensitive to) and in the workshop line. */
export function SweepLauncher({ mode }: { mode: WorkshopMode }) {
  return (
    <p className="sweep-launcher">
      <button type="button" onClick={() => mode.setOverlay('sweep')} aria-haspopup="dialog">
        Timing sweep…
      </button>
      <span className="hint">What if a move came earlier or later: a figure against a measure’s start or a trigger’s lag.</span>
    </p>
  )
}

/** The workshop line (when a workshop is open), the replay caption, and the workshop dialogs. */
export function WorkshopChrome({ mode, threshold }: { mode: WorkshopMode; threshold: number }) {
  const { workshop: w, overlay, setOverlay, replay } = mode
  const close = () => setOverlay(null)
  return (
    <>
      <WorkshopBar w={w} onRound={() => setOverlay('round')} onLog={() => setOverlay('log')} onSweep={() => setOverlay('sweep')} onReplay={replay.play} canReplay={replay.available} />
      <ReplayCaption text={replay.caption} />
      {overlay === 'workshops' && <WorkshopsDialog api={mode.api} w={w} doc={mode.ws.doc} onClose={close} />}
      {overlay === 'round' && <RoundDialog w={w} onClose={close} />}
      {overlay === 'log' && <MovesLog w={w} onClose={close} />}
      {overlay === 'sweep' && <SweepDialog api={mode.api} doc={mode.ws.doc} threshold={threshold} onClose={close} />}
    </>
  )
}

/** Says a replay is running (a live region, so a screen reader hears it too); shown in presentation mode as well. */
export function ReplayCaption({ text }: { text: string | null }) {
  return (
    <p className="replay-caption" role="status" aria-live="polite" hidden={!text} data-testid="replay-caption">
      {text ?? ''}
    </p>
  )
}

/** Stands in for the charts while a round's results are hidden. */
export function ResultsHidden({ round }: { round: number }) {
  return (
    <div className="results-hidden" role="note" data-testid="results-hidden">
      <h2>Results hidden — round {round}</h2>
      <p>Take each team’s prediction in the round dialog, apply the round, then reveal.</p>
    </div>
  )
}

/** The workshop and round, next to the scenario's name in presentation mode (nothing outside a workshop). */
export function WorkshopContext({ mode }: { mode: WorkshopMode }) {
  const w = mode.workshop.workshop
  const r = mode.workshop.round
  if (!w || !r) return null
  return (
    <span className="pres-workshop" data-testid="pres-caption">
      Workshop: <strong>{w.name}</strong> · Round <strong>{r.number}</strong>
    </span>
  )
}
