import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { missingBuildTools } from '../../../scripts/build-tools.mjs'
import { ROOT, electronBinary, electronNativeBinding, electronVersion } from '../../../scripts/electron-env.mjs'
import { defaultDataDir } from '../../services/data-dir'
import { findChromium } from '../../services/export/pdf'
import type { Probe } from './checks'

/** Total size and count of the files under `dir` (symbolic links not followed). */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const sub = folderSize(path)
      bytes += sub.bytes
      files += sub.files
    } else if (entry.isFile()) {
      bytes += statSync(path).size
      files++
    }
  }
  return { bytes, files }
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

async function nodeSqliteError(): Promise<string | null> {
  try {
    const { default: Database } = await import('better-sqlite3')
    new Database(':memory:').close()
    return null
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/** Asks this machine what the doctor needs to know; reads only, changes nothing. */
export async function probeMachine(env: NodeJS.ProcessEnv = process.env): Promise<Probe> {
  const dataPath = defaultDataDir(env)
  const exists = existsSync(dataPath)
  const data = JSON.parse(readFileSync(join(ROOT, 'resources', 'data', 'assumptions.json'), 'utf8')) as { datasetVersion: string; asOf: string }
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'resources', 'data', 'measures.json'), 'utf8')) as { catalogueVersion: string }
  const version = electronVersion()
  const nativeBinding = electronNativeBinding(version)
  const nativeBindingExists = existsSync(nativeBinding)
  return {
    platform: process.platform,
    env,
    nodeVersion: process.version,
    appVersion: (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    dataset: { datasetVersion: data.datasetVersion, asOf: data.asOf, catalogueVersion: catalogue.catalogueVersion },
    electron: { version, binary: electronBinary(), nativeBinding, nativeBindingExists },
    // Looking for compilers costs a few process starts: only when the Electron build of SQLite is missing.
    buildTools: nativeBindingExists ? { missing: [], advice: '' } : missingBuildTools(),
    nodeSqliteError: await nodeSqliteError(),
    rendererBuilt: existsSync(join(ROOT, 'out', 'renderer', 'index.html')),
    chromium: findChromium(env),
    dataDir: { path: dataPath, exists, ...(exists ? folderSize(dataPath) : { bytes: 0, files: 0 }), writable: exists && writable(dataPath) }
  }
}
