import { describe, expect, it } from 'vitest'
import { uniqueName } from './unique-name'

const takenOf = (...names: string[]) => {
  const set = new Set(names.map((n) => n.toLowerCase()))
  return (n: string) => set.has(n.toLowerCase())
}

describe('uniqueName', () => {
  it('keeps a free name as it is', () => {
    expect(uniqueName('Escalation', takenOf('Other'))).toBe('Escalation')
  })
  it('numbers a taken name from 2, skipping numbers in use, case-insensitively', () => {
    expect(uniqueName('Escalation', takenOf('escalation'))).toBe('Escalation (2)')
    expect(uniqueName('Escalation', takenOf('Escalation', 'ESCALATION (2)'))).toBe('Escalation (3)')
  })
  it('counts on from an existing number instead of stacking suffixes', () => {
    expect(uniqueName('Tariffs (2)', takenOf('Tariffs (2)'))).toBe('Tariffs (3)')
  })
  it('stays within 200 characters', () => {
    const long = 'x'.repeat(200)
    const out = uniqueName(long, takenOf(long))
    expect(out).toHaveLength(200)
    expect(out.endsWith(' (2)')).toBe(true)
  })
})
