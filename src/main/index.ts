// Electron lifecycle wiring only: single instance, services, IPC, window, menu.
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createServices, DATABASE_FILE, defaultDataDir, type Services } from '../services'
import { recover, recoveryAdvice } from '../services/backup-recovery'
import { buildMenu } from './menu'
import { APP_URL, registerAppScheme, serveRenderer } from './app-protocol'
import { createElectronPdfPrinter, createSaveFile } from './export-desktop'
import { createSecureWindow, handleIpcCalls, lockDownAll } from './security'
import { createOpenScenarioFiles } from './file-dialogs'
import { choseToLeave, UNSAVED_CHANGES_PROMPT } from './unsaved-changes'
import { recoveryDialog } from './storage-recovery'
import { loadWindowState, saveWindowState } from './window-state'

const dataDir = defaultDataDir()
// Served on app://chokepoint/ (see app-protocol.ts): an origin holding the renderer's files and nothing else.
const rendererDir = join(import.meta.dirname, '../renderer')
let win: BrowserWindow | null = null
let services: Services | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  lockDownAll(app, shell)
  registerAppScheme(protocol)
  app.whenReady().then(start)
  app.on('window-all-closed', () => {
    services?.close()
    app.quit()
  })
}

/** better-sqlite3 built for Electron's ABI by `npm run native:electron` (node_modules keeps Node's for tests). */
function electronNativeBinding(): string | undefined {
  const file = join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function start() {
  services = openServices()
  if (!services) {
    app.exit(1)
    return
  }
  serveRenderer(protocol, rendererDir)
  handleIpcCalls(ipcMain, services.dispatch, APP_URL, () => win?.webContents.mainFrame ?? null)
  Menu.setApplicationMenu(buildMenu(() => win))
  createWindow()
}

/**
 * Opens the library; if that fails, says why and offers the ways forward (open the latest backup, start
 * with an empty library — the current file is renamed aside either way — or quit). Null means quit.
 */
function openServices(): Services | null {
  const nativeBinding = electronNativeBinding()
  const dbFile = join(dataDir, DATABASE_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Exports: native save dialog (last folder remembered) + atomic write; PDF through printToPDF.
      const saveFile = createSaveFile({ dialog, getWindow: () => win, dataDir, defaultFolder: app.getPath('documents') })
      // Scenario import: native open dialog; the files' text is validated by the services like an upload.
      const openScenarioFiles = createOpenScenarioFiles({ dialog, getWindow: () => win })
      return createServices({ dataDir, runtime: 'electron', nativeBinding, saveFile, openScenarioFiles, pdfPrinter: createElectronPdfPrinter(BrowserWindow) })
    } catch (e) {
      const { options, choices } = recoveryDialog(recoveryAdvice(e, dbFile, { nativeBinding }), dataDir)
      const choice = choices[dialog.showMessageBoxSync(options)] ?? 'quit'
      if (choice === 'quit') return null
      try {
        recover(choice, dbFile, new Date(), { nativeBinding })
      } catch (failed) {
        dialog.showErrorBox('Chokepoint could not recover its data', failed instanceof Error ? failed.message : String(failed))
        return null
      }
    }
  }
  return null
}

function createWindow() {
  const state = loadWindowState(dataDir)
  win = createSecureWindow(BrowserWindow, { preload: join(import.meta.dirname, '../preload/index.cjs'), bounds: state.bounds })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win?.show())
  // Unsaved changes: the renderer's beforeunload blocks the close; ask, and let it go only if the person says so.
  win.webContents.on('will-prevent-unload', (event) => {
    if (win && choseToLeave(dialog.showMessageBoxSync(win, UNSAVED_CHANGES_PROMPT))) event.preventDefault()
  })
  win.on('close', () => {
    if (win) saveWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
  })
  win.on('closed', () => {
    win = null
  })
  void win.loadURL(APP_URL)
}
