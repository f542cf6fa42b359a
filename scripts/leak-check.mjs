#!/usr/bin/env node
// Runs a command with a run tag in its environment, then fails if anything it started is still alive (issue 17).
//
//   node scripts/leak-check.mjs [--tag NAME] -- <command> [args…]
//       runs the command with NAME=<fresh id> (default NAME: CHOKEPOINT_TEST_RUN); when it has ended, waits up
//       to 5 s for stragglers, lists and kills what is left, and exits 1 if anything was (else the command's code)
//   node scripts/leak-check.mjs --scan NAME[=VALUE] [--kill]
//       lists live processes carrying that variable (not this one or its ancestors); exits 1 if there are any
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { RUN_TAG, canInspect, findTagged, killAll } from './process-tree.mjs'

const argv = process.argv.slice(2)

function report(left, what) {
  console.error(`\n[leak-check] ${left.length} process(es) started by ${what} are still running:`)
  for (const p of left) console.error(`  pid ${p.pid}: ${p.cmd.slice(0, 200)}`)
}

/** Leftovers after a grace period: a process that is exiting (or forking as it ends) gets time to finish. */
async function settle(name, value) {
  await new Promise((r) => setTimeout(r, 300))
  const until = Date.now() + 5_000
  let left = findTagged(name, value)
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200))
    left = findTagged(name, value)
  }
  return left
}

if (argv[0] === '--scan') {
  const [name, value] = (argv[1] ?? '').split(/=(.*)/s)
  if (!name) {
    console.error('usage: leak-check.mjs --scan NAME[=VALUE] [--kill]')
    process.exit(2)
  }
  if (!canInspect()) {
    console.log('[leak-check] cannot inspect processes on this system (no /proc): not checked')
    process.exit(0)
  }
  const left = await settle(name, value || undefined)
  if (!left.length) {
    console.log(`[leak-check] no leftover process carries ${argv[1]}`)
    process.exit(0)
  }
  report(left, `this run (${argv[1]})`)
  if (argv.includes('--kill')) {
    killAll(left)
    console.error('[leak-check] killed them')
  }
  process.exit(1)
}

const sep = argv.indexOf('--')
if (sep < 0 || sep === argv.length - 1) {
  console.error('usage: leak-check.mjs [--tag NAME] -- <command> [args…]')
  process.exit(2)
}
const tagAt = argv.indexOf('--tag')
const name = tagAt >= 0 && tagAt < sep ? argv[tagAt + 1] : RUN_TAG
const [command, ...args] = argv.slice(sep + 1)
const value = randomUUID()
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, [name]: value } })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
const code = await new Promise((r) => {
  child.on('exit', (c, s) => r(c ?? (s ? 1 : 0)))
  child.on('error', (e) => {
    console.error(`[leak-check] could not run ${command}: ${e.message}`)
    r(127)
  })
})
if (!canInspect()) {
  console.log('[leak-check] cannot inspect processes on this system (no /proc): leftovers not checked')
  process.exit(code)
}
const left = await settle(name, value)
if (left.length) {
  report(left, `\`${[command, ...args].join(' ')}\``)
  killAll(left)
  console.error('[leak-check] killed them; failing the run: whatever started them must stop them (see scripts/process-tree.mjs)')
  process.exit(1)
}
console.log(`[leak-check] \`${[command, ...args].join(' ')}\` left no process behind`)
process.exit(code)
