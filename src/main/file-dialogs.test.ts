import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { createServices, type Services, type ServicesOptions } from '../services'
import { writeFileAtomic } from '../services/export/write-file'
import { createOpenScenarioFiles } from './file-dialogs'
import { choseToLeave, UNSAVED_CHANGES_PROMPT } from './unsaved-changes'

const dirs: string[] = []
const open: Services[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-dialogs-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})
function services(extra: Partial<ServicesOptions>) {
  const s = createServices({ dataDir: tempDir(), runtime: 'electron', log: () => {}, ...extra })
  open.push(s)
  return s
}
/** An open dialog that answers as a person would have (null: cancel). */
const pickDialog = (paths: string[] | null) =>
  ({
    showOpenDialog: async () => (paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] })
  }) as unknown as Pick<Dialog, 'showOpenDialog'>
const noWindow = () => null as BrowserWindow | null

describe('desktop import through the native open dialog', () => {
  it('imports the picked files, all or nothing; a cancel imports nothing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.chokepoint.json'), JSON.stringify(defaultScenario(model, 'Picked A')))
    writeFileSync(join(dir, 'bad.chokepoint.json'), '{"format": "chokepoint.scenario"')
    const both = services({ openScenarioFiles: createOpenScenarioFiles({ dialog: pickDialog([join(dir, 'a.chokepoint.json'), join(dir, 'bad.chokepoint.json')]), getWindow: noWindow }) })
    expect(await both.dispatch('scenario.importFile', { dialog: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/“bad\.chokepoint\.json” is not valid JSON/) } })
    expect(await both.dispatch('scenario.search', {})).toMatchObject({ ok: true, value: { total: 0 } })

    const one = services({ openScenarioFiles: createOpenScenarioFiles({ dialog: pickDialog([join(dir, 'a.chokepoint.json')]), getWindow: noWindow }) })
    expect(await one.dispatch('scenario.importFile', { dialog: true })).toMatchObject({ ok: true, value: { imported: [{ name: 'Picked A' }], cancelled: false } })

    const cancelled = services({ openScenarioFiles: createOpenScenarioFiles({ dialog: pickDialog(null), getWindow: noWindow }) })
    expect(await cancelled.dispatch('scenario.importFile', { dialog: true })).toMatchObject({ ok: true, value: { imported: [], cancelled: true } })
  })

  it('refuses a file too large before reading it, and too many files at once', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(5_000_001, 0x20))
    const big = services({ openScenarioFiles: createOpenScenarioFiles({ dialog: pickDialog([join(dir, 'big.json')]), getWindow: noWindow }) })
    expect(await big.dispatch('scenario.importFile', { dialog: true })).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringMatching(/“big\.json” is 5\.0 MB/) } })
    const many = services({ openScenarioFiles: createOpenScenarioFiles({ dialog: pickDialog(Array.from({ length: 21 }, (_, i) => join(dir, `${i}.json`))), getWindow: noWindow }) })
    expect(await many.dispatch('scenario.importFile', { dialog: true })).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringMatching(/at most 20 files/) } })
  })
})

describe('desktop export through the shared save dialog', () => {
  it('writes the file where the person chose, or nothing when they cancel', async () => {
    const out = tempDir()
    let answer: string | null = join(out, 'chosen.chokepoint.json')
    const s = services({
      saveFile: async (file) => {
        if (answer === null) return null
        await writeFileAtomic(answer, file.bytes)
        return answer
      }
    })
    const saved = await s.dispatch('scenario.save', { doc: defaultScenario(model, 'Dialog export') })
    const id = saved.ok ? (saved.value as { id: string }).id : ''
    expect(await s.dispatch('scenario.exportFile', { ids: [id], dialog: true })).toMatchObject({ ok: true, value: { savedTo: join(out, 'chosen.chokepoint.json'), count: 1 } })
    expect(JSON.parse(readFileSync(join(out, 'chosen.chokepoint.json'), 'utf8')).name).toBe('Dialog export')
    answer = null
    rmSync(join(out, 'chosen.chokepoint.json'))
    expect(await s.dispatch('scenario.exportFile', { ids: [id], dialog: true })).toMatchObject({ ok: true, value: { savedTo: null } })
    expect(readdirSync(out)).toEqual([])
  })
})

describe('unsaved-changes prompt', () => {
  it('defaults to staying; only the first button leaves', () => {
    expect(UNSAVED_CHANGES_PROMPT.buttons[UNSAVED_CHANGES_PROMPT.defaultId]).toBe('Stay')
    expect(UNSAVED_CHANGES_PROMPT.cancelId).toBe(UNSAVED_CHANGES_PROMPT.defaultId)
    expect(choseToLeave(0)).toBe(true)
    expect(choseToLeave(1)).toBe(false)
  })
})
