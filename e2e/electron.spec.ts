import { test, expect, _electron as electron } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { electronBinary, electronNativeBinding } from '../scripts/electron-env.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const binary: string | null = electronBinary()
const hasNative: boolean = binary !== null && (await import('node:fs')).existsSync(electronNativeBinding())
const canRun = binary !== null && hasNative && (process.platform !== 'linux' || !!process.env.DISPLAY)

const skipReason = binary === null
  ? 'No Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine): Electron specs skipped; the web-host specs cover the renderer.'
  : !hasNative ? 'better-sqlite3 for Electron is not built (run npm run native:electron): Electron specs skipped.'
  : 'No DISPLAY: run under xvfb-run -a to include the Electron specs.'

test.describe('desktop app (Electron)', () => {
  test.skip(!canRun, skipReason)

  test('opens a locked-down window that reaches the services over IPC', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-electron-'))
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT], env: { ...process.env, CHOKEPOINT_DATA_DIR: dataDir } })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('heading', { name: 'Beijing' })).toBeVisible()
      // Seen from inside the page: no Node, a sandboxed renderer, only the two-function bridge.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
      expect(await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort())).toEqual(['call', 'on'])
      await page.getByLabel('Scenario name').fill('From Electron')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await expect(page.getByRole('status')).toContainText('Saved “From Electron”')
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
