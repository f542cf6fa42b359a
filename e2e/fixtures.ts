import { test as base, expect } from '@playwright/test'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hostCommand, killTree, spawnGroup } from '../scripts/process-tree.mjs'

export type WebHost = { url: string; origin: string; token: string; dataDir: string; process: ChildProcess; stop: () => Promise<void> }

/**
 * Starts the real web host (`node --import tsx src/web/cli.ts`, no launcher process in between) as its own
 * process group on a random port over a data dir; resolves once it prints its URL.
 */
export async function startHost(dataDir: string): Promise<WebHost> {
  const { command, args, cwd } = hostCommand()
  const child = spawnGroup(command, args, {
    cwd,
    env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir, CHOKEPOINT_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      killTree(child, 'SIGKILL')
      reject(new Error(`web host did not start:\n${output}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = output.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    process: child,
    // A host that ignores SIGTERM is a bug: kill it after 10 s and say so, rather than hang the run.
    stop: () =>
      new Promise<void>((resolveStop, reject) => {
        if (child.exitCode !== null) return resolveStop()
        const timer = setTimeout(() => {
          killTree(child, 'SIGKILL')
          reject(new Error('the web host did not stop within 10 s of SIGTERM'))
        }, 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolveStop()
        })
        killTree(child, 'SIGTERM')
      })
  }
}

/** Each test gets a fresh data dir and its own web host. */
export const test = base.extend<{ host: WebHost }>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-e2e-'))
    const host = await startHost(dataDir)
    await use(host)
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect }
