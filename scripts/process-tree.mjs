// Starting and ending the processes that tests and benchmarks run, so that none outlives its run (issue 17).
// Plain ESM so that both the TypeScript tests and the .mjs benchmarks can use it (types: process-tree.d.mts).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/** The environment variable every test/bench run sets on what it starts, so leftovers can be found by value. */
export const RUN_TAG = 'CHOKEPOINT_TEST_RUN'

/**
 * Command line of the web host without a launcher in between: `node --import tsx src/web/cli.ts`.
 * (`tsx cli.ts` starts a second Node process; killing tsx with SIGKILL left that one running, orphaned.)
 */
export const hostCommand = () => ({ command: process.execPath, args: ['--import', 'tsx', join(ROOT, 'src', 'web', 'cli.ts')], cwd: ROOT })

/** `spawn` as the leader of a new process group, so `killTree` can end it with everything it started (e.g. a PDF Chromium). */
export const spawnGroup = (command, args, options = {}) => spawn(command, args, { ...options, detached: true })

/** Sends `signal` to the process group `pid` leads; quiet when the group is gone. True if it was sent. */
export function signalGroup(pid, signal) {
  if (pid === undefined) return false
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

/** Sends `signal` to a running child's whole process group (falls back to the child alone where groups are not available). */
export function killTree(child, signal = 'SIGTERM') {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  if (signalGroup(child.pid, signal)) return
  try {
    child.kill(signal)
  } catch {
    /* already gone */
  }
}

const readProc = (pid, file) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`)
  } catch {
    return null
  }
}

/** Pid and its ancestors (never reported: the shell that runs a check carries the tag too). */
function lineage(pid) {
  const seen = new Set()
  for (let p = pid; p > 1 && !seen.has(p); ) {
    seen.add(p)
    const stat = readProc(p, 'stat')?.toString()
    // Field 4 (ppid) follows the command name in parentheses, which may itself contain spaces and ')'.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN
    if (!Number.isFinite(ppid)) break
    p = ppid
  }
  return seen
}

/** True where processes can be inspected (/proc, i.e. Linux); elsewhere the leak check says it cannot look. */
export const canInspect = () => existsSync('/proc/self/environ')

/**
 * Live processes whose environment has `name` (set to `value`, when given), except this process and its
 * ancestors. Zombies are not counted: they hold no resources but a table slot and vanish with their parent.
 */
export function findTagged(name, value) {
  const mine = lineage(process.pid)
  const wanted = value === undefined ? `${name}=` : `${name}=${value}`
  const found = []
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || mine.has(pid)) continue
    const env = readProc(pid, 'environ')
    if (!env) continue
    const vars = env.toString().split('\0')
    if (!vars.some((v) => (value === undefined ? v.startsWith(wanted) : v === wanted))) continue
    const stat = readProc(pid, 'stat')?.toString() ?? ''
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue
    const cmd = (readProc(pid, 'cmdline')?.toString() ?? '').split('\0').join(' ').trim()
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    found.push({ pid, ppid, cmd })
  }
  return found
}

/** SIGKILLs each listed process (and its group, when it leads one). */
export function killAll(processes) {
  for (const { pid } of processes) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL')
      } catch {
        /* not a group leader, or already gone */
      }
    }
  }
}
