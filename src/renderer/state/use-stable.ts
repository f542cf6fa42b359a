import { useRef } from 'react'

/**
 * Returns the previous value when the new one is deeply equal (JSON-comparable data), so memoized
 * children whose data did not change skip re-rendering after an unrelated edit.
 */
export function useStable<T>(value: T): T {
  const ref = useRef<{ value: T; json: string } | null>(null)
  const json = JSON.stringify(value)
  if (ref.current === null || ref.current.json !== json) ref.current = { value, json }
  return ref.current.value
}
