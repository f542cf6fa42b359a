import { SweepError, type Model } from '../../core'
import type { Handlers } from '../dispatch'
import { MIME, slug, type ExportFile } from '../export/exporter'
import type { PdfPrinter } from '../export/pdf'
import { deliverFile, type SaveFile } from '../handlers/export'
import { RepoError } from '../repositories/repo-error'
import { afterActionContent } from './after-action-content'
import { buildAfterActionDeck } from './after-action-deck'
import { buildAfterActionReport } from './after-action-pdf'
import { movesCsv } from './moves-csv'
import type { WorkshopRepository } from './repository'
import { sweepExport } from './sweep-export'
import { parseWorkshopFile, serializeWorkshop, WorkshopFileError } from './workshop-file'

type WorkshopMethods =
  | 'workshop.list' | 'workshop.create' | 'workshop.get' | 'workshop.delete' | 'workshop.addTeam' | 'workshop.recordMoves'
  | 'workshop.withdrawMove' | 'workshop.configureRound' | 'workshop.predict' | 'workshop.applyRound' | 'workshop.reveal'
  | 'workshop.undoRound' | 'workshop.startRound' | 'workshop.exportFile' | 'workshop.importFile' | 'workshop.exportMoves'
  | 'workshop.afterAction' | 'sweep.export'

export type WorkshopDeps = {
  workshops: WorkshopRepository
  model: Model
  clock: () => Date
  appVersion: string
  printer: PdfPrinter
  /** Desktop app: save dialog + atomic write (absent: the bytes go back to the renderer to download). */
  saveFile?: SaveFile
}

/** Workshop handlers: thin; the repository does the work in transactions, the workshop modules build files. */
export function workshopHandlers({ workshops, model, clock, appVersion, printer, saveFile }: WorkshopDeps) {
  const deliver = (file: ExportFile) => deliverFile(file, saveFile)
  const today = () => clock().toISOString().slice(0, 10)
  return {
    'workshop.list': () => ({ items: workshops.list() }),
    'workshop.create': (input) => workshops.create(input),
    'workshop.get': ({ id }) => workshops.get(id),
    'workshop.delete': ({ id }) => workshops.remove(id),
    'workshop.addTeam': ({ id, name }) => workshops.addTeam(id, name),
    'workshop.recordMoves': ({ id, teamId, rationale, doc }) => workshops.recordMoves(id, teamId, rationale, doc),
    'workshop.withdrawMove': ({ id, moveId }) => workshops.withdrawMove(id, moveId),
    'workshop.configureRound': ({ id, hidden, kpi }) => workshops.configureRound(id, { hidden, kpi }),
    'workshop.predict': ({ id, ...p }) => workshops.predict(id, p),
    'workshop.applyRound': ({ id }) => workshops.applyRound(id),
    'workshop.reveal': ({ id }) => workshops.reveal(id),
    'workshop.undoRound': ({ id }) => workshops.undoRound(id),
    'workshop.startRound': ({ id }) => workshops.startRound(id),
    'workshop.exportFile': async ({ id, dialog }) => {
      const file = serializeWorkshop(workshops.get(id), clock().toISOString(), { version: appVersion, datasetVersion: model.datasetVersion })
      const savedTo = dialog && saveFile ? await saveFile({ fileName: file.fileName, mimeType: 'application/json', bytes: new TextEncoder().encode(file.contents) }) : null
      return { ...file, savedTo }
    },
    'workshop.importFile': ({ name, contents }) => {
      try {
        const parsed = parseWorkshopFile(name, contents, model)
        return workshops.insertImported(parsed, `Imported with workshop file “${name}”`)
      } catch (e) {
        if (e instanceof WorkshopFileError) throw new RepoError('invalid_input', e.message)
        throw e
      }
    },
    'workshop.exportMoves': ({ id }) => {
      const w = workshops.get(id)
      return deliver({ fileName: `${slug(w.name)}_moves.csv`, mimeType: MIME.csv, bytes: new TextEncoder().encode(movesCsv(w)) })
    },
    'workshop.afterAction': async ({ id, format }) => {
      const w = workshops.get(id)
      const content = afterActionContent(model, w, today())
      if (format === 'pptx') return deliver({ fileName: `${slug(w.name)}_after-action.pptx`, mimeType: MIME.pptx, bytes: await buildAfterActionDeck(content) })
      return deliver({ fileName: `${slug(w.name)}_after-action.pdf`, mimeType: MIME.pdf, bytes: await printer(buildAfterActionReport(content)) })
    },
    'sweep.export': ({ doc, options, format }) => {
      try {
        return deliver(sweepExport(model, { clock, appVersion }, doc, options, format))
      } catch (e) {
        if (e instanceof SweepError) throw new RepoError('invalid_input', e.message)
        throw e
      }
    }
  } satisfies Pick<Handlers, WorkshopMethods>
}
