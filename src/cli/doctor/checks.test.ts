import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatBytes, formatReport, runChecks, type Probe } from './checks'
import { probeMachine } from './probe'

/** A machine with every piece present; each test takes one away. */
const ready = (): Probe => ({
  platform: 'linux',
  env: { DISPLAY: ':0' },
  nodeVersion: 'v20.19.0',
  appVersion: '0.1.0',
  dataset: { datasetVersion: '2026.12.1', asOf: '2026-12-01', catalogueVersion: '2026.12.1' },
  electron: { version: '45.5.0', binary: '/x/electron', nativeBinding: '/x/.native/better_sqlite3.node', nativeBindingExists: true },
  buildTools: { missing: [], advice: '' },
  nodeSqliteError: null,
  rendererBuilt: true,
  chromium: '/usr/bin/chromium',
  dataDir: { path: '/home/a/.config/Chokepoint', exists: true, bytes: 2_500_000, files: 4, writable: true }
})
const check = (p: Probe, name: string) => runChecks(p).find((c) => c.name === name)

describe('npm run doctor', () => {
  it('says everything is ready when every piece is there', () => {
    const report = formatReport(runChecks(ready()))
    expect(report).toContain('Desktop app (npm start): ready')
    expect(report).toContain('Browser (npm run web):   ready')
    expect(report).toContain('PDF export:              ready')
    expect(report).not.toContain('✗')
    expect(report).toContain('/home/a/.config/Chokepoint — 2.5 MB in 4 files')
    expect(report).toContain('Dataset: 2026.12.1 (as of 2026-12-01; catalogue 2026.12.1)')
  })

  it('names a missing display on Linux, not on macOS', () => {
    expect(check({ ...ready(), env: {} }, 'Display')).toMatchObject({ status: 'missing', fix: expect.stringContaining('npm run web') })
    expect(check({ ...ready(), env: { WAYLAND_DISPLAY: 'wayland-0' } }, 'Display')?.status).toBe('ok')
    expect(check({ ...ready(), env: {}, platform: 'darwin' }, 'Display')?.status).toBe('ok')
    expect(formatReport(runChecks({ ...ready(), env: {} }))).toContain('Desktop app (npm start): cannot start yet')
  })

  it('names a missing Electron binary with the mirror in effect', () => {
    const p = { ...ready(), env: { DISPLAY: ':0', ELECTRON_MIRROR: 'https://m.example/' }, electron: { ...ready().electron, binary: null } }
    expect(check(p, 'Electron runtime')).toMatchObject({ status: 'missing', fix: expect.stringContaining('ELECTRON_MIRROR=https://m.example/') })
  })

  it('names the build tools a missing Electron SQLite would need', () => {
    const p = { ...ready(), electron: { ...ready().electron, nativeBindingExists: false }, buildTools: { missing: ['make (make)'], advice: 'apt-get install build-essential' } }
    expect(check(p, 'SQLite for Electron')).toMatchObject({ status: 'missing', fix: expect.stringContaining('needs make (make) — apt-get install build-essential') })
  })

  it('says when the browser version cannot run: old Node or SQLite that does not load', () => {
    expect(check({ ...ready(), nodeVersion: 'v20.18.3' }, 'Node.js')?.status).toBe('missing')
    expect(check({ ...ready(), nodeVersion: 'v22.1.0' }, 'Node.js')?.status).toBe('ok')
    const broken = { ...ready(), nodeSqliteError: 'The module was compiled against NODE_MODULE_VERSION 133' }
    expect(check(broken, 'SQLite for Node')).toMatchObject({ status: 'missing', fix: expect.stringContaining('npm install') })
    expect(formatReport(runChecks(broken))).toContain('Browser (npm run web):   cannot start')
  })

  it('says PDF export needs a Chromium, and which CHROMIUM_PATH is wrong', () => {
    expect(check({ ...ready(), chromium: null }, 'PDF export')).toMatchObject({ status: 'missing', detail: 'no Chromium found' })
    expect(check({ ...ready(), chromium: null, env: { DISPLAY: ':0', CHROMIUM_PATH: '/opt/c' } }, 'PDF export')?.detail).toContain('CHROMIUM_PATH=/opt/c does not exist')
  })

  it('tells a data folder not yet created from one that cannot be written', () => {
    expect(check({ ...ready(), dataDir: { ...ready().dataDir, exists: false } }, 'Data folder')).toMatchObject({ status: 'info', detail: expect.stringContaining('not created yet') })
    expect(check({ ...ready(), dataDir: { ...ready().dataDir, writable: false } }, 'Data folder')).toMatchObject({ status: 'missing', fix: expect.stringContaining('CHOKEPOINT_DATA_DIR') })
  })

  it('formats sizes', () => {
    expect([formatBytes(999), formatBytes(1_500), formatBytes(2_500_000), formatBytes(3_210_000_000)]).toEqual(['999 B', '1.5 KB', '2.5 MB', '3.21 GB'])
  })

  it('probes the real machine: the data folder from CHOKEPOINT_DATA_DIR with its size, the dataset versions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-doctor-'))
    try {
      writeFileSync(join(dir, 'chokepoint.sqlite'), Buffer.alloc(4096))
      const p = await probeMachine({ ...process.env, CHOKEPOINT_DATA_DIR: dir })
      expect(p.dataDir).toEqual({ path: dir, exists: true, bytes: 4096, files: 1, writable: true })
      expect(p.nodeSqliteError).toBeNull()
      expect(p.dataset.datasetVersion).toMatch(/^\d{4}\.\d{2}\.\d+$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
