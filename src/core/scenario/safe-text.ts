import type { z } from 'zod'

/**
 * Text a person types (scenario names, notes, tags) ends up inside XML (the SVG, the .pptx parts, the
 * embedded workbooks). XML 1.0 forbids most C0 control characters, U+FFFE/U+FFFF and unpaired surrogates
 * anywhere in a document, even escaped. Such characters arrive by paste (Word's line break is U+000B) and
 * used to make exports malformed; they are refused where a scenario enters the app (save, import, draft).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first character XML 1.0 forbids in `text`, with its position, or null when there is none. */
export function findXmlForbidden(text: string): { index: number; codePoint: string } | null {
  // No `u` flag: a lone surrogate is then matched as the one code unit it is.
  const m = XML_FORBIDDEN.exec(text)
  if (!m) return null
  return { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` }
}

/** Zod check for free text: refuses a character XML forbids, naming it and where it is. */
export const refuseXmlForbidden = (what: string) => (text: string, ctx: z.RefinementCtx) => {
  const bad = findXmlForbidden(text)
  if (bad) {
    ctx.addIssue({
      code: 'custom',
      message: `control character ${bad.codePoint} at position ${bad.index + 1} of ${what}: documents and exports cannot hold it; remove it (a pasted line break often brings it)`
    })
  }
}
