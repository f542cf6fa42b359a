/**
 * Messages between the renderer and the engine worker. Each job kind is "latest wins": while one job of a
 * kind runs, newer requests of that kind replace each other, so a slider drag never queues up stale work.
 */
export type JobKind = 'bands' | 'attribution' | 'tornado' | 'evidence' | 'variance'
export type JobRequest = { id: number; kind: JobKind; input: unknown }
export type JobResponse = { id: number; kind: JobKind; ok: true; value: unknown; ms: number } | { id: number; kind: JobKind; ok: false; error: string }

/** Per-kind scheduler state: the job in flight and the newest one waiting behind it. Pure, tested. */
export type Lane = { running: number | null; waiting: JobRequest | null }

export const emptyLane = (): Lane => ({ running: null, waiting: null })

/** A new request: send it now if the lane is idle, otherwise it replaces whatever was waiting. */
export function submit(lane: Lane, req: JobRequest): { lane: Lane; send: JobRequest | null } {
  if (lane.running === null) return { lane: { running: req.id, waiting: null }, send: req }
  return { lane: { running: lane.running, waiting: req }, send: null }
}

/** A job finished: start the waiting one, if any. `current` tells whether the answer is the newest asked for. */
export function finish(lane: Lane, id: number): { lane: Lane; send: JobRequest | null; current: boolean } {
  if (lane.running !== id) return { lane, send: null, current: false }
  const next = lane.waiting
  return { lane: { running: next?.id ?? null, waiting: null }, send: next, current: next === null }
}
