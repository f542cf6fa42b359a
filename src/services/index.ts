import { join } from 'node:path'
import { openWithBackups } from './backup'
import { ensurePrivateDir } from './private-files'
import { createDispatch, type Handlers, type Log } from './dispatch'
import { createScenarioRepository } from './repositories/scenarios'
import { createDraftRepository } from './repositories/drafts'
import { readExamples, type Example } from './scenario-files-io'
import { scenarioHandlers, type OpenScenarioFiles } from './handlers/scenarios'
import { exportHandlers, type SaveFile } from './handlers/export'
import { createExporter } from './export/exporter'
import { chromiumPdfPrinter, type PdfPrinter } from './export/pdf'
import { createWorkshopRepository } from './workshop/repository'
import { workshopHandlers } from './workshop/handlers'
import { catalogueMigrations, model } from '../shared/dataset'
import type { IdMigrations } from '../core'
import pkg from '../../package.json' with { type: 'json' }

export type ServicesOptions = {
  dataDir: string
  runtime: 'electron' | 'web'
  clock?: () => Date
  log?: Log
  /** better-sqlite3 binary for the host runtime's ABI (the desktop app passes Electron's). */
  nativeBinding?: string
  /** Folder of the bundled example scenarios (default: resources/scenarios of this checkout or app). */
  examplesDir?: string
  /** Desktop app: save dialog + atomic write for exports (absent: exports return their bytes). */
  saveFile?: SaveFile
  /** Desktop app: native open dialog for importing scenario files (absent: the renderer sends file contents). */
  openScenarioFiles?: OpenScenarioFiles
  /** Desktop app: Electron's printToPDF (absent: headless Chromium). */
  pdfPrinter?: PdfPrinter
  /** Renamed and retired catalogue ids (default: resources/data/id-migrations.json; tests pass their own). */
  idMigrations?: IdMigrations
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
  const dbFile = join(options.dataDir, DATABASE_FILE)
  ensurePrivateDir(options.dataDir, DATABASE_FILE)
  // Rotating backups (backups/, newest 5): one before a migration, then daily; see backup.ts.
  const storage = openWithBackups(dbFile, { nativeBinding: options.nativeBinding, clock, log })
  const db = storage.db
  const scenarios = createScenarioRepository(db, clock)
  const drafts = createDraftRepository(db, clock, (e) => log('warn', 'the autosaved draft could not be read and was ignored', e))
  // out/main (desktop build) and src/services (web host, tests) both sit two levels below the app root.
  const examplesDir = options.examplesDir ?? join(import.meta.dirname, '..', '..', 'resources', 'scenarios')
  let examples: Example[] | null = null

  // One handler map per feature, merged; `satisfies` fails the build if a contract method has no handler.
  const handlers = {
    'app.info': () => ({ appVersion: pkg.version, datasetVersion: model.datasetVersion, dataDir: options.dataDir, runtime: options.runtime }),
    ...scenarioHandlers({
      scenarios,
      drafts,
      model,
      migrations: options.idMigrations ?? catalogueMigrations,
      clock,
      examples: () => (examples ??= readExamples(examplesDir, model, log)),
      saveFile: options.saveFile,
      openFiles: options.openScenarioFiles
    }),
    ...exportHandlers(createExporter({ model, clock, appVersion: pkg.version, pdfPrinter: options.pdfPrinter }), options.saveFile),
    ...workshopHandlers({
      workshops: createWorkshopRepository(db, scenarios, model, clock),
      model,
      clock,
      appVersion: pkg.version,
      printer: options.pdfPrinter ?? chromiumPdfPrinter,
      saveFile: options.saveFile
    })
  } satisfies Handlers

  return {
    dispatch: createDispatch(handlers, log),
    dbFile,
    /** Takes a backup now if the newest is older than a day (also done hourly on its own). */
    backupIfDue: storage.backupIfDue,
    close: () => {
      storage.stop()
      db.close()
    }
  }
}

export type Services = ReturnType<typeof createServices>
export { defaultDataDir } from './data-dir'
