import { describe, expect, it } from 'vitest'
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { WebContents } from 'electron'
import { isExternalLinkAllowed, isTrustedSender, lockDown, secureWebPreferences } from './security'

describe('window security', () => {
  it('locks down webPreferences', () => {
    const p = secureWebPreferences('/app/preload.cjs')
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false })
  })

  it('main creates its window with those preferences', () => {
    const source = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8')
    expect(source).toMatch(/webPreferences:\s*secureWebPreferences\(/)
    expect(source).not.toMatch(/sandbox:\s*false|contextIsolation:\s*false|nodeIntegration:\s*true/)
  })

  it('blocks navigation and new windows, opens only http(s) externally, denies permissions', () => {
    const contents = new EventEmitter() as EventEmitter & Record<string, unknown>
    let openHandler: ((d: { url: string }) => { action: string }) | null = null
    let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null
    let check: (() => boolean) | null = null
    contents.setWindowOpenHandler = (h: typeof openHandler) => (openHandler = h)
    contents.session = {
      setPermissionRequestHandler: (h: typeof permission) => (permission = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h)
    }
    const opened: string[] = []
    lockDown(contents as unknown as WebContents, { openExternal: async (u) => void opened.push(u) })

    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false
      contents.emit(name, { preventDefault: () => (prevented = true) })
      expect(prevented, name).toBe(true)
    }
    expect(openHandler!({ url: 'https://www.mofcom.gov.cn/' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://www.mofcom.gov.cn/'])
    let granted: boolean | null = null
    permission!(null, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
    expect(check!()).toBe(false)
  })

  it('accepts only http(s) links', () => {
    expect(isExternalLinkAllowed('http://example.com')).toBe(true)
    expect(isExternalLinkAllowed('https://example.com/x')).toBe(true)
    for (const u of ['file:///x', 'smb://host/share', 'javascript:void(0)', 'not a url']) expect(isExternalLinkAllowed(u)).toBe(false)
  })

  it('trusts IPC only from the app page itself', () => {
    const app = 'file:///opt/chokepoint/out/renderer/index.html'
    expect(isTrustedSender(app, app)).toBe(true)
    expect(isTrustedSender(`${app}#/library`, app)).toBe(true)
    expect(isTrustedSender('file:///tmp/evil.html', app)).toBe(false)
    expect(isTrustedSender('https://evil.example/', app)).toBe(false)
    expect(isTrustedSender(undefined, app)).toBe(false)
  })
})
