import { useCallback, useEffect, useRef, useState } from 'react'
import { evaluate, type EvalResult, type ScenarioDoc } from '../../../core'
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
  /** Whether there is a change to replay. */
  available: boolean
}

/**
 * "Replay the last change": remembers the scenario before the latest edit (or the change a workshop round
 * applied) and, on demand, draws the transition before → after over about 1.5 s. Works wherever the charts
 * read `frame` (workspace and presentation mode).
 */
export function useReplay(doc: ScenarioDoc): Replay {
  const last = useRef<{ before: ScenarioDoc; after: ScenarioDoc; label: string } | null>(null)
  const seen = useRef<ScenarioDoc>(doc)
  const [available, setAvailable] = useState(false)
  const [frame, setFrame] = useState<EvalResult | null>(null)
  const [caption, setCaption] = useState<string | null>(null)
  const raf = useRef(0)

  // Every change of the draft becomes the one to replay. A new document with the same content (a saved
  // version reopened after a round is applied) is no change: the round's own before → after stays.
  useEffect(() => {
    if (seen.current === doc) return
    const same = canonicalJson({ ...seen.current, name: '' }) === canonicalJson({ ...doc, name: '' })
    if (!same) {
      last.current = { before: seen.current, after: doc, label: 'the last change' }
      setAvailable(true)
    }
    seen.current = doc
  }, [doc])
  useEffect(() => () => cancelAnimationFrame(raf.current), [])

  const run = useCallback((before: ScenarioDoc, after: ScenarioDoc, label: string) => {
    cancelAnimationFrame(raf.current)
    let a: EvalResult
    let b: EvalResult
    try {
      a = evaluate(model, before)
      b = evaluate(model, after)
    } catch {
      return
    }
    if (!blendable(a, b)) {
      setCaption('The last change altered the horizon: there is no transition to replay.')
      setTimeout(() => setCaption(null), 2500)
      return
    }
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
  }, [])

  const play = useCallback(() => {
    const change = last.current
    if (change) run(change.before, change.after, change.label)
  }, [run])

  const setChange = useCallback(
    (before: ScenarioDoc, after: ScenarioDoc, label: string, playNow = false) => {
      last.current = { before, after, label }
      setAvailable(true)
      if (playNow) run(before, after, label)
    },
    [run]
  )

  return { frame, caption, play, setChange, available }
}
