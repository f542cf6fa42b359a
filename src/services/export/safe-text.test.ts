import { describe, expect, it } from 'vitest'
import { isolateBidi, looksLikeFormula, neutraliseFormula, userText, xmlSafe } from './safe-text'

describe('text made safe for exports', () => {
  it('replaces every character XML forbids, and nothing else', () => {
    expect(xmlSafe('a\u000Bb\u0000c\uFFFEd\uD800e')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe')
    expect(xmlSafe('tab\tline\nret\r 😀 漢 é')).toBe('tab\tline\nret\r 😀 漢 é')
  })

  it('isolates text with right-to-left letters or bidi controls, leaves left-to-right text alone', () => {
    expect(isolateBidi('Workshop A')).toBe('Workshop A')
    expect(isolateBidi('תרחיש')).toBe('\u2068תרחיש\u2069')
    expect(isolateBidi('تصعيد 2026')).toBe('\u2068تصعيد 2026\u2069')
    expect(isolateBidi('abc\u202Eevil')).toBe('\u2068abc\u202Eevil\u2069')
    expect(userText('x\u000Bתר')).toBe('\u2068x\uFFFDתר\u2069')
  })

  it('neutralises the six formula starts with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(looksLikeFormula(`${start}1`)).toBe(true)
      expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`)
    }
    for (const fine of ['1+1', 'A=B', ' =1', '—', "'=already"]) expect(neutraliseFormula(fine)).toBe(fine)
  })
})
