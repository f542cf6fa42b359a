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

/**
 * The one list of places a link may open in the system browser: https only, and only these hosts (the
 * publishers the model's sources cite). Anything else — plain http, another host, credentials in the URL,
 * a non-default port, file:, custom schemes — stays closed.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'www.mofcom.gov.cn',
  'english.mofcom.gov.cn',
  'www.customs.gov.cn',
  'www.federalregister.gov',
  'www.bis.gov',
  'www.bis.doc.gov',
  'www.usgs.gov',
  'pubs.usgs.gov',
  'www.iea.org',
  'www.sec.gov',
  'www.whitehouse.gov',
  'ustr.gov',
  'www.congress.gov',
  'rareearthexchanges.com',
  'seaisi.org',
  'www.adamasintel.com',
  'www.geopolitechs.org',
  'github.com'
])

/** True when `url` may be opened outside the app (see `EXTERNAL_LINK_HOSTS`). */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' && u.port === '' && u.username === '' && u.password === '' && EXTERNAL_LINK_HOSTS.has(u.hostname)
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

/** Navigation and new windows are denied; allowed https links go to the system browser. Permissions denied by default. */
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

/**
 * The one IPC channel: a call is served only when it comes from the main frame of our window (the very
 * object, not merely a frame showing the same URL: an iframe or a second window could) and that frame shows
 * the app page. `mainFrame` answers our window's `webContents.mainFrame`, or null while there is no window.
 */
export function handleIpcCalls(ipcMain: IpcMain, dispatch: Dispatch, appUrl: string, mainFrame: () => unknown) {
  const listener = (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> | Result<never> => {
    const frame = event.senderFrame
    if (!frame || frame !== mainFrame() || !isTrustedSender(frame.url, appUrl)) return fail('forbidden', 'IPC from an untrusted frame was refused.')
    return dispatch(method, input)
  }
  ipcMain.handle(IPC_CALL, listener as (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown)
  return listener
}
