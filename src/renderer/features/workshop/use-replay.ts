import { useCallback, useEffect, useRef, useState } from 'react'
import { evaluateView, type EvalResult, type ScenarioDoc } from '../../../core'
import { model } from '../../../shared/dataset'
import { canonicalJson } from '../../state/canonical-json'
import { blend, blendable, progressAt, REPLAY_MS } from './replay-frames'

export type Replay = {
  /** The blended result to draw while a replay runs; null otherwise (draw the live result). */
  frame: EvalResult | null
  /** What is replaying, for the live region ("Replaying: before → after"); null when idle. */
  caption: string | null
  /** Replays the last change (the key R); again restarts it. */
  play: () => void
  /** Makes `before → after` the change to replay (an applied round), optionally playing it now. */
  setChange: (before: ScenarioDoc, after: ScenarioDoc, label: string, playNow?: boolean) => void
  /** Shows a short message in the replay's caption instead of a replay (e.g. why there is nothing to show). */
  notice: (text: string) => void
  /** Whether there is a change to replay. */
  available: boolean
}

const NOTICE_MS = 2500
const sameContent = (a: ScenarioDoc, b: ScenarioDoc) => canonicalJson({ ...a, name: '' }) === canonicalJson({ ...b, name: '' })

/**
 * "Replay the last change": remembers the scenario before the latest edit (or the change a workshop round
 * applied) and, on demand, draws the transition before → after over about 1.5 s. Works wherever the charts
 * read `frame` (workspace and presentation mode). The frames are evaluated as the charts are (the scenario's
 * branch view), so a replay starts from the picture the room saw and lands on the one it will see.
 *
 * `scenarioId` is the library scenario the draft belongs to: opening another scenario is not a change to
 * replay (it would animate from one scenario to an unrelated one), so it forgets the last change — unless
 * that change ends where the new document is (a round applied and its version reopened).
 */
export function useReplay(doc: ScenarioDoc, scenarioId: string | null = null): Replay {
  const last = useRef<{ before: ScenarioDoc; after: ScenarioDoc; label: string } | null>(null)
  const seen = useRef<{ doc: ScenarioDoc; id: string | null }>({ doc, id: scenarioId })
  const [available, setAvailable] = useState(false)
  const [frame, setFrame] = useState<EvalResult | null>(null)
  const [caption, setCaption] = useState<string | null>(null)
  const raf = useRef(0)
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Every edit of the draft becomes the one to replay. A new document with the same content (a saved
  // version reopened after a round is applied) is no change: the round's own before → after stays.
  useEffect(() => {
    const was = seen.current
    if (was.doc === doc && was.id === scenarioId) return
    seen.current = { doc, id: scenarioId }
    if (was.id !== scenarioId) {
      if (last.current && !sameContent(last.current.after, doc)) {
        last.current = null
        setAvailable(false)
      }
      return
    }
    if (!sameContent(was.doc, doc)) {
      last.current = { before: was.doc, after: doc, label: 'the last change' }
      setAvailable(true)
    }
  }, [doc, scenarioId])
  useEffect(
    () => () => {
      cancelAnimationFrame(raf.current)
      if (noticeTimer.current) clearTimeout(noticeTimer.current)
    },
    []
  )

  const notice = useCallback((text: string) => {
    cancelAnimationFrame(raf.current)
    setFrame(null)
    setCaption(text)
    if (noticeTimer.current) clearTimeout(noticeTimer.current)
    noticeTimer.current = setTimeout(() => setCaption(null), NOTICE_MS)
  }, [])

  const run = useCallback(
    (before: ScenarioDoc, after: ScenarioDoc, label: string) => {
      cancelAnimationFrame(raf.current)
      if (noticeTimer.current) clearTimeout(noticeTimer.current)
      let a: EvalResult
      let b: EvalResult
      try {
        a = evaluateView(model, before)
        b = evaluateView(model, after)
      } catch {
        return
      }
      if (!blendable(a, b)) return notice('The last change altered the horizon: there is no transition to replay.')
      setCaption(`Replaying ${label}: before → after`)
      const t0 = performance.now()
      const step = (now: number) => {
        const elapsed = now - t0
        if (elapsed >= REPLAY_MS) {
          setFrame(null)
          setCaption(null)
          return
        }
        setFrame(blend(a, b, progressAt(elapsed)))
        raf.current = requestAnimationFrame(step)
      }
      setFrame(a)
      raf.current = requestAnimationFrame(step)
    },
    [notice]
  )

  const play = useCallback(() => {
    const change = last.current
    if (change) run(change.before, change.after, change.label)
    else notice('Nothing to replay yet: make a change or apply a round first.')
  }, [run, notice])

  const setChange = useCallback(
    (before: ScenarioDoc, after: ScenarioDoc, label: string, playNow = false) => {
      last.current = { before, after, label }
      setAvailable(true)
      if (playNow) run(before, after, label)
    },
    [run]
  )

  return { frame, caption, play, setChange, notice, available }
}
