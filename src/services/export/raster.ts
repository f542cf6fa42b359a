import { existsSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import { Resvg } from '@resvg/resvg-js'
import { SVG_WIDTH } from './chart-svg'

/**
 * Rasterises an export SVG to PNG with resvg (a native renderer shipped inside its npm package, so it works
 * offline under plain Node and in Electron's main process). Scale 1 gives 1920×1080, scale 2 gives 3840×2160.
 * Text uses the system fonts (Liberation Sans / Arial / DejaVu Sans, whichever is installed).
 */
export function svgToPng(svg: string, scale: 1 | 2 = 1): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: SVG_WIDTH * scale },
    // Opaque white: every pixel has alpha 255, so the pixels are the same premultiplied or not.
    background: '#ffffff',
    font: fontOptions(svg)
  })
  const image = resvg.render()
  return encodePng(image.width, image.height, image.pixels)
}

/** Where the sans-serif families the SVG asks for live (regular, bold), first found wins (Linux, macOS, Windows). */
const SANS_FILES: [string, string[], string[]][] = [
  ['Liberation Sans',
    ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf'],
    ['/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf']],
  ['Arial', ['/System/Library/Fonts/Supplemental/Arial.ttf', '/Library/Fonts/Arial.ttf', 'C:\\Windows\\Fonts\\arial.ttf'], ['/System/Library/Fonts/Supplemental/Arial Bold.ttf', '/Library/Fonts/Arial Bold.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf']],
  ['DejaVu Sans', ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans.ttf'], ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf']],
  ['Noto Sans', ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/noto/NotoSans-Regular.ttf'], ['/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf', '/usr/share/fonts/noto/NotoSans-Bold.ttf']]
]
let sans: { family: string; files: string[] | null } | undefined

const installed = () => {
  sans ??= (() => {
    for (const [family, regular, bold] of SANS_FILES) {
      const r = regular.find((f) => existsSync(f))
      if (!r) continue
      const b = bold.find((f) => existsSync(f))
      return { family, files: b ? [r, b] : null }
    }
    return { family: 'Liberation Sans', files: null }
  })()
  return sans
}

/**
 * The family resvg falls back to. resvg takes its default family as soon as the first family of the SVG's
 * list is missing (it does not try the next), and a missing default gave a serif face: so the default is
 * the first of the SVG's sans-serif families that is installed here.
 */
export function sansFamily(): string {
  return installed().family
}

/**
 * Text every sans family above draws itself: Latin (ASCII, Latin-1, Latin Extended-A) and the punctuation and
 * signs the exports write (dashes, quotes, …, ·, ≤, ≥, −, ×, ±). Anything else may need another font's glyphs.
 */
const OWN_GLYPHS = /^[\t\n\r\u0020-\u007e\u00a0-\u017f\u2010-\u2022\u2026\u2030\u2039\u203a\u2212\u2264\u2265]*$/

/**
 * How resvg finds fonts for an SVG. Loading every system font took ≈ 30 ms per export (≈ 300 files here):
 * when all the SVG's text is in the family's own glyphs, only its regular and bold files are loaded, which
 * draws the same pixels (tested); other scripts (a Chinese or Arabic scenario name) keep the whole system
 * set, so resvg can fall back to a font that has them.
 */
export function fontOptions(svg: string): { loadSystemFonts: boolean; fontFiles?: string[]; defaultFontFamily: string } {
  const { family, files } = installed()
  if (files && OWN_GLYPHS.test(svg)) return { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family }
  return { loadSystemFonts: true, defaultFontFamily: family }
}

const SIGNATURE = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10])

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/**
 * An 8-bit RGBA PNG of raw pixels, rows unfiltered and deflated at level 1: a chart is mostly flat colour,
 * which fast deflate already packs well, and at 3840×2160 resvg's own encoder (best compression) took most
 * of the export's time — this one is ≈ 2× faster for files ≈ 40 % larger. (Dropping the alpha channel of
 * the opaque exports was tried: the per-pixel copy cost more CPU than the smaller deflate saved.)
 */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4
  if (rgba.length !== stride * height) throw new Error(`PNG: ${rgba.length} bytes for ${width}×${height} RGBA`)
  const raw = Buffer.allocUnsafe((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1)
    raw[at] = 0 // filter: none
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), at + 1)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // depth 8, colour type RGBA, deflate, no filter method, no interlace
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', new Uint8Array(0))])
}
