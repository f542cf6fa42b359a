import { describe, expect, it } from 'vitest'
import { describeImport } from './file-transfer'

const summary = (name: string) => ({ id: '00000000-0000-4000-8000-000000000000', name, notes: '', tags: [], version: 1, createdAt: '', updatedAt: '', measures: [] })

describe('describeImport', () => {
  it('names what was imported, what was renamed and what was upgraded', () => {
    expect(describeImport({ imported: [summary('A')], renamed: [], upgraded: 0, cancelled: false, notes: [] })).toBe('Imported 1 scenario: “A”.')
    expect(describeImport({ imported: [summary('A'), summary('B (2)')], renamed: [{ from: 'B', to: 'B (2)' }], upgraded: 2, cancelled: false, notes: [] })).toBe(
      'Imported 2 scenarios: “A”, “B (2)”. “B” was renamed to “B (2)” (the name was taken). 2 from an older version of Chokepoint were upgraded.'
    )
    expect(describeImport({ imported: [summary('A')], renamed: [], upgraded: 1, cancelled: false, notes: ['“A”: Measure “x” is now called “y”.'] })).toBe(
      'Imported 1 scenario: “A”. 1 from an older version of Chokepoint was upgraded. Changes from the catalogue update: “A”: Measure “x” is now called “y”.'
    )
  })
})
