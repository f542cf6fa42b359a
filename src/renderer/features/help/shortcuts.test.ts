import { describe, expect, it } from 'vitest'
import { SHORTCUTS, resolveShortcut, type KeyLike } from './shortcuts'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })
const body = { tag: 'BODY' }
const text = { tag: 'INPUT', type: 'text' }
const slider = { tag: 'INPUT', type: 'range' }
const idle = { presenting: false, overlay: false }
const presenting = { presenting: true, overlay: false }

describe('keyboard shortcuts', () => {
  it('maps undo and redo with Ctrl or Cmd, but leaves text fields their native undo', () => {
    expect(resolveShortcut(key('z', { ctrlKey: true }), body, idle)).toBe('undo')
    expect(resolveShortcut(key('Z', { metaKey: true, shiftKey: true }), body, idle)).toBe('redo')
    expect(resolveShortcut(key('y', { ctrlKey: true }), slider, idle)).toBe('redo')
    expect(resolveShortcut(key('z', { ctrlKey: true }), text, idle)).toBeNull()
    expect(resolveShortcut(key('s', { ctrlKey: true }), text, idle)).toBe('save')
    expect(resolveShortcut(key('S', { ctrlKey: true, shiftKey: true }), body, idle)).toBeNull()
  })

  it('starts presentation with F5, steps with arrows only while presenting, leaves with Esc', () => {
    expect(resolveShortcut(key('F5'), body, idle)).toBe('present')
    expect(resolveShortcut(key('ArrowRight'), body, idle)).toBeNull()
    expect(resolveShortcut(key('ArrowRight'), body, presenting)).toBe('next')
    expect(resolveShortcut(key('PageUp'), body, presenting)).toBe('prev')
    expect(resolveShortcut(key('ArrowRight'), slider, presenting)).toBeNull()
    expect(resolveShortcut(key('Escape'), body, presenting)).toBe('leave')
    expect(resolveShortcut(key('Escape'), body, idle)).toBeNull()
  })

  it('keeps letters and ? for typing inside text fields', () => {
    expect(resolveShortcut(key('?', { shiftKey: true }), body, idle)).toBe('help')
    expect(resolveShortcut(key('e'), body, idle)).toBe('economy')
    expect(resolveShortcut(key('e'), text, idle)).toBeNull()
    expect(resolveShortcut(key('?', { shiftKey: true }), text, idle)).toBeNull()
    expect(resolveShortcut(key('2'), body, idle)).toBe('tab-cost')
    expect(resolveShortcut(key('2'), body, presenting)).toBeNull()
  })

  it('lists every action it can resolve in the help table exactly once', () => {
    const actions = SHORTCUTS.map((s) => s.action)
    expect(new Set(actions).size).toBe(actions.length)
  })
})
