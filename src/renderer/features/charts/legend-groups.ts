import { CHANNELS, type Channel } from '../../../core'

/**
 * The channel legend's groups, in stack order: 19 channels read as five families at a glance, and the
 * legend stays one short column beside the charts at 1280×720. Every channel belongs to exactly one group
 * (legend-groups.test.ts), so a new channel cannot fall out of the legend.
 */
export const LEGEND_GROUPS: readonly { title: string; channels: readonly Channel[] }[] = [
  { title: 'Magnets', channels: ['ndfeb', 'smco'] },
  { title: 'Rare-earth feed', channels: ['light_ree', 'dy_tb', 'y_sc', 'gd_lu', 'ho_yb', 'ree_feed'] },
  { title: 'Other materials', channels: ['gallium', 'germanium', 'antimony', 'tungsten'] },
  { title: 'Chips & technology', channels: ['chips', 'legacy_chips', 'software', 'aero_engines', 'ai_accelerators', 'sme_servicing'] },
  { title: 'Tariffs', channels: ['tariffs'] }
]

const GROUP_OF = new Map<string, string>(LEGEND_GROUPS.flatMap((g) => g.channels.map((c) => [c, g.title] as const)))

/** The group title of a channel series key, or null for a key that is not a channel (a measure, say). */
export const legendGroup = (key: string): string | null => GROUP_OF.get(key) ?? null

/** Channels in no group or in two (empty when the table is complete). */
export function ungroupedChannels(): Channel[] {
  const counts = new Map<Channel, number>()
  for (const g of LEGEND_GROUPS) for (const c of g.channels) counts.set(c, (counts.get(c) ?? 0) + 1)
  return CHANNELS.filter((c) => counts.get(c) !== 1)
}
