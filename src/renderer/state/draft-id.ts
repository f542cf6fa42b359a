const KEY = 'chokepoint.draftId'
const VALID = /^[A-Za-z0-9_-]{4,64}$/

/**
 * This window's or tab's own draft id. Kept in sessionStorage, which belongs to one tab and survives its
 * reloads: a reloaded tab finds its own draft again, and two tabs (or the desktop window and a browser tab)
 * never autosave over each other's work.
 */
export function tabDraftId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = sessionStorageOrNull()): string {
  const existing = storage?.getItem(KEY)
  if (existing && VALID.test(existing)) return existing
  const id = crypto.randomUUID()
  storage?.setItem(KEY, id)
  return id
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null // storage disabled: a fresh id per page load still keeps tabs apart
  }
}

/**
 * Numbers this tab's draft writes in the order they are made, across reloads too (it starts from the clock),
 * so the backend can ignore a write that lands after a newer one.
 */
export function createSequence(now: () => number = Date.now): () => number {
  let last = 0
  return () => (last = Math.max(last + 1, now() * 1000))
}
