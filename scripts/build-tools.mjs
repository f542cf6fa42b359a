// What a source build of better-sqlite3 for Electron needs (node-gyp: a C++ compiler, Python 3, make), what
// is missing here, and how to get it on this system — for `npm start` and `npm run doctor` (issue 16).
import { spawnSync } from 'node:child_process'

/** True when `command` runs (`--version`) on this machine. */
export const hasCommand = (command) => {
  const r = spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 10_000, shell: process.platform === 'win32' })
  return r.status === 0
}

const NEEDS = {
  linux: [
    { tool: 'C++ compiler', any: ['c++', 'g++', 'clang++'] },
    { tool: 'make', any: ['make'] },
    { tool: 'Python 3', any: ['python3'] }
  ],
  darwin: [
    { tool: 'C++ compiler (Xcode Command Line Tools)', any: ['clang++', 'c++'] },
    { tool: 'make', any: ['make'] },
    { tool: 'Python 3', any: ['python3'] }
  ],
  win32: [
    // cl.exe is only on PATH in a Developer prompt; node-gyp finds Visual Studio by itself, so only Python is checked.
    { tool: 'Python 3', any: ['python', 'py'] }
  ]
}

const ADVICE = {
  linux: 'Debian/Ubuntu: sudo apt-get install build-essential python3 · Fedora: sudo dnf install gcc-c++ make python3',
  darwin: 'xcode-select --install (brings clang++ and make); Python 3 from python.org or Homebrew',
  win32: 'Visual Studio Build Tools with "Desktop development with C++", and Python 3 from python.org'
}

/**
 * The build tools missing on `platform` (each named with the commands looked for) and the advice for it.
 * `has` is injectable for tests.
 */
export function missingBuildTools(platform = process.platform, has = hasCommand) {
  const needs = NEEDS[platform] ?? NEEDS.linux
  const missing = needs.filter((n) => !n.any.some((c) => has(c))).map((n) => `${n.tool} (${n.any.join(' / ')})`)
  return { missing, advice: ADVICE[platform] ?? ADVICE.linux }
}
