import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventEmitter } from 'node:events'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindowConstructorOptions, WebContents } from 'electron'
import Database from 'better-sqlite3'
import { IPC_CALL, IPC_EVENT } from '../shared/channels'
import { openDatabase } from '../services/db/open'
import { createSecureWindow, EXTERNAL_LINK_HOSTS, isExternalLinkAllowed, isTrustedSender, lockDown } from './security'

/**
 * Electron cannot be downloaded here, so `electron` is replaced by a recording fake and the REAL main entry
 * (src/main/index.ts) and preload run against it: the options and handlers checked below are the ones the
 * app actually installs, not copies of them.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const state = {
    appListeners: new Map<string, Listener[]>(),
    windows: [] as { options: unknown; loaded: string[] }[],
    ipcHandlers: new Map<string, Listener>(),
    ipcOn: [] as string[],
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as unknown[][],
    rendererListeners: new Map<string, Listener[]>(),
    dialogAnswer: 0,
    dialogs: [] as unknown[],
    errorBoxes: [] as unknown[],
    exitCode: null as number | null,
    openedExternally: [] as string[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    mainFrames: [] as { url: string }[]
  }
  // Anything the shell calls that a test does not care about answers undefined instead of throwing.
  const tolerant = <T extends object>(target: T): T =>
    new Proxy(target, { get: (t, key) => (key in t ? t[key as keyof T] : typeof key === 'string' && key !== 'then' ? () => undefined : undefined) })
  class BrowserWindow {
    webContents: { mainFrame: { url: string } }
    constructor(options: unknown) {
      // The window's own main frame: the only sender IPC may serve.
      const mainFrame = { url: '' }
      state.mainFrames.push(mainFrame)
      this.webContents = tolerant({ send: () => {}, on: () => {}, once: () => {}, mainFrame })
      state.windows.push({ options, loaded: [] })
      return tolerant(this)
    }
    loadFile(file: string) {
      state.windows.at(-1)?.loaded.push(file)
      return Promise.resolve()
    }
    loadURL(url: string) {
      state.windows.at(-1)?.loaded.push(url)
      this.webContents.mainFrame.url = url
      return Promise.resolve()
    }
    maximize() {}
    once() {}
    on() {}
    destroy() {}
    isMinimized = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 0, y: 0, width: 1440, height: 900 })
  }
  const module = {
    app: tolerant({
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener])
      },
      whenReady: () => Promise.resolve(),
      quit: () => {},
      exit: (code: number) => {
        state.exitCode = code
      },
      getAppPath: () => process.cwd(),
      getPath: () => process.env.CHOKEPOINT_DATA_DIR ?? process.cwd()
    }),
    BrowserWindow,
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (template: unknown) => ({ template }) },
    dialog: {
      showErrorBox: (...args: unknown[]) => void state.errorBoxes.push(args),
      showMessageBoxSync: (options: unknown) => {
        state.dialogs.push(options)
        return state.dialogAnswer
      }
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => void state.ipcHandlers.set(channel, listener),
      on: (channel: string) => void state.ipcOn.push(channel)
    },
    shell: { openExternal: async (url: string) => void state.openedExternally.push(url) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, handler)
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void state.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => void state.rendererInvokes.push(args),
      on: (channel: string, listener: Listener) => void state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: Listener) =>
        void state.rendererListeners.set(channel, (state.rendererListeners.get(channel) ?? []).filter((l) => l !== listener))
    }
  }
  const reset = () => {
    state.appListeners.clear()
    state.windows.length = 0
    state.ipcHandlers.clear()
    state.ipcOn.length = 0
    state.exposed.clear()
    state.rendererInvokes.length = 0
    state.rendererListeners.clear()
    state.dialogAnswer = 0
    state.dialogs.length = 0
    state.errorBoxes.length = 0
    state.exitCode = null
    state.openedExternally.length = 0
    state.privilegedSchemes.length = 0
    state.protocolHandlers.clear()
    state.mainFrames.length = 0
  }
  return { state, module, reset }
})
vi.mock('electron', () => fake.module)

const dirs: string[] = []
let previousDataDir: string | undefined
beforeEach(() => {
  fake.reset()
  vi.resetModules()
  previousDataDir = process.env.CHOKEPOINT_DATA_DIR
})
afterEach(() => {
  // Closing the last window closes the services (and their database) in the real main.
  for (const l of fake.state.appListeners.get('window-all-closed') ?? []) l()
  if (previousDataDir === undefined) delete process.env.CHOKEPOINT_DATA_DIR
  else process.env.CHOKEPOINT_DATA_DIR = previousDataDir
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

/** Runs the real src/main/index.ts against the fake electron over a fresh data dir. */
async function startMain(prepare?: (dataDir: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-main-'))
  dirs.push(dataDir)
  prepare?.(dataDir)
  process.env.CHOKEPOINT_DATA_DIR = dataDir
  await import('./index')
  await vi.waitFor(() => expect(fake.state.windows.length + fake.state.dialogs.length + (fake.state.exitCode === null ? 0 : 1)).toBeGreaterThan(0))
  return dataDir
}

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & Record<string, unknown>
  const handlers: { open?: (d: { url: string }) => { action: string }; permission?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void; check?: () => boolean } = {}
  contents.setWindowOpenHandler = (h: typeof handlers.open) => (handlers.open = h)
  contents.session = {
    setPermissionRequestHandler: (h: typeof handlers.permission) => (handlers.permission = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h)
  }
  return { contents, handlers }
}

function expectLockedDown(contents: EventEmitter, handlers: ReturnType<typeof fakeContents>['handlers'], opened: string[]) {
  for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    let prevented = false
    contents.emit(name, { preventDefault: () => (prevented = true), url: 'https://evil.example/' })
    expect(prevented, name).toBe(true)
  }
  let subframePrevented = false
  contents.emit('will-frame-navigate', { isMainFrame: false, preventDefault: () => (subframePrevented = true) })
  expect(subframePrevented).toBe(true)
  expect(handlers.open!({ url: 'https://www.mofcom.gov.cn/' })).toEqual({ action: 'deny' })
  for (const url of [
    'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'chokepoint://x', 'not a url',
    'http://www.mofcom.gov.cn/', 'https://evil.example/', 'https://www.mofcom.gov.cn.evil.example/', 'https://user:pw@www.mofcom.gov.cn/', 'https://www.mofcom.gov.cn:8443/'
  ])
    expect(handlers.open!({ url })).toEqual({ action: 'deny' })
  expect(opened).toEqual(['https://www.mofcom.gov.cn/'])
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    let granted: boolean | null = null
    handlers.permission!(null, permission, (ok) => (granted = ok))
    expect(granted, permission).toBe(false)
  }
  expect(handlers.check!()).toBe(false)
}

describe('the real main process (src/main/index.ts) under a recording electron', () => {
  it('creates its one window locked down and loads the renderer from app://chokepoint, not file://', async () => {
    await startMain()
    expect(fake.state.windows).toHaveLength(1)
    const options = fake.state.windows[0].options as BrowserWindowConstructorOptions
    expect(options.webPreferences).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick'
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options.webPreferences).not.toHaveProperty('additionalArguments')
    expect(options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(fake.state.windows[0].loaded).toEqual(['app://chokepoint/index.html'])
  })

  it('registers app:// as a standard, secure scheme that serves the renderer folder and nothing else, with a CSP naming it', async () => {
    await startMain()
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect([...fake.state.protocolHandlers.keys()]).toEqual(['app'])
    const handler = fake.state.protocolHandlers.get('app')!
    const page = await handler(new Request('app://chokepoint/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('<div id="root">')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/default-src app:\/\/chokepoint(;|$)/)
    expect(csp).toMatch(/script-src app:\/\/chokepoint(;|$)/)
    expect(csp).not.toMatch(/file:|'unsafe-eval'|\*/)
    expect((await handler(new Request('app://chokepoint/'))).status).toBe(200)
    // Outside the renderer folder (the main process's own sources sit next to it), other hosts, other methods.
    for (const url of [
      'app://chokepoint/../main/index.ts', 'app://chokepoint/%2e%2e/main/index.ts', 'app://chokepoint/..%2fmain%2findex.ts', 'app://chokepoint/%2e%2e%5cmain%5cindex.ts',
      'app://chokepoint/no-such-file.js', 'app://chokepoint/state', 'app://chokepoint/%00index.html', 'app://chokepoint/%E0%A4%A', 'app://other/index.html'
    ])
      expect((await handler(new Request(url))).status, url).toBe(404)
    expect((await handler(new Request('app://chokepoint/index.html', { method: 'POST', body: 'x' }))).status).toBe(404)
  })

  it('locks down every web contents the app creates', async () => {
    await startMain()
    const created = fake.state.appListeners.get('web-contents-created') ?? []
    expect(created).toHaveLength(1)
    const { contents, handlers } = fakeContents()
    created[0]({}, contents)
    expectLockedDown(contents, handlers, fake.state.openedExternally)
  })

  it('handles exactly one IPC channel, and only for the main frame of its own window showing the app page', async () => {
    await startMain()
    expect([...fake.state.ipcHandlers.keys()]).toEqual([IPC_CALL])
    expect(fake.state.ipcOn).toEqual([])
    const handler = fake.state.ipcHandlers.get(IPC_CALL)!
    const appUrl = 'app://chokepoint/index.html'
    const mainFrame = fake.state.mainFrames[0]
    expect(mainFrame.url).toBe(appUrl)
    expect(await handler({ senderFrame: mainFrame }, 'scenario.list', {})).toMatchObject({ ok: true })
    // A sub-frame (or any other frame) showing the very same URL is not our main frame.
    expect(await handler({ senderFrame: { url: appUrl } }, 'scenario.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'app://chokepoint/other.html', 'app://other/index.html', undefined]) {
      if (url !== undefined) mainFrame.url = url // our main frame, navigated elsewhere
      expect(await handler({ senderFrame: url === undefined ? null : mainFrame }, 'scenario.list', {}), String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    mainFrame.url = appUrl
    expect(await handler({ senderFrame: mainFrame }, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('ignores anything but four numbers in a tampered window-state file', async () => {
    await startMain((dir) =>
      writeFileSync(
        join(dir, 'window-state.json'),
        JSON.stringify({ bounds: { x: 10, y: 20, width: 1200, height: 800, webPreferences: { nodeIntegration: true }, frame: false, kiosk: true }, maximized: false })
      )
    )
    const options = fake.state.windows[0].options as Record<string, unknown>
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800 })
    expect(options).not.toHaveProperty('frame')
    expect(options).not.toHaveProperty('kiosk')
    expect((options.webPreferences as Record<string, unknown>).nodeIntegration).toBe(false)
  })

  it('offers a way forward for a damaged library and keeps the damaged file aside', async () => {
    const garbage = 'not a database at all '.repeat(200)
    fake.state.dialogAnswer = 0 // the first button: start with an empty library (no backup exists)
    const dataDir = await startMain((dir) => writeFileSync(join(dir, 'chokepoint.sqlite'), garbage))
    expect(fake.state.dialogs).toHaveLength(1)
    const shown = fake.state.dialogs[0] as { buttons: string[]; detail: string; title: string }
    expect(shown.title).toMatch(/damaged/)
    expect(shown.buttons).toEqual(['Start with an empty library', 'Quit'])
    expect(shown.detail).toMatch(/renamed aside/)
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('chokepoint.set-aside-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dataDir, aside[0]), 'utf8')).toBe(garbage)
  })

  it('restores the latest backup when the person picks it, keeping the damaged file aside', async () => {
    fake.state.dialogAnswer = 0 // [Open the latest backup (…), Start with an empty library, Quit]
    const dataDir = await startMain((dir) => {
      const file = join(dir, 'chokepoint.sqlite')
      const db = openDatabase(file)
      db.prepare(`INSERT INTO settings (key, value) VALUES ('marker', '"from the backup"')`).run()
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
      mkdirSync(join(dir, 'backups'))
      copyFileSync(file, join(dir, 'backups', 'chokepoint-2026-11-20T08-00-00-000Z.sqlite'))
      writeFileSync(file, 'damaged '.repeat(1000))
    })
    const shown = fake.state.dialogs[0] as { buttons: string[] }
    expect(shown.buttons[0]).toMatch(/^Open the latest backup \(/)
    expect(shown.buttons.slice(1)).toEqual(['Start with an empty library', 'Quit'])
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('chokepoint.replaced-') && f.endsWith('.sqlite'))
    expect(readFileSync(join(dataDir, aside[0]), 'utf8')).toBe('damaged '.repeat(1000))
    const restored = new Database(join(dataDir, 'chokepoint.sqlite'), { readonly: true })
    expect(restored.prepare(`SELECT value FROM settings WHERE key = 'marker'`).pluck().get()).toBe('"from the backup"')
    restored.close()
  })

  it('quits without touching a database from a newer version when the person chooses Quit', async () => {
    let before = Buffer.alloc(0)
    fake.state.dialogAnswer = 1 // [Start with an empty library, Quit]
    const dataDir = await startMain((dir) => {
      const raw = new Database(join(dir, 'chokepoint.sqlite'))
      raw.pragma('user_version = 999')
      raw.close()
      before = readFileSync(join(dir, 'chokepoint.sqlite'))
    })
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(1))
    expect((fake.state.dialogs[0] as { detail: string }).detail).toMatch(/newer version of Chokepoint/)
    expect(fake.state.windows).toHaveLength(0)
    expect(readFileSync(join(dataDir, 'chokepoint.sqlite')).equals(before)).toBe(true)
    expect(readdirSync(dataDir).filter((f) => f.includes('set-aside'))).toEqual([])
  })
})

describe('the real preload under a recording electron', () => {
  it('exposes exactly window.api = { call, on } over the two known channels', async () => {
    await import('../preload/index')
    expect([...fake.state.exposed.keys()]).toEqual(['api'])
    const api = fake.state.exposed.get('api') as Record<string, (...a: unknown[]) => unknown>
    expect(Object.keys(api).sort()).toEqual(['call', 'on'])
    await api.call('scenario.list', { query: 'x' })
    expect(fake.state.rendererInvokes).toEqual([[IPC_CALL, 'scenario.list', { query: 'x' }]])
    let heard = 0
    const off = api.on('menu:save', () => heard++) as () => void
    const [listener] = fake.state.rendererListeners.get(IPC_EVENT) ?? []
    listener({}, 'menu:new')
    listener({}, 'menu:save')
    expect(heard).toBe(1)
    off()
    expect(fake.state.rendererListeners.get(IPC_EVENT)).toEqual([])
    expect([...fake.state.rendererListeners.keys()]).toEqual([IPC_EVENT])
  })
})

describe('security helpers', () => {
  it('lockDown blocks navigation and new windows, opens only allowed https links externally, denies permissions', () => {
    const { contents, handlers } = fakeContents()
    const opened: string[] = []
    lockDown(contents as unknown as WebContents, { openExternal: async (u) => void opened.push(u) })
    expectLockedDown(contents, handlers, opened)
  })

  it('createSecureWindow passes only the four bounds numbers through', () => {
    let seen: BrowserWindowConstructorOptions | null = null
    class Recorder {
      constructor(o: BrowserWindowConstructorOptions) {
        seen = o
      }
    }
    createSecureWindow(Recorder, { preload: '/p.cjs', bounds: { x: 1, y: Number.NaN, width: Infinity, height: 700, sandbox: false } as never })
    expect(seen).toMatchObject({ x: 1, height: 700 })
    expect(seen).not.toHaveProperty('y')
    expect(seen).not.toHaveProperty('width')
    expect(seen).not.toHaveProperty('sandbox')
  })

  it('opens only https links to the hosts on the one allow-list', () => {
    expect(EXTERNAL_LINK_HOSTS.has('www.federalregister.gov')).toBe(true)
    expect(isExternalLinkAllowed('https://www.federalregister.gov/documents/2025/x')).toBe(true)
    for (const u of [
      'http://www.federalregister.gov/', 'https://example.com/x', 'https://federalregister.gov.evil.example/', 'https://a@www.federalregister.gov/',
      'https://www.federalregister.gov:444/', 'file:///x', 'smb://host/share', 'javascript:void(0)', 'not a url', 'ms-msdt:/id', 'data:text/html,x'
    ])
      expect(isExternalLinkAllowed(u), u).toBe(false)
  })

  it('trusts IPC only from the app page itself', () => {
    const app = 'file:///opt/chokepoint/out/renderer/index.html'
    expect(isTrustedSender(app, app)).toBe(true)
    expect(isTrustedSender(`${app}#/library`, app)).toBe(true)
    expect(isTrustedSender('file:///tmp/evil.html', app)).toBe(false)
    expect(isTrustedSender('https://evil.example/', app)).toBe(false)
    expect(isTrustedSender('not a url', app)).toBe(false)
    expect(isTrustedSender(undefined, app)).toBe(false)
  })

  it('keeps every window locked down and IPC, links and permissions in the audited module', () => {
    const dir = import.meta.dirname
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }))
    let literals = 0
    for (const { file, source } of sources) {
      // Any window any module creates (e.g. a hidden one that prints PDFs) carries the same hardening.
      for (const prefs of objectLiterals(source, 'webPreferences')) {
        literals++
        expect(prefs, file).toMatch(/contextIsolation:\s*true/)
        expect(prefs, file).toMatch(/sandbox:\s*true/)
        expect(prefs, file).toMatch(/nodeIntegration:\s*false/)
        expect(prefs, file).not.toMatch(/webviewTag:\s*true|webSecurity:\s*false|allowRunningInsecureContent:\s*true|experimentalFeatures:\s*true|enableBlinkFeatures|nodeIntegrationIn\w+:\s*true/)
        if (file !== 'security.ts') expect(prefs, `${file} must not attach a preload`).not.toMatch(/preload/)
      }
      expect(source, file).not.toMatch(/webPreferences:\s*[^{\s]/) // only literals, so they can be read here and by the scanner
      // The app window loads its own origin only; nothing loads a URL from data.
      expect(source.replace(/loadURL\(APP_URL\)/g, ''), file).not.toMatch(/loadURL\(/)
      if (file !== 'security.ts') expect(source, file).not.toMatch(/ipcMain\.(on|handle|handleOnce|once)\(|openExternal|setPermission\w*Handler|web-contents-created|EXTERNAL_LINK_HOSTS\s*[:=]/)
      if (file !== 'app-protocol.ts') expect(source, file).not.toMatch(/protocol\.(handle|registerSchemesAsPrivileged|registerFileProtocol|interceptFileProtocol)\(/)
    }
    expect(literals).toBeGreaterThanOrEqual(1)
    const index = sources.find((s) => s.file === 'index.ts')!.source
    expect(index).toMatch(/createSecureWindow\(BrowserWindow,/)
    expect(index).toMatch(/lockDownAll\(app, shell\)/)
    expect(index).toMatch(/handleIpcCalls\(ipcMain,/)
  })
})

/** The `{ ... }` text after each `key:` in a source file (brace-matched). */
function objectLiterals(source: string, key: string): string[] {
  const out: string[] = []
  for (const m of source.matchAll(new RegExp(`${key}:\\s*\\{`, 'g'))) {
    let depth = 0
    const start = m.index! + m[0].length - 1
    for (let i = start; i < source.length; i++) {
      if (source[i] === '{') depth++
      else if (source[i] === '}' && --depth === 0) {
        out.push(source.slice(start, i + 1))
        break
      }
    }
  }
  return out
}
