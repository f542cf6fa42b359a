import { describe, expect, it } from 'vitest'
import { missingBuildTools } from './build-tools.mjs'

describe('build tools for the Electron SQLite build', () => {
  it('names what is missing per system, with that system’s advice', () => {
    const none = () => false
    expect(missingBuildTools('linux', none)).toEqual({
      missing: ['C++ compiler (c++ / g++ / clang++)', 'make (make)', 'Python 3 (python3)'],
      advice: expect.stringContaining('build-essential')
    })
    expect(missingBuildTools('darwin', none).advice).toContain('xcode-select --install')
    expect(missingBuildTools('win32', none)).toMatchObject({ missing: ['Python 3 (python / py)'], advice: expect.stringContaining('Visual Studio Build Tools') })
  })

  it('finds nothing missing when any of the alternatives is there', () => {
    const only = (have: string[]) => (c: string) => have.includes(c)
    expect(missingBuildTools('linux', only(['clang++', 'make', 'python3'])).missing).toEqual([])
    expect(missingBuildTools('linux', only(['g++', 'python3'])).missing).toEqual(['make (make)'])
  })
})
