import { CHANNELS, SECTORS, type Channel, type Economy, type Sector } from '../engine/types'

/**
 * Assumption ids the engine reads. Kept in one place so the loader can refuse a dataset that lacks
 * one (with the missing id named) instead of the engine silently reading 0.
 */

/** Channel id as written inside assumption ids (`dy_tb` → `dy-tb`, `specialty_ree` → `specialty`). */
export const channelKey = (k: Channel): string => (k === 'specialty_ree' ? 'specialty' : k.replace('_', '-'))

/** Materials channels: flows of rare-earth products China controls. */
export const MATERIAL_CHANNELS = ['light_ree', 'dy_tb', 'specialty_ree', 'ndfeb', 'smco'] as const satisfies readonly Channel[]

/** Channels where announced allied projects displace China-origin supply. */
export const CAPACITY_CHANNELS = ['ndfeb', 'dy_tb', 'light_ree'] as const satisfies readonly Channel[]

/** Criticality weight id; absent from the dataset means 0 (the channel does not matter to that sector). */
export const critKey = (e: Economy, s: Sector, k: Channel): string => `crit-${e}-${s}-${channelKey(k)}`

const perSector = (prefix: string): string[] => SECTORS.map((s) => `${prefix}-${s}`)

/** Every id the engine requires (crit-* weights are optional). */
export const REQUIRED_ASSUMPTIONS: readonly string[] = [
  ...MATERIAL_CHANNELS.map((k) => `cn-share-${channelKey(k)}`),
  'third-country-cn-content', 'embedded-share-ndfeb', 'defense-share-allied-magnet-demand',
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
  ...CHANNELS.filter((k) => k !== 'tariffs').map((k) => `price-shock-${channelKey(k)}`),
  ...perSector('cost-scale'),
  'cn-magnet-export-trend'
]

/** Price-shock id of a channel. */
export const priceShockKey = (k: Channel): string => `price-shock-${channelKey(k)}`
/** China-share id of a material channel. */
export const cnShareKey = (k: Channel): string => `cn-share-${channelKey(k)}`
