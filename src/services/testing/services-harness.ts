import { afterEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Input, Method, Output } from '../../shared/contract'
import { createServices, type Services } from '..'

/**
 * Services over a temporary data folder for service tests: a ticking clock (1 s per call), no log, a fake
 * PDF printer. Every instance is closed and every folder removed after each test; `close` closes one early
 * (a restart on the same SQLite file) and leaves its folder to the after-each clean-up.
 */
export function servicesHarness(prefix: string) {
  const open: Services[] = []
  const dirs: string[] = []
  afterEach(() => {
    open.splice(0).forEach((s) => s.close())
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
  })
  const make = (dataDir = mkdtempSync(join(tmpdir(), prefix))) => {
    if (!dirs.includes(dataDir)) dirs.push(dataDir)
    let t = Date.UTC(2026, 11, 1, 9, 0, 0)
    const s = createServices({ dataDir, runtime: 'web', clock: () => new Date((t += 1000)), log: () => {}, pdfPrinter: async ({ html }) => new TextEncoder().encode(`%PDF-fake ${html.length}`) })
    open.push(s)
    return { ...s, dataDir }
  }
  const close = (s: Services): void => {
    s.close()
    open.splice(open.indexOf(s), 1)
  }
  return { make, close }
}

/** Calls a method and returns its value, failing the test with the error message otherwise. */
export async function call<M extends Method>(s: Services, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await s.dispatch(method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as Output<M>
}
