/// <reference lib="webworker" />
import { runJob, setEngineData, type EngineData } from './jobs'
import type { JobRequest, JobResponse } from './protocol'

// The engine worker: first the dataset (the client's validated copy), then one job at a time; the client
// keeps at most one more waiting per kind.
self.onmessage = (e: MessageEvent<JobRequest | { init: EngineData }>) => {
  if ('init' in e.data) {
    setEngineData(e.data.init)
    return
  }
  const { id, kind, input } = e.data
  const t0 = performance.now()
  let msg: JobResponse
  try {
    msg = { id, kind, ok: true, value: runJob(kind, input), ms: performance.now() - t0 }
  } catch (err) {
    msg = { id, kind, ok: false, error: err instanceof Error ? err.message : String(err) }
  }
  ;(self as unknown as { postMessage: (m: JobResponse) => void }).postMessage(msg)
}
