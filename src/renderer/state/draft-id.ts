const KEY = 'chokepoint.draftId'
/** Set as the page goes away (reload, navigation, closing): the next load of this tab may take the id back. */
const RELEASED_KEY = 'chokepoint.draftReleased'
const VALID = /^[A-Za-z0-9_-]{4,64}$/
/** Tabs of this app ask each other here who holds a draft id. */
export const DRAFT_CHANNEL = 'chokepoint.drafts'
/** How long a tab waits for another to say "that draft id is mine" (ms): a few ms when idle; a busy or
 * throttled background tab can take hundreds. Only a duplicated or crashed tab waits (a reload does not). */
export const PROBE_MS = 1_000

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * This tab's draft id, as the page loads. Kept in sessionStorage, which belongs to one tab and survives its
 * reloads, so a reloaded tab finds its own draft again and two tabs never autosave over each other's work.
 * But the browser copies sessionStorage into a duplicated tab: the copy would take the original's id, and
 * the two would overwrite one draft. So a page that goes away says so (`releaseDraftIdOnUnload`), and:
 * - the id was released: this is the same tab reloaded — it keeps the id;
 * - no id: a new tab — a new id;
 * - an id nobody released: a duplicated tab (its original is still open), or a tab that crashed before it
 *   could say so. `unreleased` names the id; `probeDraftOwner` tells the two apart.
 */
export type DraftIdentity = { draftId: string; unreleased: string | null }

export function tabDraftIdentity(storage: Store | null = sessionStorageOrNull(), newId: () => string = () => crypto.randomUUID()): DraftIdentity {
  const existing = storage?.getItem(KEY) ?? null
  const released = storage?.getItem(RELEASED_KEY) ?? null
  storage?.removeItem(RELEASED_KEY)
  if (existing && VALID.test(existing)) return { draftId: existing, unreleased: released === existing ? null : existing }
  const id = newId()
  storage?.setItem(KEY, id)
  return { draftId: id, unreleased: null }
}

/** This tab takes a new draft id (it turned out to be a copy of another tab). */
export function takeNewDraftId(storage: Store | null = sessionStorageOrNull(), newId: () => string = () => crypto.randomUUID()): string {
  const id = newId()
  storage?.setItem(KEY, id)
  return id
}

/**
 * Marks the id released when the page goes away, and takes the mark back if the page comes back from the
 * back-forward cache (it is alive again: a tab duplicated from it later must not take its id). Returns the
 * cleanup.
 */
export function releaseDraftIdOnUnload(draftId: () => string, storage: Store | null = sessionStorageOrNull()): () => void {
  const hide = () => storage?.setItem(RELEASED_KEY, draftId())
  const show = (e: PageTransitionEvent) => {
    if (e.persisted) storage?.removeItem(RELEASED_KEY)
  }
  window.addEventListener('pagehide', hide)
  window.addEventListener('pageshow', show)
  return () => {
    window.removeEventListener('pagehide', hide)
    window.removeEventListener('pageshow', show)
  }
}

/** This page load (a tab's pages each get their own): a tab never answers its own question. */
const PAGE_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random())

type Who = { type: 'who'; draftId: string; from: string }
type Mine = { type: 'mine'; draftId: string; to: string; scenarioId: string | null }
/** What the tab holding a draft id answers: which saved scenario its draft belongs to (a copy opens it). */
export type DraftOwner = { scenarioId: string | null }

/**
 * Asks the other open tabs whether one of them holds `draftId`; resolves with its answer, or null when none
 * answers within `PROBE_MS` (then nobody holds it: it was this tab's, before a crash). Without
 * BroadcastChannel there is nobody to ask: null.
 */
export function probeDraftOwner(draftId: string, wait = PROBE_MS): Promise<DraftOwner | null> {
  if (typeof BroadcastChannel === 'undefined') return Promise.resolve(null)
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(DRAFT_CHANNEL)
    const done = (owner: DraftOwner | null) => {
      clearTimeout(timer)
      channel.close()
      resolve(owner)
    }
    const timer = setTimeout(() => done(null), wait)
    channel.onmessage = (e: MessageEvent<Who | Mine>) => {
      if (e.data?.type === 'mine' && e.data.to === PAGE_ID && e.data.draftId === draftId) done({ scenarioId: e.data.scenarioId })
    }
    channel.postMessage({ type: 'who', draftId, from: PAGE_ID } satisfies Who)
  })
}

/**
 * Answers other tabs' `probeDraftOwner` for this tab's draft id while the tab is open (`current` returns null
 * while this tab does not yet know its id for sure); returns the cleanup.
 */
export function answerDraftProbes(current: () => { draftId: string; scenarioId: string | null } | null): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(DRAFT_CHANNEL)
  channel.onmessage = (e: MessageEvent<Who | Mine>) => {
    const now = current()
    if (now && e.data?.type === 'who' && e.data.from !== PAGE_ID && e.data.draftId === now.draftId) channel.postMessage({ type: 'mine', draftId: now.draftId, to: e.data.from, scenarioId: now.scenarioId } satisfies Mine)
  }
  return () => channel.close()
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
