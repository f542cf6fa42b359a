import { describe, expect, it } from 'vitest'
import { Resvg } from '@resvg/resvg-js'
import { encodePng, fontOptions } from './raster'
import { decodePng } from './testing/png'

describe('PNG encoder', () => {
  it('round-trips pixels exactly and refuses a buffer of the wrong size', () => {
    const width = 7
    const height = 5
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37 + (i >> 2)) % 256)
    const png = encodePng(width, height, rgba)
    const back = decodePng(png)
    expect([back.width, back.height]).toEqual([width, height])
    expect(back.rgba).toEqual(rgba)
    expect(() => encodePng(width, height, rgba.subarray(1))).toThrow(/PNG: 139 bytes for 7×5 RGBA/)
  })
})

describe('fonts for the PNG', () => {
  const svg = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080" font-family="'Liberation Sans', Arial, sans-serif"><rect width="1920" height="1080" fill="#fff"/><text x="60" y="200" font-size="80" font-weight="700">${text}</text><text x="60" y="400" font-size="60">${text}</text></svg>`

  it('loads only the sans family’s own files for Latin text, and draws the same pixels as with every system font', () => {
    const latin = svg('Défense – peak ≤ 62 · “as known” … 2030 Q4 − 1.5')
    const own = fontOptions(latin)
    if (own.loadSystemFonts) return expect(own.fontFiles).toBeUndefined() // no regular+bold pair installed here: nothing to compare
    expect(own.fontFiles).toHaveLength(2)
    const draw = (font: object) => new Resvg(latin, { fitTo: { mode: 'width', value: 960 }, background: '#ffffff', font }).render().pixels
    const fast = draw(own)
    expect(Buffer.compare(fast, draw({ loadSystemFonts: true, defaultFontFamily: own.defaultFontFamily }))).toBe(0)
    // Text is drawn at all: some pixels are dark.
    expect(fast.some((v, i) => i % 4 === 0 && v < 64)).toBe(true)
  })

  it('keeps every system font when a name needs another script’s glyphs', () => {
    for (const name of ['稀土 scenario', 'سيناريو', 'Сценарий ✓', '\u2068x\u2069']) expect(fontOptions(svg(name)).loadSystemFonts).toBe(true)
  })
})
