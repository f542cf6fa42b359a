import { describe, expect, it } from 'vitest'
import { ellipsize, fitText, LINE_HEIGHT, paginate, textWidth, wrapText } from './text-fit'

describe('text measured to fit', () => {
  it('estimates widths by character class, full-width scripts wider, combining marks zero', () => {
    expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10))
    expect(textWidth('漢字', 10)).toBeCloseTo(2 * textWidth('M', 10) / 0.86, 9)
    expect(textWidth('e\u0301', 10)).toBe(textWidth('e', 10))
    expect(textWidth('\u2068abc\u2069', 10)).toBe(textWidth('abc', 10))
  })

  it('wraps at spaces, breaks words wider than the line, and marks a cut with …', () => {
    const lines = wrapText('the quick brown fox jumps over the lazy dog', 10, 60)
    expect(lines.length).toBeGreaterThan(2)
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(60)
    const long = wrapText('x'.repeat(100), 10, 50)
    for (const l of long) expect(textWidth(l, 10)).toBeLessThanOrEqual(50)
    expect(long.join('')).toBe('x'.repeat(100))
    const cut = wrapText('word '.repeat(100), 10, 100, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1].endsWith('…')).toBe(true)
    expect(textWidth(cut[1], 10)).toBeLessThanOrEqual(100)
  })

  it('cuts to the width it measures', () => {
    for (const text of ['x'.repeat(300), 'A very long scenario name — ' + 'é'.repeat(200), '漢'.repeat(100)]) {
      const cut = ellipsize(text, 23, 600)
      expect(cut.endsWith('…')).toBe(true)
      expect(textWidth(cut, 23)).toBeLessThanOrEqual(600)
      expect(textWidth(cut, 23)).toBeGreaterThan(500)
    }
  })

  it('never splits a surrogate pair', () => {
    const cut = ellipsize('😀'.repeat(50), 10, 55)
    expect(cut.endsWith('…')).toBe(true)
    expect(Array.from(cut).every((c) => c === '😀' || c === '…')).toBe(true)
  })

  it('picks the largest size that fits the box, and cuts at the smallest when nothing fits', () => {
    const short = fitText('Executive summary', 400, 40, 28, 14)
    expect(short).toMatchObject({ fontSize: 28, cut: false, lines: 1 })
    const medium = fitText('A takeaway title that is long enough to need two lines at the largest size here', 400, 70, 28, 14)
    expect(medium.cut).toBe(false)
    expect(medium.fontSize).toBeLessThan(28)
    expect(medium.lines * medium.fontSize * LINE_HEIGHT).toBeLessThanOrEqual(70)
    const huge = fitText('word '.repeat(500), 400, 70, 28, 14)
    expect(huge).toMatchObject({ fontSize: 14, cut: true })
    expect(huge.text.endsWith('…')).toBe(true)
    expect(wrapText(huge.text, 14, 400).length * 14 * LINE_HEIGHT).toBeLessThanOrEqual(70 + 14 * LINE_HEIGHT)
  })

  it('splits rows into pages by their heights, at least one row a page', () => {
    expect(paginate([1, 1, 1, 1, 1], (h) => h, 2)).toEqual([[1, 1], [1, 1], [1]])
    expect(paginate([5, 1], (h) => h, 2)).toEqual([[5], [1]])
    expect(paginate([], (h: number) => h, 2)).toEqual([[]])
  })
})
