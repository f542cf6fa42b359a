/**
 * Colour measures used to choose and check the chart palette (`palette.ts`): CIE L*a*b* from sRGB hex,
 * the CIEDE2000 colour difference (how different two colours look) and the WCAG 2 contrast ratio (how far
 * a colour stands out from its background). Pure functions, no dependencies.
 */

/** A colour as CIE L*a*b* (D65 white point). */
export type Lab = { L: number; a: number; b: number }

/** `#rrggbb` → [r, g, b] in 0–255; anything else is an error naming the value. */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`)
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)]
}

/** [r, g, b] in 0–255 (rounded and clamped) → `#rrggbb`. */
export function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`
}

/** sRGB channel (0–255) → linear light (0–1), IEC 61966-2-1. */
const linear = (v: number) => {
  const c = v / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG 2 relative luminance of a `#rrggbb` colour (0 black – 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(linear)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two colours (1–21); 1.4.11 asks ≥ 3 for graphics against what is next to them. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** A colour drawn with `alpha` over `background` (what the eye sees), as `#rrggbb`. */
export function composite(hex: string, alpha: number, background: string): string {
  const fg = parseHex(hex)
  const bg = parseHex(background)
  return toHex(fg.map((v, i) => alpha * v + (1 - alpha) * bg[i]))
}

/** `#rrggbb` → CIE L*a*b* (sRGB primaries, D65). */
export function hexToLab(hex: string): Lab {
  const [r, g, b] = parseHex(hex).map(linear)
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)
  const [fx, fy, fz] = [f(x), f(y), f(z)]
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) }
}

/** CIE76 colour difference: the straight distance in L*a*b*. */
export function deltaE76(p: Lab, q: Lab): number {
  return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b)
}

const deg = (rad: number) => (rad * 180) / Math.PI
const rad = (degrees: number) => (degrees * Math.PI) / 180

/**
 * CIEDE2000 colour difference (kL = kC = kH = 1), after Sharma, Wu & Dalal (2005), whose test pairs the
 * unit test checks. About 1 is a just-noticeable difference; series that sit side by side in a chart and
 * must be told apart at a glance want 10 or more.
 */
export function deltaE2000(p: Lab, q: Lab): number {
  const c1 = Math.hypot(p.a, p.b)
  const c2 = Math.hypot(q.a, q.b)
  const cMean7 = ((c1 + c2) / 2) ** 7
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)))
  const a1 = (1 + g) * p.a
  const a2 = (1 + g) * q.a
  const C1 = Math.hypot(a1, p.b)
  const C2 = Math.hypot(a2, q.b)
  const hue = (a: number, b: number) => (a === 0 && b === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360)
  const h1 = hue(a1, p.b)
  const h2 = hue(a2, q.b)
  const dL = q.L - p.L
  const dC = C2 - C1
  let dh = 0
  if (C1 * C2 !== 0) {
    dh = h2 - h1
    if (dh > 180) dh -= 360
    else if (dh < -180) dh += 360
  }
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin(rad(dh / 2))
  const Lm = (p.L + q.L) / 2
  const Cm = (C1 + C2) / 2
  let hm = h1 + h2
  if (C1 * C2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hm = (h1 + h2) / 2
    else hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2
  }
  const t = 1 - 0.17 * Math.cos(rad(hm - 30)) + 0.24 * Math.cos(rad(2 * hm)) + 0.32 * Math.cos(rad(3 * hm + 6)) - 0.2 * Math.cos(rad(4 * hm - 63))
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2))
  const Cm7 = Cm ** 7
  const rc = 2 * Math.sqrt(Cm7 / (Cm7 + 25 ** 7))
  const sl = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2)
  const sc = 1 + 0.045 * Cm
  const sh = 1 + 0.015 * Cm * t
  const rt = -Math.sin(rad(2 * dTheta)) * rc
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh))
}

/** CIEDE2000 between two `#rrggbb` colours. */
export const hexDeltaE2000 = (a: string, b: string) => deltaE2000(hexToLab(a), hexToLab(b))

/** Colour-vision deficiencies simulated: the red-green dichromacies (about 2 % of men each) and their milder forms are the common ones. */
export type ColourDeficiency = 'deuteranopia' | 'protanopia'

/** Machado, Oliveira & Fernandes (2009), severity 1.0: linear-RGB matrices for full dichromacy. */
const CVD_MATRICES: Record<ColourDeficiency, readonly (readonly [number, number, number])[]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881]
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998]
  ]
}

const encode = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)

/** How a `#rrggbb` colour looks to someone with `deficiency` (Machado et al. 2009, full severity), as `#rrggbb`. */
export function simulateDeficiency(hex: string, deficiency: ColourDeficiency): string {
  const rgb = parseHex(hex).map(linear)
  return toHex(CVD_MATRICES[deficiency].map((row) => encode(Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])))))
}
