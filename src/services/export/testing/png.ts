import { inflateSync } from 'node:zlib'

/**
 * A small PNG reader for tests: checks the signature, reads the size from IHDR and decodes 8-bit RGB/RGBA,
 * non-interlaced images (what resvg and Chromium write) into RGBA pixels, so tests look at pixels, not only
 * at dimensions.
 */
export type DecodedPng = { width: number; height: number; rgba: Uint8Array }

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG file')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

export function decodePng(bytes: Uint8Array): DecodedPng {
  const { width, height } = pngSize(bytes)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const depth = bytes[24]
  const colorType = bytes[25]
  const interlace = bytes[28]
  if (depth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`)
  const channels = colorType === 6 ? 4 : 3
  const idat: Uint8Array[] = []
  for (let at = 8; at < bytes.length; ) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    if (type === 'IEND') break
    at += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const out = new Uint8Array(width * height * 4)
  let prev = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    const cur = new Uint8Array(stride)
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels] : 0
      const b = prev[x]
      const c = x >= channels ? prev[x - channels] : 0
      let pred = 0
      if (filter === 1) pred = a
      else if (filter === 2) pred = b
      else if (filter === 3) pred = (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      cur[x] = (line[x] + pred) & 0xff
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      out[o] = cur[x * channels]
      out[o + 1] = cur[x * channels + 1]
      out[o + 2] = cur[x * channels + 2]
      out[o + 3] = channels === 4 ? cur[x * channels + 3] : 255
    }
    prev = cur
  }
  return { width, height, rgba: out }
}

/** Share of pixels that are not (near) white, and how many distinct colours appear (quantised to 5 bits). */
export function pixelStats(img: DecodedPng): { inked: number; colours: number } {
  let inked = 0
  const colours = new Set<number>()
  for (let i = 0; i < img.rgba.length; i += 4) {
    const [r, g, b] = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]]
    if (r < 240 || g < 240 || b < 240) inked++
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3))
  }
  return { inked: inked / (img.rgba.length / 4), colours: colours.size }
}

/** Whether some pixel is within `tolerance` of the `#rrggbb` colour on every channel. */
export function hasColour(img: DecodedPng, hex: string, tolerance = 12): boolean {
  const r = parseInt(hex.slice(1, 3), 16)
  const g = parseInt(hex.slice(3, 5), 16)
  const b = parseInt(hex.slice(5, 7), 16)
  for (let i = 0; i < img.rgba.length; i += 4) {
    if (Math.abs(img.rgba[i] - r) <= tolerance && Math.abs(img.rgba[i + 1] - g) <= tolerance && Math.abs(img.rgba[i + 2] - b) <= tolerance) return true
  }
  return false
}
