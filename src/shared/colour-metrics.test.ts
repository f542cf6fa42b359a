import { describe, expect, it } from 'vitest'
import { composite, contrastRatio, deltaE2000, deltaE76, hexDeltaE2000, hexToLab, parseHex, simulateDeficiency, toHex } from './colour-metrics'

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes", Table 1 (pair number: expected ΔE00).
  const pairs: [number, [number, number, number], [number, number, number], number][] = [
    [1, [50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [2, [50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [3, [50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [7, [50, 0, 0], [50, -1, 2], 2.3669],
    [13, [50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [17, [50, 2.5, 0], [73, 25, -18], 27.1492],
    [19, [50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [25, [60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [34, [2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082]
  ]
  it.each(pairs)('matches Sharma et al. pair %i', (_n, p, q, expected) => {
    const lab = ([L, a, b]: [number, number, number]) => ({ L, a, b })
    expect(deltaE2000(lab(p), lab(q))).toBeCloseTo(expected, 4)
    expect(deltaE2000(lab(q), lab(p))).toBeCloseTo(expected, 4)
  })

  it('is 0 for the same colour and grows with the difference', () => {
    expect(hexDeltaE2000('#1f77b4', '#1f77b4')).toBe(0)
    expect(hexDeltaE2000('#1f77b4', '#3182bd')).toBeLessThan(hexDeltaE2000('#1f77b4', '#d62728'))
  })
})

describe('sRGB to L*a*b*', () => {
  it('puts white at L* 100 and sRGB red where references do', () => {
    const white = hexToLab('#ffffff')
    expect(white.L).toBeCloseTo(100, 2)
    expect(Math.hypot(white.a, white.b)).toBeLessThan(0.01)
    const red = hexToLab('#ff0000')
    expect([red.L, red.a, red.b].map((v) => Math.round(v * 10) / 10)).toEqual([53.2, 80.1, 67.2])
    expect(deltaE76(hexToLab('#000000'), white)).toBeCloseTo(100, 2)
  })
})

describe('WCAG contrast', () => {
  it('gives 21:1 for black on white, 1:1 for a colour on itself, 4.54:1 for #767676 on white', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6)
    expect(contrastRatio('#5b6470', '#5b6470')).toBe(1)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff'))
  })
})

describe('hex and compositing', () => {
  it('round-trips hex, composites over a background, and names a bad value', () => {
    expect(toHex(parseHex('#0A7fE0'))).toBe('#0a7fe0')
    expect(composite('#000000', 0.5, '#ffffff')).toBe('#808080')
    expect(composite('#123456', 1, '#ffffff')).toBe('#123456')
    expect(() => parseHex('red')).toThrow(/not a #rrggbb colour: "red"/)
  })
})

describe('colour-vision deficiency', () => {
  it('keeps greys and the dichromats’ own axis, and folds red-green together', () => {
    for (const d of ['deuteranopia', 'protanopia'] as const) {
      expect(simulateDeficiency('#808080', d)).toBe('#808080')
      expect(simulateDeficiency('#ffffff', d)).toBe('#ffffff')
      // A red and a green that differ hugely in normal vision come out much closer.
      expect(hexDeltaE2000(simulateDeficiency('#d62728', d), simulateDeficiency('#2ca02c', d))).toBeLessThan(hexDeltaE2000('#d62728', '#2ca02c') / 2)
      // Blue against yellow survives.
      expect(hexDeltaE2000(simulateDeficiency('#1f4e9c', d), simulateDeficiency('#e9c23b', d))).toBeGreaterThan(40)
    }
  })
})
