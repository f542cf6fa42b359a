/**
 * CPU time for tests that bound how much work something does. Wall-clock bounds fail on a loaded machine
 * (seven engineers' test runs on two cores: a 50 ms job can take 2 s of wall time); this process's own CPU
 * time (user + system, `process.cpuUsage`) barely moves with the load, and comparing it with a calibration
 * job measured in the same process at the same moment cancels most of what is left. Test-only: it reads the
 * Node process, which core code never does (hence typed here rather than through Node's types, which core's
 * tsconfig leaves out).
 */

type CpuUsage = { user: number; system: number }
type NodeProcess = { cpuUsage(previous?: CpuUsage): CpuUsage }

function cpuClock(): NodeProcess {
  const p = (globalThis as { process?: NodeProcess }).process
  if (!p || typeof p.cpuUsage !== 'function') throw new Error('cpu-time.ts measures Node CPU time: tests only.')
  return p
}

/** CPU milliseconds this process spent while `f` ran (synchronous work). */
export function cpuMsOnce(f: () => unknown): number {
  const clock = cpuClock()
  const start = clock.cpuUsage()
  f()
  const used = clock.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** The least of `runs` runs of `cpuMsOnce(f)`: the run least disturbed by a GC pause or a cache-cold start. */
export function cpuMs(f: () => unknown, runs = 2): number {
  return Math.min(...Array.from({ length: runs }, () => cpuMsOnce(f)))
}

/** CPU milliseconds this process spent until `f`'s promise settled (its own work and anything it awaits in process). */
export async function cpuMsAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const clock = cpuClock()
  const start = clock.cpuUsage()
  const value = await f()
  const used = clock.cpuUsage(start)
  return { ms: (used.user + used.system) / 1000, value }
}
