import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { Input, Method, Output } from '../../../shared/contract'
import type { Workshop } from '../../../shared/contract/workshop'
import type { Workspace } from '../../state/use-workspace'
import { canonicalJson } from '../../state/canonical-json'
import { downloadText } from '../library/file-transfer'
import { deliver } from './deliver'
import type { Replay } from './use-replay'

/** Remembered across reloads, so a facilitator who reloads the page is back in the workshop. */
const ACTIVE_KEY = 'chokepoint.activeWorkshop'

export type WorkshopStatus = { kind: 'info' | 'error'; text: string } | null

/**
 * The open workshop and everything a facilitator does with it. The workshop lives in the backend (every
 * change is one API call, answered with the whole workshop); this hook keeps the latest copy, and keeps the
 * workspace's draft on the workshop's scenario: the round's pending state while a round is open, the applied
 * version after. The draft is where teams make their moves, with the planner's own controls.
 */
export function useWorkshop(api: Api, ws: Workspace, replay: Replay) {
  const [workshop, setWorkshop] = useState<Workshop | null>(null)
  const [status, setStatus] = useState<WorkshopStatus>(null)
  const [busy, setBusy] = useState(false)
  const wsRef = useRef(ws)
  useEffect(() => {
    wsRef.current = ws
  })

  // The status line shows the latest message: a workspace message (saved, opened…) replaces a workshop one,
  // except the "Opened" that our own sync causes.
  const ownStatus = useRef(false)
  useEffect(() => {
    if (ownStatus.current) ownStatus.current = false
    else setStatus(null)
  }, [ws.status])

  /**
   * Puts the workshop's scenario in the workspace: the saved version, then the round's pending moves on top
   * (named as the library names the scenario: the document just opened, not the draft it replaced).
   */
  const sync = useCallback(async (w: Workshop) => {
    ownStatus.current = true
    const opened = await wsRef.current.open(w.scenarioId)
    if (!opened) return
    const round = w.rounds[w.rounds.length - 1]
    if (round.status === 'open' && round.moves.some((m) => m.withdrawnAt === null)) wsRef.current.onEdit({ type: 'replace', doc: { ...w.pending, name: opened.name } })
  }, [])

  // A round applied or revealed while the round dialog covers the charts is replayed when it closes.
  const deferredReplay = useRef(false)
  const takeDeferredReplay = useCallback(() => {
    if (!deferredReplay.current) return
    deferredReplay.current = false
    replay.play()
  }, [replay])
  /** Makes the last applied round the change R replays (after opening a workshop, a reload, an import). */
  const rememberLastRound = useCallback(
    (w: Workshop) => {
      const r = w.rounds[w.rounds.length - 1]
      if (r.status === 'applied' && r.after && r.revealed) replay.setChange(r.before, r.after, `round ${r.number}`)
    },
    [replay]
  )

  const call = useCallback(
    async <M extends Method>(method: M, input: Input<M>, ok?: string): Promise<Output<M> | null> => {
      setBusy(true)
      try {
        const r = await api.call(method, input)
        if (!r.ok) {
          setStatus({ kind: 'error', text: r.error.message })
          return null
        }
        if (ok) setStatus({ kind: 'info', text: ok })
        return r.value
      } finally {
        setBusy(false)
      }
    },
    [api]
  )

  const adopt = useCallback((w: Workshop) => {
    setWorkshop(w)
    localStorage.setItem(ACTIVE_KEY, w.id)
  }, [])

  const open = useCallback(
    async (id: string, options: { keepRecoveredDraft?: boolean } = {}) => {
      const w = await call('workshop.get', { id })
      if (!w) return localStorage.removeItem(ACTIVE_KEY)
      adopt(w)
      const now = wsRef.current
      const round = w.rounds[w.rounds.length - 1]
      // After a reload, this tab's recovered draft of the workshop's scenario is the round as it stood, with
      // any change not yet recorded as a move: it stays (reopening the version would drop those changes).
      const keep = options.keepRecoveredDraft === true && now.recovered && now.current.id === w.scenarioId && round.status === 'open'
      if (!keep) await sync(w)
      rememberLastRound(w)
      const unrecorded = keep && canonicalJson({ ...now.doc, name: '' }) !== canonicalJson({ ...w.pending, name: '' })
      setStatus({ kind: 'info', text: `Opened workshop “${w.name}”, round ${w.rounds.length}.${unrecorded ? ' Changes not yet recorded as moves were recovered: record them for a team, or set them back.' : ''}` })
    },
    [call, adopt, sync, rememberLastRound]
  )

  // Back into the workshop after a reload, once the workspace has recovered this tab's draft (opening it
  // earlier would race the recovery: one would silently replace the other).
  const reopened = useRef(false)
  useEffect(() => {
    if (!ws.ready || reopened.current) return
    reopened.current = true
    const id = localStorage.getItem(ACTIVE_KEY)
    if (id) void open(id, { keepRecoveredDraft: true })
  }, [ws.ready, open])

  const close = useCallback(() => {
    setWorkshop(null)
    localStorage.removeItem(ACTIVE_KEY)
    setStatus(null)
  }, [])

  /** A change that answers with the workshop; `after` runs with the new copy. */
  const change = useCallback(
    async <M extends Method>(method: M, input: Input<M>, ok: string, after?: (w: Workshop) => Promise<void> | void) => {
      const w = (await call(method, input, ok)) as Workshop | null
      if (w) {
        adopt(w)
        await after?.(w)
      }
      return w
    },
    [call, adopt]
  )

  const id = workshop?.id ?? ''
  const round = workshop ? workshop.rounds[workshop.rounds.length - 1] : null
  return {
    workshop,
    round,
    status,
    setStatus,
    busy,
    takeDeferredReplay,
    /** The room does not see results: the round is hidden and not yet revealed. */
    resultsHidden: round !== null && round.hidden && !round.revealed,
    open,
    close,
    async create(input: Input<'workshop.create'>) {
      const w = await change('workshop.create', input, `Workshop “${input.name}” created: round 1 is open.`, sync)
      return w !== null
    },
    addTeam: (name: string) => change('workshop.addTeam', { id, name }, `Team “${name}” added.`),
    /** Records the draft's changes as the team's moves, with the rationale. */
    recordMoves: async (teamId: string, rationale: string) => {
      const before = workshop?.rounds.at(-1)?.moves.length ?? 0
      const w = await change('workshop.recordMoves', { id, teamId, rationale, doc: wsRef.current.doc }, 'Moves recorded.')
      if (w) {
        const n = (w.rounds.at(-1)?.moves.length ?? 0) - before
        const team = w.teams.find((t) => t.id === teamId)?.name ?? teamId
        setStatus({ kind: 'info', text: `Recorded ${n} move${n === 1 ? '' : 's'} for ${team}.` })
      }
      return w !== null
    },
    withdrawMove: (moveId: string) => change('workshop.withdrawMove', { id, moveId }, 'Move withdrawn.', (w) => wsRef.current.onEdit({ type: 'replace', doc: { ...w.pending, name: wsRef.current.doc.name } })),
    configure: (input: Omit<Input<'workshop.configureRound'>, 'id'>) => change('workshop.configureRound', { id, ...input }, input.hidden === undefined ? 'Round updated.' : input.hidden ? 'Results hidden until the reveal.' : 'Results shown.'),
    predict: (teamId: string, sector: Input<'workshop.predict'>['sector'], figure: number) => change('workshop.predict', { id, teamId, sector, figure }, 'Prediction recorded.'),
    /** Applies the round; the workspace opens the new version, and the change is ready to replay (played now if the room can see it). */
    apply: async () => {
      const pending = wsRef.current.doc
      if (workshop && canonicalJson({ ...pending, name: '' }) !== canonicalJson({ ...workshop.pending, name: '' })) {
        setStatus({ kind: 'error', text: 'The scenario has changes that are not recorded as moves. Record them for a team, or undo them, before applying the round.' })
        return null
      }
      return change('workshop.applyRound', { id }, 'Round applied.', async (w) => {
        const r = w.rounds[w.rounds.length - 1]
        await sync(w)
        if (r.after) replay.setChange(r.before, r.after, `round ${r.number}`)
        deferredReplay.current = r.revealed
        setStatus({ kind: 'info', text: r.revealed ? `Round ${r.number} applied: version saved. Close this dialog to see the change replayed; R replays it again.` : `Round ${r.number} applied; results stay hidden until the reveal.` })
      })
    },
    reveal: () =>
      change('workshop.reveal', { id }, 'Revealed: close this dialog to see the change replayed; R replays it again.', (w) => {
        const r = w.rounds[w.rounds.length - 1]
        if (r.after) replay.setChange(r.before, r.after, `round ${r.number}`)
        deferredReplay.current = true
      }),
    undo: () => change('workshop.undoRound', { id }, 'Round undone: the scenario is back where the round started; its moves can be changed and the round applied again.', sync),
    startRound: () => change('workshop.startRound', { id }, 'Next round started.', sync),
    exportFile: async () => {
      const r = await call('workshop.exportFile', { id, dialog: api.runtime === 'electron' })
      if (!r) return
      if (api.runtime === 'electron') return setStatus({ kind: 'info', text: r.savedTo ? `Saved ${r.savedTo}.` : 'Export cancelled.' })
      downloadText(r.fileName, r.contents)
      setStatus({ kind: 'info', text: `Downloaded ${r.fileName}.` })
    },
    importFile: async (file: { name: string; contents: string }) => {
      const r = await call('workshop.importFile', file)
      if (!r) return false
      adopt(r.workshop)
      await sync(r.workshop)
      rememberLastRound(r.workshop)
      setStatus({ kind: 'info', text: `Imported workshop “${r.workshop.name}”${r.renamedFrom ? ` (renamed from “${r.renamedFrom}”: the name was taken)` : ''}.` })
      return true
    },
    exportMoves: async () => {
      const r = await call('workshop.exportMoves', { id })
      if (r) setStatus({ kind: 'info', text: deliver(r) })
    },
    afterAction: async (format: 'pptx' | 'pdf') => {
      setStatus({ kind: 'info', text: `Building the after-action ${format === 'pptx' ? 'deck' : 'PDF'}…` })
      const r = await call('workshop.afterAction', { id, format })
      if (r) setStatus({ kind: 'info', text: deliver(r) })
    }
  }
}

export type WorkshopState = ReturnType<typeof useWorkshop>
