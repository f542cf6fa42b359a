// Test and benchmark support: runs the real web host (`node --import tsx src/web/cli.ts`) as its own process group.
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hostCommand, killTree, signalGroup, spawnGroup } from '../../../scripts/process-tree.mjs'

export type HostProcess = {
  port: number
  token: string
  origin: string
  child: ChildProcess
  /** Sends `signal` to the host's whole process group (the host and anything it started, e.g. a PDF Chromium). */
  kill: (signal?: NodeJS.Signals) => void
  /** Everything the host printed so far (stdout and stderr). */
  output: () => string
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>
  stop: () => Promise<number | string>
}

export type HostOptions = {
  dataDir: string
  /** A folder with an index.html; defaults to a stub written into `<dataDir>/../renderer-stub`. */
  rendererDir?: string
  args?: string[]
  env?: Record<string, string>
  /** Let file permissions bind even when run as root: e.g. to test a read-only data folder, which root could still write. */
  obeyPermissions?: boolean
}

/** A minimal renderer folder, so the host runs before (or without) a renderer build. */
export function stubRenderer(dir: string): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Chokepoint</title>')
  return dir
}

/**
 * Root writes through permission bits (CAP_DAC_OVERRIDE). To see what a user sees in an unwritable folder,
 * the host runs without that capability (util-linux `setpriv`), still as root: it can read the checkout
 * wherever it is, and the folder's bits apply to it as to anyone else. Not root: the bits apply already.
 */
const WITHOUT_OVERRIDE = ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-dac_override,-dac_read_search', '--']

function launch(options: HostOptions) {
  const rendererDir = options.rendererDir ?? stubRenderer(join(options.dataDir, '..', 'renderer-stub'))
  const { command: node, args: hostArgs, cwd } = hostCommand()
  const host = [node, ...hostArgs, ...(options.args ?? [])]
  const [command, ...args] = options.obeyPermissions && process.getuid?.() === 0 ? ['setpriv', ...WITHOUT_OVERRIDE, ...host] : host
  // Its own process group, so stopping it also stops anything it started (a PDF export's Chromium).
  const child = spawnGroup(command, args, {
    cwd,
    env: { ...process.env, CHOKEPOINT_DATA_DIR: options.dataDir, CHOKEPOINT_PORT: '0', CHOKEPOINT_RENDERER_DIR: rendererDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  live.add(child)
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | string>((r) =>
    child.once('exit', (code, signal) => {
      // The group may outlive its leader (a Chromium the host started): end it too.
      signalGroup(child.pid, 'SIGKILL')
      live.delete(child)
      r(code ?? signal ?? -1)
    })
  )
  return { child, output: () => output, exited, kill: (signal: NodeJS.Signals = 'SIGTERM') => killTree(child, signal) }
}

/** Every host process group started here and not yet gone. */
const live = new Set<ChildProcess>()

/** SIGKILLs every host process group still running (for a test's afterAll, whatever happened before). */
export function killAllHosts(): void {
  for (const child of live) signalGroup(child.pid, 'SIGKILL')
}
process.once('exit', killAllHosts)

/** Starts the host and resolves once it printed its URL (rejects with its output if it exits first). */
export async function startHostProcess(options: HostOptions, timeoutMs = 30_000): Promise<HostProcess> {
  const { child, output, exited, kill } = launch(options)
  const url = await new Promise<URL>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      kill('SIGKILL') // nobody else holds it yet: a host that never printed its URL must not outlive the test
      reject(new Error(`web host did not start in ${timeoutMs} ms:\n${output()}`))
    }, timeoutMs)
    const look = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output())
      if (m) {
        clearTimeout(timer)
        resolveUrl(new URL(m[1]))
      }
    }
    child.stdout?.on('data', look)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited (${code}):\n${output()}`))
    })
  })
  return {
    port: Number(url.port),
    token: url.searchParams.get('token') ?? '',
    origin: url.origin,
    child,
    kill,
    output,
    exited,
    stop: () => {
      kill('SIGTERM')
      return exited
    }
  }
}

/** Runs the host expecting it to refuse to start; resolves with its exit code and output. */
export async function runHostToExit(options: HostOptions, timeoutMs = 30_000): Promise<{ code: number | string; output: string }> {
  const { output, exited, kill } = launch(options)
  const timer = setTimeout(() => kill('SIGKILL'), timeoutMs)
  const code = await exited
  clearTimeout(timer)
  return { code, output: output() }
}
