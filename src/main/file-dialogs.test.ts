import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { createServices, type Services } from '../services'
import { withFileDialogs, type FileDialogs } from './file-dialogs'
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
function services() {
  const s = createServices({ dataDir: tempDir(), runtime: 'electron', log: () => {} })
  open.push(s)
  return s
}
/** Dialogs that answer as a person would have, and remember what they were asked. */
function scriptedDialogs(answer: { open?: string[] | null; save?: string | null }) {
  const asked: string[] = []
  const dialogs: FileDialogs = {
    showOpenDialog: async (o) => {
      asked.push(o.title)
      return answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] }
    },
    showSaveDialog: async (o) => {
      asked.push(`${o.title} → ${o.defaultPath}`)
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true }
    }
  }
  return { dialogs, asked }
}

describe('native file dialogs around export and import', () => {
  it('exports through a save dialog to the chosen path, adding the extension', async () => {
    const s = services()
    const saved = await s.dispatch('scenario.save', { doc: defaultScenario(model, 'Dialog export') })
    const id = saved.ok ? (saved.value as { id: string }).id : ''
    const out = tempDir()
    const { dialogs, asked } = scriptedDialogs({ save: join(out, 'my-file') })
    const dispatch = withFileDialogs(s.dispatch, dialogs, () => out)
    const r = await dispatch('scenario.exportFile', { ids: [id], dialog: true })
    expect(r).toMatchObject({ ok: true, value: { savedTo: join(out, 'my-file.chokepoint.json'), count: 1 } })
    expect(asked).toEqual([`Export scenario → ${join(out, 'Dialog export.chokepoint.json')}`])
    expect(JSON.parse(readFileSync(join(out, 'my-file.chokepoint.json'), 'utf8')).name).toBe('Dialog export')
    expect(readdirSync(out)).toEqual(['my-file.chokepoint.json']) // no temp file left behind
  })

  it('reports a cancelled save as savedTo null and writes nothing', async () => {
    const s = services()
    const saved = await s.dispatch('scenario.save', { doc: defaultScenario(model, 'Cancelled') })
    const id = saved.ok ? (saved.value as { id: string }).id : ''
    const out = tempDir()
    const dispatch = withFileDialogs(s.dispatch, scriptedDialogs({ save: null }).dialogs, () => out)
    expect(await dispatch('scenario.exportFile', { ids: [id], dialog: true })).toMatchObject({ ok: true, value: { savedTo: null } })
    expect(readdirSync(out)).toEqual([])
  })

  it('imports the files picked in the open dialog, all or nothing', async () => {
    const s = services()
    const dir = tempDir()
    writeFileSync(join(dir, 'a.chokepoint.json'), JSON.stringify(defaultScenario(model, 'Picked A')))
    writeFileSync(join(dir, 'bad.chokepoint.json'), '{"format": "chokepoint.scenario"')
    const both = withFileDialogs(s.dispatch, scriptedDialogs({ open: [join(dir, 'a.chokepoint.json'), join(dir, 'bad.chokepoint.json')] }).dialogs, () => dir)
    expect(await both('scenario.importFile', { dialog: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/“bad\.chokepoint\.json” is not valid JSON/) } })
    const one = withFileDialogs(s.dispatch, scriptedDialogs({ open: [join(dir, 'a.chokepoint.json')] }).dialogs, () => dir)
    expect(await one('scenario.importFile', { dialog: true })).toMatchObject({ ok: true, value: { imported: [{ name: 'Picked A' }], cancelled: false } })
    const cancelled = withFileDialogs(s.dispatch, scriptedDialogs({ open: null }).dialogs, () => dir)
    expect(await cancelled('scenario.importFile', { dialog: true })).toMatchObject({ ok: true, value: { imported: [], cancelled: true } })
  })

  it('passes every other call straight through', async () => {
    const s = services()
    const { dialogs, asked } = scriptedDialogs({})
    const dispatch = withFileDialogs(s.dispatch, dialogs, () => tmpdir())
    expect(await dispatch('scenario.search', {})).toMatchObject({ ok: true, value: { total: 0 } })
    expect(asked).toEqual([])
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
