import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const LEAK_CHECK = join(resolve(import.meta.dirname), 'leak-check.mjs')
// A tag of its own, so this test's leftovers are told apart from the run it is part of.
const run = (script: string) =>
  spawnSync(process.execPath, [LEAK_CHECK, '--tag', 'CHOKEPOINT_LEAK_TEST', '--', process.execPath, '-e', script], { encoding: 'utf8', timeout: 20_000 })

/** Running, as /proc tells it: a killed process may linger as a zombie until something reaps it. */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

describe.runIf(process.platform === 'linux')('leak-check', () => {
  it('fails a run that leaves a detached process behind, names it and kills it', () => {
    const r = run(`const c = require('node:child_process').spawn('sleep', ['60'], { detached: true, stdio: 'ignore' }); c.unref(); console.log('child', c.pid)`)
    const pid = Number(/child (\d+)/.exec(r.stdout)?.[1])
    expect(pid).toBeGreaterThan(1)
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`pid ${pid}: sleep 60`)
    expect(alive(pid)).toBe(false)
  })

  it('passes a run that stops what it starts, and keeps the command’s own exit code', () => {
    const clean = run(`const c = require('node:child_process').spawn('sleep', ['60'], { detached: true, stdio: 'ignore' }); process.kill(-c.pid, 'SIGTERM'); process.exitCode = 3`)
    expect(clean.stderr).not.toContain('still running')
    expect(clean.status).toBe(3)
  })
})
