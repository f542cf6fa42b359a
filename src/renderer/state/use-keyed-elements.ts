import { useRef, type ReactElement } from 'react'

/**
 * Elements built per item and reused while the item's signature is unchanged, so React skips every item
 * that did not change (recharts re-registers any series or reference line it re-renders).
 */
export function useKeyedElements<T>(items: readonly T[], keyOf: (t: T) => string, signature: (t: T) => string, make: (t: T) => ReactElement): ReactElement[] {
  const cache = useRef(new Map<string, { sig: string; el: ReactElement }>())
  const next = new Map<string, { sig: string; el: ReactElement }>()
  const out = items.map((item) => {
    const key = keyOf(item)
    const sig = signature(item)
    const hit = cache.current.get(key)
    const entry = hit && hit.sig === sig ? hit : { sig, el: make(item) }
    next.set(key, entry)
    return entry.el
  })
  cache.current = next
  return out
}
