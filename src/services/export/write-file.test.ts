import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportWriteError, writeFileAtomic } from './write-file'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-write-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('atomic export writes', () => {
  it('writes the bytes and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'deck.pptx'), new Uint8Array([1, 2, 3]))
    expect([...readFileSync(join(dir, 'deck.pptx'))]).toEqual([1, 2, 3])
    expect(readdirSync(dir)).toEqual(['deck.pptx'])
  })

  it('replaces an existing file whole', async () => {
    writeFileSync(join(dir, 'a.csv'), 'old')
    await writeFileAtomic(join(dir, 'a.csv'), 'new content')
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('new content')
    expect(readdirSync(dir)).toEqual(['a.csv'])
  })

  it('says why a missing folder cannot be written, and writes nothing', async () => {
    const target = join(dir, 'nope', 'a.png')
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(new RegExp(`Could not write ${target.replace(/[/.]/g, '\\$&')}: the folder does not exist`))
    expect(readdirSync(dir)).toEqual([])
  })

  it('keeps the old file and removes the temporary one when the final step fails', async () => {
    // A folder where the file should go: the rename fails after the bytes were written to the temp file.
    mkdirSync(join(dir, 'report.pdf'))
    writeFileSync(join(dir, 'report.pdf', 'keep.txt'), 'kept')
    const error = await writeFileAtomic(join(dir, 'report.pdf'), 'x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExportWriteError)
    expect(readdirSync(dir)).toEqual(['report.pdf'])
    expect(readFileSync(join(dir, 'report.pdf', 'keep.txt'), 'utf8')).toBe('kept')
  })
})
