import type { Channel } from '../core'

/**
 * Colours shared by the app's charts and every export (SVG, PNG, PowerPoint, PDF), so a series keeps its
 * colour from the screen to the slide. Hex `#rrggbb`.
 *
 * How the series colours (channels, measures, "Other measures", "Without any measure") were chosen, and
 * what `palette.test.ts` checks for every chart the shipped catalogue can draw:
 * - **Told apart in one chart**: every two series that can share a chart (a stack of one economy: the
 *   channels, or the measures, acting on it) differ by CIEDE2000 ΔE ≥ {@link SERIES_DISTINCTNESS}.in_chart;
 *   any two measures (or any two channels) anywhere differ by ≥ {@link SERIES_DISTINCTNESS}.anywhere, so a
 *   colour never names two things across charts either.
 * - **Seen against the chart in both themes**: each colour has ≥ 3:1 contrast (WCAG 1.4.11, graphical
 *   objects) against every background a chart sits on ({@link CHART_BACKGROUNDS}: the panel and page of
 *   the light and dark themes, white in exports). That pins lightness to L* ≈ 45–61, so the colours differ
 *   mostly in hue and chroma, and are drawn opaque ({@link SERIES_FILL_OPACITY}) so the drawn colour is
 *   the measured one in either theme.
 * - **Side as a cue**: Beijing's measures are warm (reds, oranges, ambers, magentas), Washington's are cool
 *   (greens, teals, blues, violets); "Other measures" and "Without any measure" are near-greys.
 * - **One colour per measure everywhere**: keyed by measure id (never by catalogue position, which once
 *   cycled 16 colours over 23 measures and gave No. 18 and No. 10 the same blue), the same on screen and in
 *   exports, whichever chart it is in.
 * The values came from a max–min search over the sRGB colours inside those bounds (greatest smallest
 * in-chart ΔE, then smallest ΔE anywhere); a new measure or channel needs a colour here that keeps the
 * test's bounds.
 */

/** Chart backgrounds series must stand out from (3:1): light panel and page, dark panel and page; exports are white. */
export const CHART_BACKGROUNDS = {
  light: ['#ffffff', '#f4f6f8'],
  dark: ['#181d23', '#0f1216']
} as const

/** Least CIEDE2000 difference between series colours: of one chart, and of any two measures (or channels). */
export const SERIES_DISTINCTNESS = { in_chart: 15, anywhere: 12 } as const

/** Least contrast of a series colour against each chart background (WCAG 2.2 SC 1.4.11). */
export const SERIES_MIN_CONTRAST = 3

/** Stacked series are filled opaque on screen and in every export: the colour seen is the colour measured. */
export const SERIES_FILL_OPACITY = 1

export const CHANNEL_COLORS: Record<Channel, string> = {
  ndfeb: '#d81830',
  smco: '#9672fc',
  light_ree: '#489c00',
  dy_tb: '#fc3c8a',
  y_sc: '#ba7e0c',
  gd_lu: '#786c00',
  ho_yb: '#ae7e78',
  gallium: '#6c668a',
  germanium: '#549690',
  antimony: '#b430ae',
  tungsten: '#848a66',
  chips: '#007e4e',
  legacy_chips: '#0690d2',
  software: '#8a6c4e',
  aero_engines: '#a878ae',
  ai_accelerators: '#ae4866',
  sme_servicing: '#007890',
  ree_feed: '#3060e4',
  tariffs: '#e4601e'
}

/**
 * One colour per catalogue measure, by id (`resources/data/measures.json`). Beijing warm, Washington cool;
 * grouped here by side, in catalogue order.
 */
export const MEASURE_COLORS: Readonly<Record<string, string>> = {
  // Beijing (warm)
  'cn-mofcom-18': '#7e6c00', // REE licensing (No. 18)
  'cn-mofcom-57': '#c0729c', // Five more REEs (No. 57)
  'cn-mofcom-56': '#de6000', // Equipment controls (No. 56)
  'cn-mofcom-62': '#a25460', // Tech controls (No. 62)
  'cn-mofcom-61': '#ba7e0c', // 0.1 % rule (No. 61)
  'cn-14nm-approval': '#906036', // CN approval of 14-nm chips
  'cn-gagesb-ban': '#fc4266', // Ga/Ge/Sb ban
  'cn-mofcom-10': '#cc2a1e', // W/Te/Bi/Mo/In (No. 10)
  'cn-gagesb-licensing': '#ba7866', // Ga/Ge/Sb licensing
  'cn-nexperia-stop': '#cc008a', // Nexperia export stop
  // Washington (cool)
  'us-tariff-additional': '#1890e4', // Additional tariff
  'us-critical-software': '#249c78', // Software licences
  'us-bis-dec2024': '#7e4ed2', // BIS Dec 2024 chips
  'us-fdpr-expansion': '#007872', // FDPR expansion
  'us-affiliates-50': '#8a84b4', // 50 % Affiliates rule
  'us-allied-capacity': '#2a7290', // Allied capacity
  'us-14nm-licences': '#2a66d2', // US 14-nm licences
  'us-stockpiles': '#7e78fc', // Stockpiles
  'us-dfars-2027': '#7e6096', // DFARS 2027
  'us-aero-engine-licences': '#cc5ad8', // Aero-engine licences
  'us-ai-accelerator-licences': '#547848', // AI accelerator licences
  'us-sme-servicing': '#0c96ae', // Chip-tool servicing
  'us-concentrate-stop': '#1e9c0c' // US concentrate stop
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

/** One colour per scenario of a comparison, in the order the scenarios are listed (up to 4). */
export const SCENARIO_COLORS = ['#1f4e9c', '#c8102e', '#2a9d8f', '#e9a23b'] as const

/** The reference line ("No measures"), the same under the scenario's own assumptions, and the uncertainty band. */
export const REFERENCE_COLOR = '#1b1f24'
export const MODIFIED_COLOR = '#b45f06'
export const BAND_COLOR = '#5b6470'
/** In a stack by measure: the measures without a series of their own, and the exposure with every measure off. */
export const REST_COLOR = '#7e8a84'
export const STRUCTURAL_COLOR = '#786c6c'

/** Side accents used in tables of measures. */
export const SIDE_COLORS = { beijing: '#c8102e', washington: '#1f4e9c' } as const
