import { useEffect, useState } from 'react'
import { engineClient } from './engine-client'
import type { JobKind } from './protocol'

export type JobState<T> = { value: T | null; pending: boolean; error: string | null; ms: number | null }

/**
 * Runs `input` through a worker job whenever it changes (by identity: memoize it), keeping the last
 * answer on screen until the newest arrives. `null` input means "not needed now" (nothing is computed).
 */
export function useJob<T>(kind: JobKind, input: unknown | null): JobState<T> {
  const [state, setState] = useState<JobState<T>>({ value: null, pending: false, error: null, ms: null })
  useEffect(() => {
    if (input === null) return
    const client = engineClient()
    let mine = -1
    const off = client.subscribe(kind, (r, current) => {
      if (!current || r.id < mine) return
      setState(r.ok ? { value: r.value as T, pending: false, error: null, ms: r.ms } : (s) => ({ ...s, pending: false, error: r.error }))
    })
    mine = client.request(kind, input)
    setState((s) => (s.pending ? s : { ...s, pending: true }))
    return off
  }, [kind, input])
  return state
}
