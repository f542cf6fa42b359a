import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../core'
import { LEGEND_GROUPS, legendGroup, ungroupedChannels } from './legend-groups'

describe('legend groups', () => {
  it('put every channel in exactly one group', () => {
    expect(ungroupedChannels()).toEqual([])
    expect(LEGEND_GROUPS.flatMap((g) => g.channels).sort()).toEqual([...CHANNELS].sort())
  })
  it('list channels within a group in stack order (CHANNELS)', () => {
    for (const g of LEGEND_GROUPS) {
      const idx = g.channels.map((c) => CHANNELS.indexOf(c))
      expect(idx, g.title).toEqual([...idx].sort((a, b) => a - b))
    }
  })
  it('name the group of a channel and nothing for a measure key', () => {
    expect(legendGroup('dy_tb')).toBe('Rare-earth feed')
    expect(legendGroup('cn-mofcom-18')).toBeNull()
  })
})
