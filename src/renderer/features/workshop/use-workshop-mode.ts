import { useState } from 'react'
import type { Api } from '../../../shared/api'
import type { Workspace } from '../../state/use-workspace'
import { useReplay } from './use-replay'
import { useWorkshop } from './use-workshop'

export type WorkshopOverlay = 'workshops' | 'round' | 'log' | 'sweep' | null

/** Workshop mode as the app mounts it: the open workshop, the replay of the last change, and which dialog is open. */
export function useWorkshopMode(api: Api, ws: Workspace) {
  const replay = useReplay(ws.doc)
  const workshop = useWorkshop(api, ws, replay)
  const [overlay, setOverlay] = useState<WorkshopOverlay>(null)
  return { api, ws, replay, workshop, overlay, setOverlay }
}

export type WorkshopMode = ReturnType<typeof useWorkshopMode>
