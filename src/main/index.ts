// Electron lifecycle wiring only: single instance, services, IPC, window, menu.
import { app, BrowserWindow, Menu, dialog, ipcMain, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createServices, defaultDataDir, type Services } from '../services'
import { IPC_CALL } from '../shared/channels'
import { fail } from '../shared/result'
import { buildMenu } from './menu'
import { isTrustedSender, lockDown, secureWebPreferences } from './security'
import { loadWindowState, saveWindowState } from './window-state'

const dataDir = defaultDataDir()
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const appUrl = pathToFileURL(rendererFile).toString()
let win: BrowserWindow | null = null
let services: Services | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore()
    win?.focus()
  })
  app.on('web-contents-created', (_e, contents) => lockDown(contents, shell))
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
  try {
    services = createServices({ dataDir, runtime: 'electron', nativeBinding: electronNativeBinding() })
  } catch (e) {
    dialog.showErrorBox('Chokepoint cannot open its data', e instanceof Error ? e.message : String(e))
    app.exit(1)
    return
  }
  const dispatch = services.dispatch
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, appUrl)) return fail('forbidden', 'IPC from an untrusted frame was refused.')
    return dispatch(method, input)
  })
  Menu.setApplicationMenu(buildMenu(() => win))
  createWindow()
}

function createWindow() {
  const state = loadWindowState(dataDir)
  win = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Chokepoint',
    backgroundColor: '#111418',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win?.show())
  win.on('close', () => {
    if (win) saveWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
  })
  win.on('closed', () => {
    win = null
  })
  void win.loadFile(rendererFile)
}
