#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, leaving node_modules (Node's
// ABI, used by the tests and the web host) untouched. Tries a prebuilt binary first, then a source build
// against Electron's headers. Exits non-zero with one clear line when neither works (e.g. offline).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { missingBuildTools } from './build-tools.mjs'
import { ROOT, electronNativeBinding, electronVersion } from './electron-env.mjs'

const version = electronVersion()
if (!version) fail('the electron package is not installed (run npm install)')
const target = electronNativeBinding(version)
if (existsSync(target)) process.exit(0)

// npm injects npm_config_nodedir (here: /usr); with it node-gyp would build against Node's headers.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)))
console.log(`SQLite for Electron ${version}: trying a prebuilt binary (a few seconds; needs the network)…`)
const started = Date.now()
const work = mkdtempSync(join(tmpdir(), 'chokepoint-native-'))
try {
  const pkg = join(work, 'better-sqlite3')
  cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), pkg, { recursive: true, filter: (src) => !src.includes(`${'build'}`) || src.endsWith('binding.gyp') })
  const prebuild = join(ROOT, 'node_modules', 'prebuild-install', 'bin.js')
  // A source build takes 1–5 minutes on a laptop; 15 minutes only stops a build that hangs.
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: pkg, env, stdio: 'inherit', timeout: 900_000 }).status === 0
  const built = join(pkg, 'build', 'Release', 'better_sqlite3.node')
  let ok = existsSync(prebuild) && run(process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, '--verbose']) && existsSync(built)
  if (!ok) {
    console.log('No prebuilt binary: compiling better-sqlite3 from source against Electron\'s headers (usually 1–5 minutes)…')
    const npmCli = process.env.npm_execpath
    const gyp = npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : ''
    ok = !!gyp && existsSync(gyp) &&
      run(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers']) &&
      existsSync(built)
  }
  if (!ok) {
    const { missing, advice } = missingBuildTools()
    fail(
      missing.length
        ? `could not get better-sqlite3 for Electron ${version}: no prebuilt binary, and the source build needs ${missing.join(', ')} — ${advice}`
        : `could not get better-sqlite3 for Electron ${version}: no prebuilt binary, and the source build failed (see above; offline? the build downloads Electron's headers)`
    )
  }
  mkdirSync(dirname(target), { recursive: true })
  cpSync(built, target)
  console.log(`better-sqlite3 for Electron ${version}: ${target} (${Math.round((Date.now() - started) / 1000)} s)`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

function fail(reason) {
  console.error(`native-electron: ${reason}`)
  process.exit(1)
}
