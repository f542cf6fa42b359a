import { describe, expect, it } from 'vitest'
import { tabDraftIdentity, takeNewDraftId } from './draft-id'

/** sessionStorage as a map (what the browser copies into a duplicated tab). */
const store = (init: Record<string, string> = {}) => {
  const m = new Map(Object.entries(init))
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m }
}
let n = 0
const ids = () => `id-${++n}-xxxx`

describe('a tab’s draft id', () => {
  it('a new tab gets a new id and keeps it in its session', () => {
    const s = store()
    const first = tabDraftIdentity(s, ids)
    expect(first.unreleased).toBeNull()
    expect(s.getItem('chokepoint.draftId')).toBe(first.draftId)
  })

  it('a reload (the page said it was going) keeps the id, and the mark is used up', () => {
    const s = store({ 'chokepoint.draftId': 'tab-a-1234', 'chokepoint.draftReleased': 'tab-a-1234' })
    expect(tabDraftIdentity(s, ids)).toEqual({ draftId: 'tab-a-1234', unreleased: null })
    expect(s.getItem('chokepoint.draftReleased')).toBeNull()
    // The same session copied now (a duplicate of the reloaded tab) is no longer a reload.
    expect(tabDraftIdentity(store(Object.fromEntries(s.m)), ids)).toEqual({ draftId: 'tab-a-1234', unreleased: 'tab-a-1234' })
  })

  it('an id nobody released (a duplicated tab, or a crash) is named for the probe; a copy then takes a new id', () => {
    const s = store({ 'chokepoint.draftId': 'tab-a-1234' })
    expect(tabDraftIdentity(s, ids)).toEqual({ draftId: 'tab-a-1234', unreleased: 'tab-a-1234' })
    const fresh = takeNewDraftId(s, ids)
    expect(fresh).not.toBe('tab-a-1234')
    expect(s.getItem('chokepoint.draftId')).toBe(fresh)
  })

  it('an invalid stored id is replaced, never used', () => {
    const s = store({ 'chokepoint.draftId': '../../etc' })
    const got = tabDraftIdentity(s, ids)
    expect(got.draftId).not.toBe('../../etc')
    expect(got.unreleased).toBeNull()
  })
})
