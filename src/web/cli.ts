// `npm run web`: serve the built renderer and the API on 127.0.0.1 over the same services as the desktop app.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createServices, DATABASE_FILE, defaultDataDir, type Services } from '../services'
import { describeActions, recover, recoveryAdvice, RECOVERY_ACTIONS, type RecoveryAction } from '../services/backup-recovery'
import { startWebHost } from './server'

// CHOKEPOINT_RENDERER_DIR lets the crash test and the load benchmark run the real host before a build exists.
const rendererDir = resolve(process.env.CHOKEPOINT_RENDERER_DIR || resolve(import.meta.dirname, '../../out/renderer'))
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run `npm run web` (it builds first) or `npm run build`.')
  process.exit(1)
}

const dataDir = defaultDataDir()
const dbFile = join(dataDir, DATABASE_FILE)
const requested = requestedRecovery(process.argv.slice(2), process.env.CHOKEPOINT_RECOVER)
const services = openOrExplain()
const port = Number(process.env.CHOKEPOINT_PORT ?? 0)
const host = await startWebHost({ dispatch: services.dispatch, rendererDir, port, token: process.env.CHOKEPOINT_TOKEN || undefined })
console.log(`Chokepoint web host: ${host.url}`)
console.log(`Data: ${dataDir}`)
console.log('Open the URL above in a browser (it carries this run\'s access token). Ctrl+C stops.')

const stop = () => {
  host.close().finally(() => {
    services.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

/**
 * Opens the data. If that fails, a recovery the person asked for (`--restore-backup` / `--start-fresh`, or
 * CHOKEPOINT_RECOVER) is applied and opening is retried; otherwise the problem and the ways forward are
 * printed and the host exits non-zero. A recovery is only ever applied to a database that failed to open,
 * so a flag left in a shell alias cannot replace a healthy library.
 */
function openOrExplain(): Services {
  try {
    return createServices({ dataDir, runtime: 'web' })
  } catch (e) {
    const advice = recoveryAdvice(e, dbFile)
    if (requested && advice.actions.includes(requested)) {
      let outcome
      try {
        outcome = recover(requested, dbFile, new Date())
      } catch (failed) {
        return exitWith(failed)
      }
      if (outcome.restoredFrom) console.log(`Restored the backup of ${outcome.restoredFrom.createdAt.toISOString()} (${outcome.restoredFrom.file}).`)
      else console.log('Starting with an empty library.')
      if (outcome.setAsideAs) console.log(`The previous database was kept as ${outcome.setAsideAs}.`)
      try {
        return createServices({ dataDir, runtime: 'web' })
      } catch (again) {
        return exitWith(again)
      }
    }
    return exitWith(e, advice)
  }
}

function exitWith(e: unknown, advice = recoveryAdvice(e, dbFile)): never {
  console.error(`Chokepoint could not open its data. ${advice.message}`)
  const lines = describeActions(advice, {
    'restore-backup': 'run `npm run web -- --restore-backup` (or set CHOKEPOINT_RECOVER=restore-backup).',
    'start-fresh': 'run `npm run web -- --start-fresh` (or set CHOKEPOINT_RECOVER=start-fresh).'
  })
  for (const line of lines) console.error(line)
  process.exit(1)
}

function requestedRecovery(args: string[], env: string | undefined): RecoveryAction | null {
  const fromArgs = args.find((a) => a === '--restore-backup' || a === '--start-fresh')?.slice(2)
  const wanted = fromArgs ?? env
  return RECOVERY_ACTIONS.find((a) => a === wanted) ?? null
}
