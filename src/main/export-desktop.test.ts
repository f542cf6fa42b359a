import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog, SaveDialogOptions } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { createSaveFile, loadLastFolder } from './export-desktop'

const dirs: string[] = []
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-desktop-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A save dialog that records what it was asked and answers with the next scripted path (null = cancel). */
function fakeDialog(answers: (string | null)[]) {
  const asked: SaveDialogOptions[] = []
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      asked.push(args[args.length - 1] as SaveDialogOptions)
      const next = answers.shift() ?? null
      return { canceled: next === null, filePath: next ?? '' }
    }
  } as unknown as Pick<Dialog, 'showSaveDialog'>
  return { dialog, asked }
}

const file = (fileName: string) => ({ fileName, mimeType: 'application/octet-stream', bytes: new Uint8Array([80, 75, 3, 4]) })

describe('desktop save dialog for exports', () => {
  it('opens in Documents first, then in the last folder used; adds a missing extension', async () => {
    const dataDir = temp()
    const out = temp()
    const { dialog, asked } = fakeDialog([join(out, 'deck'), null])
    const save = createSaveFile({ dialog, getWindow: () => null, dataDir, defaultFolder: '/home/me/Documents' })
    expect(await save(file('workshop-a_deck.pptx'))).toBe(join(out, 'deck.pptx'))
    expect(asked[0].defaultPath).toBe('/home/me/Documents/workshop-a_deck.pptx')
    expect(asked[0].filters).toEqual([{ name: 'PowerPoint deck', extensions: ['pptx'] }])
    expect([...readFileSync(join(out, 'deck.pptx'))]).toEqual([80, 75, 3, 4])
    expect(await loadLastFolder(dataDir)).toBe(out)
    expect(await save(file('chart.png'))).toBeNull()
    expect(asked[1].defaultPath).toBe(join(out, 'chart.png'))
    expect(readdirSync(out)).toEqual(['deck.pptx'])
  })

  it('fails with a clear message and leaves nothing behind when the folder cannot be written', async () => {
    const dataDir = temp()
    const { dialog } = fakeDialog([join(dataDir, 'gone', 'x.csv')])
    const save = createSaveFile({ dialog, getWindow: () => null, dataDir, defaultFolder: dataDir })
    await expect(save(file('x.csv'))).rejects.toThrow(/Could not write .*x\.csv: the folder does not exist/)
    expect(await loadLastFolder(dataDir)).toBeNull()
    expect(readdirSync(dataDir)).toEqual([])
  })
})
