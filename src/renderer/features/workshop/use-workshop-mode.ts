import { useCallback, useMemo, useRef, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { Workspace } from '../../state/use-workspace'
import { useReplay, type Replay } from './use-replay'
import { useWorkshop } from './use-workshop'

export type WorkshopOverlay = 'workshops' | 'round' | 'log' | 'sweep' | null

/** Workshop mode as the app mounts it: the open workshop, the replay of the last change, and which dialog is open. */
export function useWorkshopMode(api: Api, ws: Workspace) {
  const raw = useReplay(ws.doc, ws.current.id)
  const workshop = useWorkshop(api, ws, raw)
  const [overlay, setOverlayState] = useState<WorkshopOverlay>(null)
  const { resultsHidden, takeDeferredReplay } = workshop
  // While a round's results are hidden, a replay would show them (in the workspace and in presentation):
  // R says why nothing moves instead.
  const play = useCallback(() => {
    if (resultsHidden) raw.notice('Results are hidden until the reveal: nothing to replay yet.')
    else raw.play()
  }, [resultsHidden, raw])
  const replay: Replay = useMemo(() => ({ ...raw, play, available: raw.available && !resultsHidden }), [raw, play, resultsHidden])
  // A round applied or revealed in the round dialog is replayed when the dialog closes: while it is open it
  // covers the charts, and the room would miss the transition.
  const shown = useRef<WorkshopOverlay>(null)
  const setOverlay = useCallback(
    (next: WorkshopOverlay) => {
      const was = shown.current
      shown.current = next
      setOverlayState(next)
      if (was === 'round' && next !== 'round') takeDeferredReplay()
    },
    [takeDeferredReplay]
  )
  return { api, ws, replay, workshop, overlay, setOverlay }
}

export type WorkshopMode = ReturnType<typeof useWorkshopMode>
