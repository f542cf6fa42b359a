import { describe, expect, it } from 'vitest'
import { encodePng } from './raster'
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
