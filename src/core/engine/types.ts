/**
 * Engine outputs. Every series is indexed by quarter, aligned with `EvalResult.quarters`.
 * Exposure is an index 0–100: the criticality-weighted share of critical input needs left unmet
 * after buffers and alternatives. Cost pressure is an index 0–100 (see docs/MODEL.md).
 */
export const ECONOMIES = ['us', 'cn'] as const
/** `us` = US & allies; `cn` = China. */
export type Economy = (typeof ECONOMIES)[number]
/** Display names of economies. */
export const ECONOMY_LABELS: Record<Economy, string> = { us: 'US & allies', cn: 'China' }

/** Sectors modelled for both economies. */
export const SECTORS = ['defense', 'autos', 'electronics'] as const
/** One of SECTORS. */
export type Sector = (typeof SECTORS)[number]
/** Display names of sectors. */
export const SECTOR_LABELS: Record<Sector, string> = { defense: 'Defense', autos: 'Autos', electronics: 'Electronics' }

/** Material / channel split of exposure. */
export const CHANNELS = ['light_ree', 'dy_tb', 'specialty_ree', 'ndfeb', 'smco', 'chips', 'software', 'tariffs'] as const
/** One of CHANNELS. */
export type Channel = (typeof CHANNELS)[number]
/** Display names of channels. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  light_ree: 'Light REEs',
  dy_tb: 'Dy/Tb',
  specialty_ree: 'Sm/Y/other specialty',
  ndfeb: 'NdFeB magnets',
  smco: 'SmCo magnets',
  chips: '≤14-nm chips',
  software: 'Software/cloud/OS',
  tariffs: 'Tariffs'
}

/** Series for one economy × sector, aligned with `EvalResult.quarters`. */
export type SectorSeries = {
  /** Exposure index 0–100 per quarter. */
  exposure: number[]
  /** Cost-pressure index 0–100 per quarter. */
  cost: number[]
  /** Exposure split by channel; for each quarter the channels sum to `exposure`. */
  byChannel: Record<Channel, number[]>
}

/** Result of one evaluation. */
export type EvalResult = {
  /** Quarter ids, e.g. '2025-Q1'. */
  quarters: string[]
  economies: Record<Economy, Record<Sector, SectorSeries>>
  /** Flow diagnostics (present when produced by the core engine). */
  diagnostics?: EvalDiagnostics
}

/** Flow and capacity diagnostics used for calibration and the UI (optional for other producers of EvalResult). */
export type EvalDiagnostics = {
  /**
   * China magnet exports vs the same quarter of 2024 (1 = 2024 level; includes the underlying
   * export trend). `global` uses the civil approval path; `usBound` adds the US-specific initial factor.
   * Can exceed 1 after a lift (lagged approvals arrive).
   */
  magnetExportsIndex: { global: number[]; usBound: number[] }
  /** Expected new allied capacity as a share of allied demand, per capacity channel. */
  alliedCapacityShare: { ndfeb: number[]; dy_tb: number[]; light_ree: number[] }
}

/** `EvalResult` as produced by the core engine: diagnostics always present. */
export type EngineResult = EvalResult & { diagnostics: EvalDiagnostics }
