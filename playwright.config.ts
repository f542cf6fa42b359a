import { defineConfig } from '@playwright/test'
import { electronBinary } from './scripts/electron-env.mjs'

// The list reporter shows a skipped test without its reason, so say up front why the Electron specs will skip.
if (!electronBinary() && !process.env.TEST_WORKER_INDEX) {
  process.stderr.write('[e2e] No Electron binary (it cannot be downloaded here): e2e/electron.spec.ts will be skipped; every other spec drives the real renderer in Chromium against the web host.\n')
}

// Debian's Chromium (no browser download); the web host is started per test by the fixture in e2e/fixtures.ts.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    },
    trace: 'off',
    screenshot: 'only-on-failure'
  }
})
