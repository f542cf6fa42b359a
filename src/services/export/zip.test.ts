import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { zip } from './zip'

describe('ZIP writer', () => {
  it('writes stored and deflated entries that a ZIP reader opens with their CRCs checked, names in UTF-8', async () => {
    const big = new TextEncoder().encode('<a>'.repeat(5000))
    const bytes = zip([
      { name: '[Content_Types].xml', data: big },
      { name: 'ppt/embeddings/é.xlsx', data: Uint8Array.from([1, 2, 3, 250]), store: true },
      { name: 'empty.txt', data: new Uint8Array(0) }
    ])
    expect(bytes.length).toBeLessThan(big.length / 10)
    const read = await JSZip.loadAsync(bytes, { checkCRC32: true })
    expect(Object.keys(read.files)).toEqual(['[Content_Types].xml', 'ppt/embeddings/é.xlsx', 'empty.txt'])
    expect(await read.file('[Content_Types].xml')!.async('uint8array')).toEqual(big)
    expect([...(await read.file('ppt/embeddings/é.xlsx')!.async('uint8array'))]).toEqual([1, 2, 3, 250])
    expect((await read.file('empty.txt')!.async('uint8array')).length).toBe(0)
    // The same input gives the same bytes (no clock in the archive).
    expect(zip([{ name: 'a', data: big }])).toEqual(zip([{ name: 'a', data: big }]))
  })
})
