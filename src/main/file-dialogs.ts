import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron'
import { MAX_IMPORT_FILES, MAX_SCENARIO_FILE_CHARS } from '../shared/contract'
import type { OpenScenarioFiles } from '../services/handlers/scenarios'
import { ScenarioFileError } from '../services/scenario-files'
import { readPickedFiles } from '../services/scenario-files-io'

type Deps = { dialog: Pick<Dialog, 'showOpenDialog'>; getWindow: () => BrowserWindow | null }

/**
 * Desktop import of scenario files: the native open dialog (several files at once), then the files' text
 * for `scenario.importFile` to validate — the same path as an upload in the browser. Exports use the save
 * dialog shared with the other exports (`createSaveFile`). Electron's objects are passed in, so this module
 * has no electron value import and its test runs under Node.
 */
export function createOpenScenarioFiles({ dialog, getWindow }: Deps): OpenScenarioFiles {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Import scenarios',
      filters: [
        { name: 'Chokepoint scenarios', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] }
      ],
      properties: ['openFile', 'multiSelections']
    }
    const win = getWindow()
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    if (picked.canceled || picked.filePaths.length === 0) return null
    if (picked.filePaths.length > MAX_IMPORT_FILES) throw new ScenarioFileError(`Pick at most ${MAX_IMPORT_FILES} files at a time. Nothing was imported.`, 'too_large')
    return readPickedFiles(picked.filePaths, MAX_SCENARIO_FILE_CHARS)
  }
}
