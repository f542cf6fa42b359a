import { MATERIAL_CHANNELS, SECTORS, type Channel, type Economy, type Sector } from '../engine/types'
import type { Catalogue } from './catalogue-schema'

/**
 * Assumption ids the engine reads. Kept in one place so the loader can refuse a dataset that lacks
 * one (with the missing id named) instead of the engine silently reading 0.
 */

/** Channel id as written inside assumption ids (`dy_tb` → `dy-tb`, `legacy_chips` → `legacy-chips`). */
export const channelKey = (k: Channel): string => k.replace(/_/g, '-')

export { MATERIAL_CHANNELS }

/** Price-shock id of a channel. */
export const priceShockKey = (k: Channel): string => `price-shock-${channelKey(k)}`
/** China-share id of a material channel (or US legacy chips). */
export const cnShareKey = (k: Channel): string => `cn-share-${channelKey(k)}`

/** Channels where announced allied projects displace China-origin supply. */
export const CAPACITY_CHANNELS = ['ndfeb', 'dy_tb', 'light_ree'] as const satisfies readonly Channel[]

/** Criticality weight id; absent from the dataset means 0 (the channel does not matter to that sector). */
export const critKey = (e: Economy, s: Sector, k: Channel): string => `crit-${e}-${s}-${channelKey(k)}`

/**
 * Cost-share id of a cell: the share of the sector's cost of output spent on the channel's input (all
 * origins); absent means 0. For US tariffs, the share of cost in imported inputs a tariff on Chinese goods
 * could reach (σ then gives China's part). China's tariff cell has none: σ is already its share of output.
 */
export const costShareKey = (e: Economy, s: Sector, k: Channel): string => `cost-share-${e}-${s}-${channelKey(k)}`

/** Operating-margin id of an (economy, sector): the reference of the cost index (X = 1 at the margin). */
export const marginKey = (e: Economy, s: Sector): string => `operating-margin-${e}-${s}`

const perSector = (prefix: string): string[] => SECTORS.map((s) => `${prefix}-${s}`)

const MATERIAL = new Set<Channel>(MATERIAL_CHANNELS)

/**
 * Where the engine reads the dependent share σ of an (economy, channel) cell, for sector `s`:
 * US materials and legacy chips: the China share of allied supply (`cn-share-*`); US ≤14-nm chips:
 * `node-share-s`; US tariffs: `us-cn-import-share-s`. China: chips `node-share-s` (× the US share),
 * software `cn-eda-us-share`, tariffs `cn-us-export-share-s`, every other channel `cn-dependence-*`
 * (share of China's need the lever can reach). `null` = the channel has no pool there.
 */
export const sigmaKey = (e: Economy, s: Sector, k: Channel): string | null => {
  if (e === 'us') {
    if (MATERIAL.has(k) || k === 'legacy_chips') return cnShareKey(k)
    if (k === 'chips') return `node-share-${s}`
    if (k === 'tariffs') return `us-cn-import-share-${s}`
    return null
  }
  if (k === 'chips') return `node-share-${s}`
  if (k === 'software') return 'cn-eda-us-share'
  if (k === 'tariffs') return `cn-us-export-share-${s}`
  if (MATERIAL.has(k) || k === 'legacy_chips') return null
  return `cn-dependence-${channelKey(k)}`
}

/** Firm-inventory id (months of need) of a cell; `null` = unbuffered (tariffs, US software). */
export const bufferKey = (e: Economy, s: Sector, k: Channel): string | null => {
  if (k === 'tariffs') return null
  // Legacy chips run on weeks of cover, not the months firms hold of magnets (Nexperia, Oct 2025).
  if (e === 'us' && k === 'legacy_chips') return 'buffer-months-legacy-chips'
  if (e === 'us') return k === 'software' ? null : `buffer-months-${s}`
  return `cn-buffer-months-${channelKey(k)}`
}

/** Substitution-within-4-quarters id of a cell. */
export const substKey = (e: Economy, s: Sector, k: Channel): string => {
  if (k === 'tariffs') return 'tariff-diversion-4q'
  return e === 'us' ? `subst-4q-${s}` : `cn-subst-4q-${channelKey(k)}`
}

/** Every id the engine requires whatever the catalogue (crit-* weights are optional). */
export const REQUIRED_ASSUMPTIONS: readonly string[] = [
  ...(['ndfeb', 'smco', 'light_ree', 'dy_tb'] as const).map((k) => cnShareKey(k)),
  'third-country-cn-content', 'embedded-share-ndfeb', 'defense-share-allied-magnet-demand',
  'dpas-reach', 'defense-qualified-2024', 'defense-requal-quarters', 'ndpr-price-floor', 'ndpr-price-china',
  'defense-declared-military-share', 'hre-grade-share-ndfeb', 'metal-exchina-share', 're-content-ndfeb', 'legacy-chips-line-multiplier', 'us-restock-factor', 'us-share-allied-demand',
  ...perSector('subst-long'), 'subst-long-quarters', 'magnet-demand-growth',
  ...CAPACITY_CHANNELS.map((k) => `allied-demand-${channelKey(k)}`),
  'ramp-quarters', 'on-schedule-probability', 'late-delay-quarters',
  ...perSector('buffer-months'), 'buffer-dispersion', 'restock-headroom', 'cn-restock-headroom',
  'cn-buffer-months-chips', 'cn-buffer-months-software',
  'vault-target-days', 'nds-cover-days', 'gov-fill-quarters',
  ...perSector('subst-4q'), 'gbd-dy-tb-reduction', 'gbd-quarters',
  'cn-subst-4q-chips', 'cn-subst-4q-software', 'tariff-diversion-4q',
  ...perSector('node-share'), 'cn-direct-us-share-chips', 'cn-indirect-us-tech-share-chips', 'cn-eda-us-share',
  'tariff-base', 'trade-elasticity', 'tariff-pass-through',
  ...perSector('cn-us-export-share'), ...perSector('us-cn-import-share'),
  ...['ndfeb', 'smco', 'light_ree', 'dy_tb', 'chips', 'software'].map((k) => priceShockKey(k as Channel)),
  ...(['us', 'cn'] as const).flatMap((e) => SECTORS.map((s) => marginKey(e, s))),
  'cn-magnet-export-trend'
]

/**
 * Ids the engine reads because a catalogue measure acts on a channel: its σ, firm buffer,
 * substitution and price-shock inputs. A new channel gains data requirements only when a measure
 * first acts on it, and the loader then names what is missing.
 */
export const requiredForCatalogue = (catalogue: { readonly measures: readonly Catalogue['measures'][number][] }): string[] => {
  const ids = new Set<string>()
  for (const m of catalogue.measures) {
    if (m.mechanism === 'capacity' || m.mechanism === 'tech-ramp' || m.mechanism === 'stockpile') continue
    for (const c of m.channels) {
      for (const s of c.sectors ?? SECTORS) {
        const sig = sigmaKey(c.economy, s, c.channel)
        if (sig !== null) ids.add(sig)
        const buf = bufferKey(c.economy, s, c.channel)
        if (buf !== null) ids.add(buf)
        ids.add(substKey(c.economy, s, c.channel))
      }
      if (c.channel !== 'tariffs') ids.add(priceShockKey(c.channel))
    }
  }
  return [...ids]
}
