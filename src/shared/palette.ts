import type { Channel } from '../core'

/**
 * Colours shared by the app's charts and every export (SVG, PNG, PowerPoint, PDF), so a series keeps its
 * colour from the screen to the slide. Hex `#rrggbb`.
 *
 * How the series colours (channels, measures, "Other measures", "Without any measure") were chosen, and
 * what `palette.test.ts` checks for every chart the shipped catalogue can draw (figures: the test's output
 * and docs/EXPORTS.md):
 * - **Told apart in one chart**: every two series that can share a chart (a stack by measure of one
 *   economy: the measures acting on it, Other, Without) differ by CIEDE2000 ΔE ≥ `SERIES_DISTINCTNESS.in_chart`
 *   (14; any two channels too, as any channel carrying exposure is drawn); any two measures anywhere
 *   by ≥ `anywhere` (11), so one colour never names two measures across charts either.
 * - **Still apart for red-green colour blindness**: simulated deuteranopia and protanopia (Machado et al.
 *   2009) keep every two series of a chart ≥ `colour_blind` (4.5) apart. Sixteen colours in one lightness
 *   band cannot all stay far apart for dichromats; the legend order, tooltips and data tables name them.
 * - **Seen against the chart in both themes**: each colour has ≥ 3:1 contrast (WCAG 2.2 SC 1.4.11,
 *   graphical objects) against every background a chart sits on (`CHART_BACKGROUNDS`: panel and page of
 *   the light and dark themes; exports are white). That pins lightness to L* ≈ 45–58, so the colours
 *   differ in hue and chroma (and alternate between the two ends of that band), and they are drawn opaque
 *   (`SERIES_FILL_OPACITY`) so the colour seen is the colour measured, in either theme.
 * - **Side as a cue**: Beijing's measures are warm (reds, oranges, ambers, browns, magentas), Washington's
 *   cool (greens, teals, blues, violets); "Other measures" and "Without any measure" are near-greys.
 * - **One colour per measure everywhere**: keyed by measure id, never by catalogue position (which once
 *   cycled 16 colours over 23 measures and drew No. 18 and No. 10 in the same blue, DFARS in a near-twin),
 *   and taken by the workspace and every export through `measureLegend` (measure-stack.ts).
 * The values came from a max–min search over sRGB inside those bounds (largest smallest in-chart ΔE, the
 * colour-blind ΔE weighted ×3, then the smallest ΔE anywhere). A new measure or channel needs a colour
 * here that keeps the test's bounds.
 */

/** Chart backgrounds series must stand out from (3:1): light panel and page, dark panel and page; exports are white. */
export const CHART_BACKGROUNDS = {
  light: ['#ffffff', '#f4f6f8'],
  dark: ['#181d23', '#0f1216']
} as const

/** Least CIEDE2000 difference between series colours: of one chart, of any two measures, and of one chart's as a dichromat sees them. */
export const SERIES_DISTINCTNESS = { in_chart: 14, anywhere: 11, colour_blind: 4.5 } as const

/** Least contrast of a series colour against each chart background (WCAG 2.2 SC 1.4.11). */
export const SERIES_MIN_CONTRAST = 3

/** Stacked series are filled opaque on screen and in every export: the colour seen is the colour measured. */
export const SERIES_FILL_OPACITY = 1

export const CHANNEL_COLORS: Record<Channel, string> = {
  ndfeb: '#fc424e',
  smco: '#a86cf6',
  light_ree: '#7e8aae',
  dy_tb: '#fc369c',
  y_sc: '#609600',
  gd_lu: '#966000',
  ho_yb: '#9c605a',
  gallium: '#7e6684',
  germanium: '#549690',
  antimony: '#b430ae',
  tungsten: '#8a8a66',
  chips: '#007e3c',
  legacy_chips: '#0090cc',
  software: '#9c7e60',
  aero_engines: '#b472ae',
  ai_accelerators: '#c63060',
  sme_servicing: '#00788a',
  ree_feed: '#3060e4',
  tariffs: '#e4600c'
}

/**
 * One colour per catalogue measure, by id (`resources/data/measures.json`). Beijing warm, Washington cool;
 * grouped here by side, in catalogue order.
 */
export const MEASURE_COLORS: Readonly<Record<string, string>> = {
  // Beijing (warm)
  'cn-mofcom-18': '#7e6c00', // REE licensing (No. 18)
  'cn-mofcom-57': '#f036a8', // Five more REEs (No. 57)
  'cn-mofcom-56': '#cc724e', // Equipment controls (No. 56)
  'cn-mofcom-62': '#de005a', // Tech controls (No. 62)
  'cn-mofcom-61': '#c67800', // 0.1 % rule (No. 61)
  'cn-14nm-approval': '#9c5478', // CN approval of 14-nm chips
  'cn-gagesb-ban': '#c67284', // Ga/Ge/Sb ban
  'cn-mofcom-10': '#9c5a54', // W/Te/Bi/Mo/In (No. 10)
  'cn-gagesb-licensing': '#90663c', // Ga/Ge/Sb licensing
  'cn-nexperia-stop': '#d22a1e', // Nexperia export stop
  // Washington (cool)
  'us-tariff-additional': '#008ad8', // Additional tariff
  'us-critical-software': '#127866', // Software licences
  'us-bis-dec2024': '#3060e4', // BIS Dec 2024 chips
  'us-fdpr-expansion': '#00909c', // FDPR expansion
  'us-affiliates-50': '#a27ea8', // 50 % Affiliates rule
  'us-allied-capacity': '#1e9c30', // Allied capacity
  'us-14nm-licences': '#6c6690', // US 14-nm licences
  'us-stockpiles': '#009c84', // Stockpiles
  'us-dfars-2027': '#7e84ba', // DFARS 2027
  'us-aero-engine-licences': '#b466f0', // Aero-engine licences
  'us-ai-accelerator-licences': '#6c906c', // AI accelerator licences
  'us-sme-servicing': '#9c48a8', // Chip-tool servicing
  'us-concentrate-stop': '#067e36' // US concentrate stop
}

/**
 * The colour of a catalogue measure, the same on screen and in every export. A measure without one is a
 * gap in `MEASURE_COLORS` (the palette test names it), not something to paper over with a reused colour.
 */
export function measureColor(id: string): string {
  const color = MEASURE_COLORS[id]
  if (color === undefined) throw new Error(`no colour for measure "${id}": add one to MEASURE_COLORS in src/shared/palette.ts (see palette.test.ts)`)
  return color
}

/**
 * One colour per scenario of a comparison, in the order the scenarios are listed (up to 4): the light
 * theme's `--scenario-N` (styles.css), since exports draw on white — each ≥ 3:1 against it (the former
 * teal and amber were 3.3:1 and 2.2:1).
 */
export const SCENARIO_COLORS = ['#1f4e9c', '#c8102e', '#1d7a70', '#9a6200'] as const

/** The reference line ("No measures"), the same under the scenario's own assumptions, and the uncertainty band. */
export const REFERENCE_COLOR = '#1b1f24'
export const MODIFIED_COLOR = '#b45f06'
export const BAND_COLOR = '#5b6470'
/** In a stack by measure: the measures without a series of their own, and the exposure with every measure off. */
export const REST_COLOR = '#8a7e78'
export const STRUCTURAL_COLOR = '#667e8a'

/** Side accents used in tables of measures. */
export const SIDE_COLORS = { beijing: '#c8102e', washington: '#1f4e9c' } as const
