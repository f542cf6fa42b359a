import type { Channel } from '../core'

/**
 * Colours shared by the app's charts and every export (SVG, PNG, PowerPoint, PDF), so a series keeps its
 * colour from the screen to the slide. Chosen to stay distinct for common colour-blindness. Hex `#rrggbb`.
 */
export const CHANNEL_COLORS: Record<Channel, string> = {
  ndfeb: '#00798c',
  smco: '#6a4c93',
  light_ree: '#8c9db5',
  dy_tb: '#d1495b',
  y_sc: '#edae49',
  gd_lu: '#9c6644',
  ho_yb: '#e07a5f',
  gallium: '#3d405b',
  germanium: '#81b29a',
  antimony: '#5f0f40',
  tungsten: '#6c757d',
  chips: '#2e86ab',
  legacy_chips: '#a3cef1',
  software: '#66a182',
  aero_engines: '#1d3557',
  ai_accelerators: '#e63946',
  sme_servicing: '#f4a261',
  ree_feed: '#8d99ae',
  tariffs: '#a0522d'
}

/** One colour per scenario of a comparison, in the order the scenarios are listed (up to 4). */
export const SCENARIO_COLORS = ['#1f4e9c', '#c8102e', '#2a9d8f', '#e9a23b'] as const

/** Colours for series stacked by measure (attribution), cycled in order. */
export const MEASURE_COLORS = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd'
] as const

/** The reference line ("No measures"), the same under the scenario's own assumptions, and the uncertainty band. */
export const REFERENCE_COLOR = '#1b1f24'
export const MODIFIED_COLOR = '#b45f06'
export const BAND_COLOR = '#5b6470'
/** In a stack by measure: the measures without a series of their own, and the exposure with every measure off. */
export const REST_COLOR = '#9aa0a6'
export const STRUCTURAL_COLOR = '#c9c2b2'

/** Side accents used in tables of measures. */
export const SIDE_COLORS = { beijing: '#c8102e', washington: '#1f4e9c' } as const
