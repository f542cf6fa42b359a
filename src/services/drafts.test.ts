import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScenario } from '../core'
import { model } from '../shared/dataset'
import { createServices, type Services } from '.'

/** Drafts belong to a window or tab: two never share one, and a late write never brings back an older state. */
const open: Services[] = []
const dirs: string[] = []
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})
function services() {
  const dataDir = mkdtempSync(join(tmpdir(), 'cp-drafts-'))
  dirs.push(dataDir)
  let t = Date.UTC(2026, 11, 1, 9, 0, 0)
  const s = createServices({ dataDir, runtime: 'web', log: () => {}, clock: () => new Date((t += 1000)) })
  open.push(s)
  return s
}
const doc = (name: string) => defaultScenario(model, name)
const draft = (draftId: string, name: string, seq: number, dirty = true) => ({ draftId, seq, doc: doc(name), scenarioId: null, baseVersion: null, dirty })
type Value<T> = { ok: true; value: T }

describe('drafts per tab', () => {
  it('keeps each tab’s draft apart and lists every unsaved one with its time, newest first', async () => {
    const { dispatch } = services()
    await dispatch('draft.save', draft('tab-aaaa', 'Work in tab A', 1))
    await dispatch('draft.save', draft('tab-bbbb', 'Work in tab B', 1))
    const list = (await dispatch('draft.list', {})) as Value<{ items: { draftId: string; name: string; savedAt: string }[] }>
    expect(list.value.items.map((d) => [d.draftId, d.name])).toEqual([
      ['tab-bbbb', 'Work in tab B'],
      ['tab-aaaa', 'Work in tab A']
    ])
    expect(list.value.items[0].savedAt > list.value.items[1].savedAt).toBe(true)
    expect(await dispatch('draft.load', { draftId: 'tab-aaaa' })).toMatchObject({ ok: true, value: { draft: { doc: { name: 'Work in tab A' } } } })
    await dispatch('draft.discard', { draftId: 'tab-aaaa' })
    expect(((await dispatch('draft.list', {})) as Value<{ items: { draftId: string }[] }>).value.items.map((d) => d.draftId)).toEqual(['tab-bbbb'])
  })

  it('ignores a write that arrives after a newer one of the same draft: an undone edit never comes back', async () => {
    const { dispatch } = services()
    await dispatch('draft.save', draft('tab-aaaa', 'Edited', 5))
    // The edit was undone and the tab closed: the drop (seq 7) is written before the slow save (seq 6) lands.
    await dispatch('draft.discard', { draftId: 'tab-aaaa', seq: 7 })
    await dispatch('draft.save', draft('tab-aaaa', 'Edited, then undone', 6))
    expect(await dispatch('draft.load', { draftId: 'tab-aaaa' })).toMatchObject({ ok: true, value: { draft: null } })
    expect(((await dispatch('draft.list', {})) as Value<{ items: unknown[] }>).value.items).toEqual([])
    // The tab goes on editing: newer writes count again.
    await dispatch('draft.save', draft('tab-aaaa', 'Later work', 8))
    expect(await dispatch('draft.load', { draftId: 'tab-aaaa' })).toMatchObject({ ok: true, value: { draft: { doc: { name: 'Later work' } } } })
  })

  it('discarding another tab’s draft from recovery does not stop that tab, if it is still alive, from autosaving', async () => {
    const { dispatch } = services()
    await dispatch('draft.save', draft('tab-aaaa', 'Alive', 10))
    await dispatch('draft.discard', { draftId: 'tab-aaaa' })
    await dispatch('draft.save', draft('tab-aaaa', 'Alive, edited again', 11))
    expect(await dispatch('draft.load', { draftId: 'tab-aaaa' })).toMatchObject({ ok: true, value: { draft: { doc: { name: 'Alive, edited again' } } } })
  })

  it('a client that names no draft keeps using the one shared draft, as before', async () => {
    const { dispatch } = services()
    await dispatch('draft.save', { doc: doc('Old client'), scenarioId: null, baseVersion: null, dirty: true })
    expect(await dispatch('draft.load', {})).toMatchObject({ ok: true, value: { draft: { doc: { name: 'Old client' } } } })
    await dispatch('draft.discard', {})
    expect(await dispatch('draft.load', {})).toMatchObject({ ok: true, value: { draft: null } })
  })
})
