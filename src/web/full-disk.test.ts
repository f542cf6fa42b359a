import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../services'
import { killAllHosts, runHostToExit, stubRenderer } from './testing/host-process'

/**
 * A disk filled to the last byte, for real: a 2 MB tmpfs. Mounting needs root (CI runs as root here);
 * elsewhere this file has nothing to run and says so. The unit test of `classifyStorageError` covers the
 * same decision everywhere.
 */
const root = mkdtempSync(join(tmpdir(), 'cp-full-'))
const mountPoint = join(root, 'disk')
mkdirSync(mountPoint)
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' })
    return true
  } catch {
    console.warn('full-disk test: cannot mount a tmpfs here (needs root); covered by the classifyStorageError unit test only')
    return false
  }
})()
afterAll(() => {
  killAllHosts()
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(root, { recursive: true, force: true })
})

describe('a completely full disk at start-up', () => {
  it.runIf(mounted)('says the disk is full and how to fix it, and does not offer to start afresh', async () => {
    const dataDir = join(mountPoint, 'data')
    createServices({ dataDir, runtime: 'web', log: () => {} }).close()
    try {
      for (;;) appendFileSync(join(mountPoint, 'filler'), Buffer.alloc(4096))
    } catch (e) {
      expect((e as { code?: string }).code).toBe('ENOSPC')
    }
    const { code, output } = await runHostToExit({ dataDir, rendererDir: stubRenderer(join(root, 'renderer')) })
    expect(code).toBe(1)
    expect(output).toMatch(/disk holding .*chokepoint\.sqlite is full.*Free some space/s)
    expect(output).not.toMatch(/--start-fresh|--restore-backup|disk I\/O error/)
  })
})
