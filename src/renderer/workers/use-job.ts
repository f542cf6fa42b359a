import { useEffect, useState } from 'react'
import { engineClient } from './engine-client'
import type { JobKind } from './protocol'

export type JobState<T> = { value: T | null; pending: boolean; error: string | null; ms: number | null }

type Answer<T> = { input: unknown; value: T | null; error: string | null; ms: number | null }

/**
 * Runs `input` through a worker job whenever it changes (by identity: memoize it), keeping the last
 * answer on screen until the newest arrives. `null` input means "not needed now" (nothing is computed).
 * Asking sets no state: `pending` is derived (the answer is for another input), so a toggle does not
 * cost an extra render before the charts paint.
 */
export function useJob<T>(kind: JobKind, input: unknown | null): JobState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ input: null, value: null, error: null, ms: null })
  useEffect(() => {
    if (input === null) return
    const client = engineClient()
    const off = client.subscribe(kind, (r, current) => {
      if (!current) return
      setAnswer((a) => (r.ok ? { input, value: r.value as T, error: null, ms: r.ms } : { ...a, input, error: r.error }))
    })
    client.request(kind, input)
    return off
  }, [kind, input])
  return { value: answer.value, error: answer.error, ms: answer.ms, pending: input !== null && answer.input !== input }
}
