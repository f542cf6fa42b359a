import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, Rectangle, WebContents } from 'electron'
import { IPC_CALL } from '../shared/channels'
import { fail, type Result } from '../shared/result'

/**
 * Window security, identical in tests and production. Kept free of `electron` value imports (Electron's
 * constructors are passed in) so the security test runs the real code under plain Node, and written as
 * literals at the `new BrowserWindow(...)` call so the electronegativity scan can read them too.
 */
type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W

export type MainWindowOptions = { preload: string; bounds: Partial<Rectangle> }

/** Creates the app window, locked down: no Node, isolated and sandboxed renderer, no webviews, no middle-click windows. */
export function createSecureWindow<W>(BrowserWindow: WindowConstructor<W>, { preload, bounds }: MainWindowOptions): W {
  return new BrowserWindow({
    ...onlyBounds(bounds),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Chokepoint',
    backgroundColor: '#111418',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open a link in a new window without going through the open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
}

/** Bounds come from a file in the data folder: take the four numbers and nothing else that could ride along. */
function onlyBounds(bounds: Partial<Rectangle>): Partial<Rectangle> {
  const out: Partial<Rectangle> = {}
  for (const key of ['x', 'y', 'width', 'height'] as const) if (Number.isFinite(bounds[key])) out[key] = bounds[key]
  return out
}

/** Only http(s) links may leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** The renderer is loaded from this exact URL; IPC from any other frame is refused. */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  if (!frameUrl) return false
  try {
    const a = new URL(frameUrl)
    const b = new URL(appUrl)
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname
  } catch {
    return false
  }
}

type Shell = { openExternal(url: string): Promise<void> }

/** Navigation and new windows are denied; http(s) links go to the system browser. Permissions denied by default. */
export function lockDown(contents: WebContents, shell: Shell): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames may not navigate either (the app has none; an injected one gets nowhere).
    if (!event.isMainFrame) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}

type App = { on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): unknown }

/** Every web contents the app ever creates (windows, devtools, anything injected) is locked down at birth. */
export function lockDownAll(app: App, shell: Shell): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, shell))
}

type IpcMain = { handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void }
type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>

/** The one IPC channel: calls from the app's own page go to `dispatch`; any other sender is refused. */
export function handleIpcCalls(ipcMain: IpcMain, dispatch: Dispatch, appUrl: string) {
  const listener = (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> | Result<never> => {
    if (!isTrustedSender(event.senderFrame?.url, appUrl)) return fail('forbidden', 'IPC from an untrusted frame was refused.')
    return dispatch(method, input)
  }
  ipcMain.handle(IPC_CALL, listener as (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown)
  return listener
}
