import type { Input, Method, Output } from './contract'
import type { Result } from './result'
import type { AppEvent } from './channels'

/**
 * What the renderer holds: the same shape whether it talks IPC (desktop) or HTTP (web host).
 * `call` never throws for API errors; transport failures also come back as `{ok:false}`.
 */
export type Api = {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>
  /** Subscribe to backend events (menu commands); returns an unsubscribe function. */
  on(event: AppEvent, listener: () => void): () => void
  runtime: 'electron' | 'web'
}

/** The bridge the preload exposes as `window.api` (untyped transport; the client adds the types). */
export type PreloadBridge = {
  call(method: string, input: unknown): Promise<unknown>
  on(event: string, listener: () => void): () => void
}
