import { SECTORS, type Economy, type Sector, type TornadoKpi } from '../../core'

/**
 * UI state that is not part of the scenario (not saved, not undone): what the charts show and which
 * overlay is open. Pure reducer, so the presentation stepping and the toggles are unit-tested.
 */
export type Stacking = 'channel' | 'measure'
export type Tab = 'exposure' | 'cost' | 'sensitivity' | 'assumptions'
export const TABS: readonly Tab[] = ['exposure', 'cost', 'sensitivity', 'assumptions']
export const TAB_LABELS: Record<Tab, string> = { exposure: 'Exposure', cost: 'Cost', sensitivity: 'Sensitivity', assumptions: 'Assumptions' }

/** A presentation slide: one chart at a time. */
export type Slide = { kind: 'exposure'; sector: Sector } | { kind: 'cost' } | { kind: 'sensitivity' }
export const SLIDES: readonly Slide[] = [...SECTORS.map((sector) => ({ kind: 'exposure' as const, sector })), { kind: 'cost' }, { kind: 'sensitivity' }]

export type View = {
  economy: Economy
  stacking: Stacking
  tab: Tab
  /** Exposure level (index points) above which a quarter counts in the headline figures. */
  threshold: number
  showBand: boolean
  showBaseline: boolean
  /** y-axis lock (axis-lock.ts) in the workspace (off by default) and in presentation (on by default). */
  lockY: boolean
  presentLockY: boolean
  presenting: boolean
  slide: number
  help: boolean
  /** Sensitivity view: which sector's KPI the tornado explains. */
  tornadoSector: Sector
  tornadoKpi: TornadoKpi
}

export type { TornadoKpi }
export const TORNADO_KPI_LABELS: Record<TornadoKpi, string> = {
  peak: 'Peak exposure',
  mean: 'Average exposure',
  'cost-peak': 'Peak cost pressure'
}

export const initialView: View = {
  economy: 'us',
  stacking: 'channel',
  tab: 'exposure',
  threshold: 20,
  showBand: true,
  showBaseline: true,
  lockY: false,
  presentLockY: true,
  presenting: false,
  slide: 0,
  help: false,
  tornadoSector: 'defense',
  tornadoKpi: 'peak'
}

export type ViewAction =
  | { type: 'economy'; economy?: Economy }
  | { type: 'stacking'; stacking?: Stacking }
  | { type: 'tab'; tab: Tab }
  | { type: 'threshold'; value: number }
  | { type: 'band'; on?: boolean }
  | { type: 'baseline'; on?: boolean }
  | { type: 'lock-y'; on?: boolean }
  | { type: 'present'; on?: boolean }
  | { type: 'step'; by: number }
  | { type: 'slide'; index: number }
  | { type: 'help'; on?: boolean }
  | { type: 'tornado'; sector?: Sector; kpi?: TornadoKpi }

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Whether the y-axis is locked in the mode shown now. */
export const yLocked = (v: View) => (v.presenting ? v.presentLockY : v.lockY)

/** Actions without a value flip the current setting (what a keyboard shortcut wants). */
export function viewReducer(v: View, a: ViewAction): View {
  switch (a.type) {
    case 'economy':
      return { ...v, economy: a.economy ?? (v.economy === 'us' ? 'cn' : 'us') }
    case 'stacking':
      return { ...v, stacking: a.stacking ?? (v.stacking === 'channel' ? 'measure' : 'channel') }
    case 'tab':
      return { ...v, tab: a.tab }
    case 'threshold':
      return Number.isFinite(a.value) ? { ...v, threshold: clamp(Math.round(a.value), 0, 100) } : v
    case 'band':
      return { ...v, showBand: a.on ?? !v.showBand }
    case 'baseline':
      return { ...v, showBaseline: a.on ?? !v.showBaseline }
    case 'lock-y':
      return v.presenting ? { ...v, presentLockY: a.on ?? !v.presentLockY } : { ...v, lockY: a.on ?? !v.lockY }
    case 'present': {
      const on = a.on ?? !v.presenting
      return on === v.presenting ? v : { ...v, presenting: on, help: false }
    }
    case 'step':
      return v.presenting ? { ...v, slide: clamp(v.slide + a.by, 0, SLIDES.length - 1) } : v
    case 'slide':
      return { ...v, slide: clamp(a.index, 0, SLIDES.length - 1) }
    case 'help':
      return { ...v, help: a.on ?? !v.help }
    case 'tornado':
      return { ...v, tornadoSector: a.sector ?? v.tornadoSector, tornadoKpi: a.kpi ?? v.tornadoKpi }
  }
}
