/**
 * Text measured before it is placed, so slides and charts never rely on a viewer's "shrink to fit"
 * (PowerPoint, Keynote and LibreOffice each do it differently, or not at all). Widths are estimated from
 * Arial/Liberation Sans advance widths by character class, rounded up: an estimate that errs wide, so text
 * that fits here fits in the viewer. One unit system throughout: `size` (font size) and widths in the same
 * unit (points on slides, user units in SVG).
 */

/** Combining marks, zero-width and bidi controls, variation selectors, BOM: no advance of their own. */
const zeroWidth = (cp: number) => (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff
const NARROW = /[ il.,:;'!|ijtf()[\]{}\-\u2019\u2018\u00B7]/
const SEMI = /[rsJ"*`^/\\]/
const WIDE = /[MWmw@%&\u2014]/
const UPPER = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F#$?_+=<>~]/

/** Advance width of one character in em (font size units). Full-width scripts and emoji count 1 em. */
export function charWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0
  if (zeroWidth(cp)) return 0
  if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f000)) return 1
  if (NARROW.test(ch)) return 0.3
  if (SEMI.test(ch)) return 0.4
  if (WIDE.test(ch)) return 0.86
  if (UPPER.test(ch)) return 0.68
  // Digits (0.556 em in Arial) and most lower-case letters.
  return 0.56
}

/**
 * Margin for the font the viewer substitutes when Arial is missing (Liberation Sans matches Arial; Noto Sans
 * and DejaVu Sans, common fallbacks on Linux, run 7–15 % wider).
 */
const FALLBACK_MARGIN = 1.1

/** Width of a text at `size`, in the unit of `size`. */
export function textWidth(text: string, size: number): number {
  let em = 0
  for (const ch of text) em += charWidthEm(ch)
  return em * size * FALLBACK_MARGIN
}

/** Cuts a text to fit `maxWidth` at `size`, ending in … when cut (never inside a surrogate pair). */
export function ellipsize(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text
  const room = maxWidth - textWidth('…', size)
  let width = 0
  let out = ''
  for (const ch of text) {
    width += charWidthEm(ch) * size * FALLBACK_MARGIN
    if (width > room) break
    out += ch
  }
  return `${out.trimEnd()}…`
}

/**
 * Breaks a text into lines of at most `maxWidth` (at spaces where it can, inside a word when a word alone is
 * too long). With `maxLines`, the last line kept ends in … when text was left out. Line breaks in the text
 * are kept.
 */
export function wrapText(text: string, size: number, maxWidth: number, maxLines = Infinity): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = ''
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word
      if (textWidth(candidate, size) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      // A word wider than the line is broken where it overflows.
      let rest = word
      while (textWidth(rest, size) > maxWidth) {
        let cut = ''
        for (const ch of rest) {
          if (textWidth(cut + ch, size) > maxWidth && cut) break
          cut += ch
        }
        lines.push(cut)
        rest = rest.slice(cut.length)
      }
      line = rest
    }
    lines.push(line)
  }
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1].trimEnd()
  kept[maxLines - 1] = textWidth(`${last}…`, size) <= maxWidth ? `${last}…` : ellipsize(`${last}……`, size, maxWidth)
  return kept
}

/** Line height as a multiple of the font size (PowerPoint's single spacing for Arial is ≈ 1.2). */
export const LINE_HEIGHT = 1.2

export type FittedText = { text: string; fontSize: number; lines: number; cut: boolean }

/**
 * The largest font size from `maxSize` down to `minSize` (1-point steps) at which the text, wrapped, fits a
 * box of `width` × `height` (points). When even `minSize` is too big, the text is cut (ending in …) to the
 * lines that fit at `minSize`: it is never left to the viewer to shrink.
 */
export function fitText(text: string, width: number, height: number, maxSize: number, minSize: number): FittedText {
  for (let size = maxSize; size >= minSize; size--) {
    const lines = wrapText(text, size, width)
    if (lines.length * size * LINE_HEIGHT <= height) return { text, fontSize: size, lines: lines.length, cut: false }
  }
  const maxLines = Math.max(1, Math.floor(height / (minSize * LINE_HEIGHT)))
  const lines = wrapText(text, minSize, width, maxLines)
  return { text: lines.join(' '), fontSize: minSize, lines: lines.length, cut: true }
}

/** Splits items into pages whose summed heights stay within `capacity` (each page holds at least one item). */
export function paginate<T>(items: readonly T[], heightOf: (item: T) => number, capacity: number): T[][] {
  const pages: T[][] = []
  let page: T[] = []
  let used = 0
  for (const item of items) {
    const h = heightOf(item)
    if (page.length > 0 && used + h > capacity) {
      pages.push(page)
      page = []
      used = 0
    }
    page.push(item)
    used += h
  }
  if (page.length > 0 || pages.length === 0) pages.push(page)
  return pages
}
