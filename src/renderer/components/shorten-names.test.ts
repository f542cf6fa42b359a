import { describe, expect, it } from 'vitest'
import { middleEllipsis, shortenQuoted, shortenings } from './shorten-names'

const LONG = 'Rare-earth magnet and gallium licences tightened, graphite and antimony curbed, tungsten added, for every defence sector'

describe('shortening names in the middle', () => {
  it('keeps a name that fits, and cuts a long one to the budget with its start and end', () => {
    expect(middleEllipsis('Baseline', 12)).toBe('Baseline')
    const s = middleEllipsis(LONG, 30)
    expect(Array.from(s).length).toBeLessThanOrEqual(30)
    expect(s).toBe('Rare-earth magne…efence sector')
    expect(LONG.startsWith(s.split('…')[0])).toBe(true)
    expect(LONG.endsWith(s.split('…')[1])).toBe(true)
  })

  it('counts characters, not UTF-16 units, so a Chinese or emoji name is not split inside a character', () => {
    const s = middleEllipsis('中国稀土磁体出口许可收紧镓锗石墨锑钨出口管制🧲全面升级', 10)
    expect(Array.from(s)).toHaveLength(10)
    expect(s).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/)
  })

  it('shortens only the quoted names of a message', () => {
    expect(shortenQuoted(`Saved “${LONG}” (version 3).`, 24)).toBe('Saved “Rare-earth ma…nce sector” (version 3).')
    expect(shortenQuoted('Imported workshop “A” (renamed from “B”: the name was taken).', 12)).toBe('Imported workshop “A” (renamed from “B”: the name was taken).')
  })

  it('lists the whole text first, then ever shorter versions without repeats', () => {
    const all = shortenings(`Saved “${LONG}” (version 3).`, shortenQuoted)
    expect(all[0]).toBe(`Saved “${LONG}” (version 3).`)
    for (let i = 1; i < all.length; i++) expect(all[i].length).toBeLessThan(all[i - 1].length)
    expect(shortenings('Saved “Baseline” (version 1).', shortenQuoted)).toEqual(['Saved “Baseline” (version 1).'])
  })
})
