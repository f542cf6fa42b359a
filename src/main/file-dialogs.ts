import { join } from 'node:path'
import { MAX_IMPORT_FILES, MAX_SCENARIO_FILE_CHARS } from '../shared/contract'
import { fail, ok, type Result } from '../shared/result'
import { FILE_EXTENSION, ScenarioFileError } from '../services/scenario-files'
import { readPickedFiles, writeFileAtomic } from '../services/scenario-files-io'

/**
 * Native open/save dialogs around the two file methods, so the renderer uses one API in both runtimes:
 * `scenario.exportFile {dialog:true}` asks where to save and writes the file; `scenario.importFile
 * {dialog:true}` asks which files to read and imports their contents. Electron's `dialog` is passed in,
 * so this module (and its test) never loads electron.
 */
export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>

type FileFilter = { name: string; extensions: string[] }
export type FileDialogs = {
  showOpenDialog(options: { title: string; filters: FileFilter[]; properties: ('openFile' | 'multiSelections')[] }): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>
}

const FILTERS: FileFilter[] = [
  { name: 'Chokepoint scenarios', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] }
]
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function withFileDialogs(dispatch: Dispatch, dialogs: FileDialogs, defaultDir: () => string): Dispatch {
  return async (method, input) => {
    if (method === 'scenario.exportFile' && isObject(input) && input.dialog === true) return exportWithDialog(input)
    if (method === 'scenario.importFile' && isObject(input) && input.dialog === true && Object.keys(input).length === 1) return importWithDialog()
    return dispatch(method, input)
  }

  async function exportWithDialog(input: Record<string, unknown>): Promise<Result<unknown>> {
    const made = await dispatch('scenario.exportFile', { ...input, dialog: false })
    if (!made.ok) return made
    const file = made.value as { fileName: string; contents: string; count: number }
    const chosen = await dialogs.showSaveDialog({
      title: file.count === 1 ? 'Export scenario' : `Export ${file.count} scenarios`,
      defaultPath: join(defaultDir(), file.fileName),
      filters: FILTERS
    })
    if (chosen.canceled || !chosen.filePath) return ok({ ...file, savedTo: null })
    const path = /\.json$/i.test(chosen.filePath) ? chosen.filePath : `${chosen.filePath}${FILE_EXTENSION}`
    try {
      writeFileAtomic(path, file.contents)
    } catch (e) {
      return fail('storage', `Could not write ${path}: ${message(e)}. Nothing was exported.`)
    }
    return ok({ ...file, savedTo: path })
  }

  async function importWithDialog(): Promise<Result<unknown>> {
    const picked = await dialogs.showOpenDialog({ title: 'Import scenarios', filters: FILTERS, properties: ['openFile', 'multiSelections'] })
    if (picked.canceled || picked.filePaths.length === 0) return ok({ imported: [], renamed: [], upgraded: 0, cancelled: true })
    if (picked.filePaths.length > MAX_IMPORT_FILES) return fail('too_large', `Pick at most ${MAX_IMPORT_FILES} files at a time. Nothing was imported.`)
    let files: { name: string; contents: string }[]
    try {
      files = readPickedFiles(picked.filePaths, MAX_SCENARIO_FILE_CHARS)
    } catch (e) {
      if (e instanceof ScenarioFileError) return fail('too_large', e.message)
      return fail('storage', `Could not read the chosen file: ${message(e)}. Nothing was imported.`)
    }
    return dispatch('scenario.importFile', { files })
  }
}
