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

/**
 * Every channel of exposure (Model 2 split, docs/MODEL.md §3). US & allies materials follow the stage
 * chain oxide → metal → magnet: sectors buy magnets (`ndfeb`, `smco`); `light_ree` (NdPr oxide/metal)
 * and `dy_tb` are the feed of magnet making and of direct uses; the old `specialty_ree` pool is split by
 * element group and licence (`y_sc`, `gd_lu` under No. 18; `ho_yb` under No. 57) and by mineral
 * (`gallium`, `germanium`, `antimony`, `tungsten`). Non-materials: `chips` (≤14 nm), `legacy_chips`
 * (Nexperia-type export stop), `software`; `tariffs` act on cost and sourcing only, never on unmet
 * supply. China's channels are its dependences on US & allied technology and feed. Which channels
 * exist for which economy: `ECONOMY_CHANNELS`. Order = display/stack order.
 */
export const CHANNELS = [
  'ndfeb', 'smco', 'light_ree', 'dy_tb', 'y_sc', 'gd_lu', 'ho_yb',
  'gallium', 'germanium', 'antimony', 'tungsten',
  'chips', 'legacy_chips', 'software',
  'aero_engines', 'ai_accelerators', 'sme_servicing', 'ree_feed',
  'tariffs'
] as const
/** One of CHANNELS. */
export type Channel = (typeof CHANNELS)[number]
/** Display names of channels (short enough for a projector legend). */
export const CHANNEL_LABELS: Record<Channel, string> = {
  ndfeb: 'NdFeB magnets',
  smco: 'SmCo magnets',
  light_ree: 'NdPr (light REE)',
  dy_tb: 'Dy/Tb (heavy REE)',
  y_sc: 'Y/Sc',
  gd_lu: 'Gd/Lu',
  ho_yb: 'Ho–Yb',
  gallium: 'Gallium',
  germanium: 'Germanium',
  antimony: 'Antimony',
  tungsten: 'Tungsten & co.',
  chips: '≤14-nm chips',
  legacy_chips: 'Legacy chips',
  software: 'Software/EDA',
  aero_engines: 'Aero engines',
  ai_accelerators: 'AI accelerators/HBM',
  sme_servicing: 'Chip-tool servicing',
  ree_feed: 'RE feed (ore, concentrate)',
  tariffs: 'Tariffs (cost only)'
}

/** Materials channels of US & allies: flows of products China controls, in stage order. */
export const MATERIAL_CHANNELS = [
  'ndfeb', 'smco', 'light_ree', 'dy_tb', 'y_sc', 'gd_lu', 'ho_yb', 'gallium', 'germanium', 'antimony', 'tungsten'
] as const satisfies readonly Channel[]
/** Magnet channels: what sectors buy; ex-China output is capped by its feed and the metal stage. */
export const MAGNET_CHANNELS = ['ndfeb', 'smco'] as const satisfies readonly Channel[]

/** Channels that exist for each economy (others are always zero there). */
export const ECONOMY_CHANNELS: Record<Economy, readonly Channel[]> = {
  us: [...MATERIAL_CHANNELS, 'chips', 'legacy_chips', 'software', 'tariffs'],
  cn: ['chips', 'software', 'aero_engines', 'ai_accelerators', 'sme_servicing', 'ree_feed', 'tariffs']
}

/** True when `channel` exists for `economy`. */
export const channelExists = (economy: Economy, channel: Channel): boolean => ECONOMY_CHANNELS[economy].includes(channel)

/**
 * Retired channel ids and the channels that replace them, for documents, saved results and UI
 * mappings made before Model 2: `specialty_ree` (one pool mixing Y with Ga and Sb) became six.
 */
export const RETIRED_CHANNELS: Readonly<Record<string, readonly Channel[]>> = {
  specialty_ree: ['y_sc', 'gd_lu', 'ho_yb', 'gallium', 'germanium', 'antimony']
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
