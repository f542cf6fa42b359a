import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from './db/open'
import { createDispatch, type Handlers, type Log } from './dispatch'
import { createScenarioRepository } from './repositories/scenarios'
import { model } from '../shared/dataset'
import pkg from '../../package.json' with { type: 'json' }

export type ServicesOptions = {
  dataDir: string
  runtime: 'electron' | 'web'
  clock?: () => Date
  log?: Log
  /** better-sqlite3 binary for the host runtime's ABI (the desktop app passes Electron's). */
  nativeBinding?: string
}

export const DATABASE_FILE = 'chokepoint.sqlite'

const consoleLog: Log = (level, message, detail) => {
  const line = `[chokepoint] ${level}: ${message}`
  if (level === 'error') console.error(line, detail ?? '')
  else if (level === 'warn') console.warn(line)
  else console.log(line)
}

/**
 * Composition root of the backend: opens storage in `dataDir` and returns `dispatch`, the one entry point
 * that Electron IPC and the web host both call. Never imports electron.
 */
export function createServices(options: ServicesOptions) {
  const clock = options.clock ?? (() => new Date())
  const log = options.log ?? consoleLog
  mkdirSync(options.dataDir, { recursive: true })
  const dbFile = join(options.dataDir, DATABASE_FILE)
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding })
  const scenarios = createScenarioRepository(db, clock)

  const handlers = {
    'app.info': () => ({ appVersion: pkg.version, datasetVersion: model.datasetVersion, dataDir: options.dataDir, runtime: options.runtime }),
    'scenario.list': ({ query }) => ({ items: scenarios.list(query) }),
    'scenario.get': ({ id }) => scenarios.get(id),
    'scenario.save': (input) => scenarios.save(input),
    'scenario.delete': ({ id }) => {
      scenarios.remove(id)
      return { id }
    }
  } satisfies Handlers

  return {
    dispatch: createDispatch(handlers, log),
    dbFile,
    close: () => db.close()
  }
}

export type Services = ReturnType<typeof createServices>
export { defaultDataDir } from './data-dir'
