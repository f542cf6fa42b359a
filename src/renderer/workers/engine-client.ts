import { emptyLane, finish, submit, type JobKind, type JobRequest, type JobResponse, type Lane } from './protocol'
import { runJob, setEngineData } from './jobs'
import { model, uncertainty } from '../../shared/dataset'

// The main thread's jobs (the fallback) use the page's dataset; the worker gets a copy as its first message.
setEngineData({ model, uncertainty })

type Listener = (r: JobResponse, current: boolean) => void

/**
 * The one engine worker of the page. Heavy, non-urgent model work (Monte Carlo bands, attribution,
 * tornado) runs there so a toggle redraws the charts first. Where a worker cannot start (a locked-down
 * file:// origin, say) jobs run on the main thread after the frame, and the app says so.
 */
class EngineClient {
  private worker: Worker | null = null
  private lanes = new Map<JobKind, Lane>()
  private listeners = new Map<JobKind, Set<Listener>>()
  private nextId = 1
  fallback: string | null = null

  constructor() {
    try {
      this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'chokepoint-engine' })
      this.worker.onmessage = (e: MessageEvent<JobResponse>) => this.done(e.data)
      this.worker.postMessage({ init: { model, uncertainty } })
      this.worker.onerror = (e) => {
        e.preventDefault()
        this.useMainThread(`the engine worker failed (${e.message || 'no detail'})`)
      }
    } catch (e) {
      this.useMainThread(e instanceof Error ? e.message : String(e))
    }
  }

  private useMainThread(reason: string) {
    this.worker?.terminate()
    this.worker = null
    this.fallback = `Bands and sensitivity run on the main thread: ${reason}.`
    // Jobs sent to the dead worker will never answer: re-run what was in flight.
    for (const [kind, lane] of this.lanes) {
      const waiting = lane.waiting
      this.lanes.set(kind, emptyLane())
      if (waiting) this.request(kind, waiting.input)
    }
  }

  request(kind: JobKind, input: unknown): number {
    const req: JobRequest = { id: this.nextId++, kind, input }
    const { lane, send } = submit(this.lanes.get(kind) ?? emptyLane(), req)
    this.lanes.set(kind, lane)
    if (send) this.send(send)
    return req.id
  }

  private send(req: JobRequest) {
    if (this.worker) {
      this.worker.postMessage(req)
      return
    }
    setTimeout(() => {
      const t0 = performance.now()
      try {
        this.done({ id: req.id, kind: req.kind, ok: true, value: runJob(req.kind, req.input), ms: performance.now() - t0 })
      } catch (e) {
        this.done({ id: req.id, kind: req.kind, ok: false, error: e instanceof Error ? e.message : String(e) })
      }
    }, 0)
  }

  private done(r: JobResponse) {
    const { lane, send, current } = finish(this.lanes.get(r.kind) ?? emptyLane(), r.id)
    this.lanes.set(r.kind, lane)
    if (send) this.send(send)
    for (const l of this.listeners.get(r.kind) ?? []) l(r, current)
  }

  subscribe(kind: JobKind, l: Listener): () => void {
    const set = this.listeners.get(kind) ?? new Set()
    set.add(l)
    this.listeners.set(kind, set)
    return () => set.delete(l)
  }
}

let client: EngineClient | null = null
export const engineClient = () => (client ??= new EngineClient())
