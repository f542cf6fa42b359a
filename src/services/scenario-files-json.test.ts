import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonErrorOffset, lineColumn } from './scenario-files-json'

const where = (text: string) => lineColumn(text, jsonErrorOffset(text))

describe('jsonErrorOffset', () => {
  it('finds the first bad character', () => {
    expect(where('{\n  "a": 1,\n  "b": oops\n}')).toBe('line 3, column 8')
    expect(where('{"a": 1,}')).toBe('line 1, column 9')
    expect(where('{"a": [1, 2}')).toBe('line 1, column 12')
    expect(where('{"a": "tab\there"}')).toBe('line 1, column 11')
    expect(where('{"a": 01}')).toBe('line 1, column 8')
    expect(where('[1] [2]')).toBe('line 1, column 5')
    expect(jsonErrorOffset('{"a": 1')).toBe(7) // ends too early: the end of the text
    expect(jsonErrorOffset('')).toBe(0)
  })

  it('agrees with JSON.parse on what is valid, including deep nesting', () => {
    expect(jsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(-1)
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(jsonErrorOffset(JSON.stringify(v, null, 1))).toBe(-1)
      }),
      { numRuns: 300 }
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        let valid = true
        try {
          JSON.parse(s)
        } catch {
          valid = false
        }
        expect(jsonErrorOffset(s) === -1).toBe(valid)
      }),
      { numRuns: 2000 }
    )
  })
})
