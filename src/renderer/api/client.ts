import { contract, type Input, type Method, type Output } from '../../shared/contract'
import { fail, type Result } from '../../shared/result'
import type { Api, PreloadBridge } from '../../shared/api'
import type { AppEvent } from '../../shared/channels'

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    api?: PreloadBridge
  }
}

const TOKEN_KEY = 'chokepoint.token'

/**
 * The one API client. In the desktop app it goes through the preload bridge (IPC); in a browser it posts
 * to the web host with the per-run token. Either way the answer is checked against the contract, so the
 * renderer cannot tell the two apart.
 */
export function createApi(): Api {
  const bridge = window.api
  if (bridge) return { runtime: 'electron', call: (m, i) => checked(m, bridge.call(m, i)), on: (e, l) => bridge.on(e, l) }
  const token = takeToken()
  return {
    runtime: 'web',
    call: (method, input) => checked(method, httpCall(method, input, token)),
    on: (event: AppEvent, listener: () => void) => {
      const handler = (e: Event) => {
        if ((e as CustomEvent<AppEvent>).detail === event) listener()
      }
      window.addEventListener('chokepoint:event', handler)
      return () => window.removeEventListener('chokepoint:event', handler)
    }
  }
}

/** The web host prints a URL with `?token=`; keep it for this tab (reloads included) and drop it from the address bar. */
function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

async function httpCall(method: string, input: unknown, token: string | null): Promise<unknown> {
  if (!token) return fail('forbidden', 'This page has no access token. Open the URL printed by `npm run web`.')
  const body = JSON.stringify(input ?? {})
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    // A draft written as the tab closes must still arrive: keepalive lets the request outlive the page
    // (browsers allow it up to 64 KB in flight, so only for drafts, which are a few KB).
    keepalive: method.startsWith('draft.') && body.length < 60_000
  })
  return response.json()
}

async function checked<M extends Method>(method: M, pending: Promise<unknown>): Promise<Result<Output<M>>> {
  let raw: unknown
  try {
    raw = await pending
  } catch (e) {
    return fail('internal', `Could not reach the Chokepoint backend: ${e instanceof Error ? e.message : String(e)}`)
  }
  const r = raw as Result<unknown>
  if (r && r.ok === false && r.error && typeof r.error.message === 'string') return r as Result<never>
  if (!r || r.ok !== true) return fail('internal', `Malformed answer from the backend for ${method}.`)
  const parsed = contract[method].output.safeParse(r.value)
  return parsed.success ? { ok: true, value: parsed.data as Output<M> } : fail('internal', `The backend's answer to ${method} did not match the contract.`)
}

export type { Api, Input }
