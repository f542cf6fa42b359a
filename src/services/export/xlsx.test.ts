import { describe, expect, it } from 'vitest'
import { checkXml } from './testing/xml'
import { readWorkbook } from './testing/pptx'
import { buildWorkbook, columnName, uniqueHeaders, workbookParts } from './xlsx'

describe('chart workbook', () => {
  const data = { categories: ['2025 Q1', '2025 Q2', '2025 Q3'], series: [{ name: 'Dy/Tb', values: [0, 1.25, null] }, { name: '=HYPERLINK("x")', values: [null, 0, 3] }] }

  it('writes 0 as 0, leaves gaps out, and covers exactly the cells in one table', async () => {
    const sheet = await readWorkbook(await buildWorkbook(data))
    expect(sheet.tableRef).toBe('A1:C4')
    expect(sheet.cells.get('A1')).toBe('Quarter')
    expect(sheet.cells.get('B1')).toBe('Dy/Tb')
    expect([sheet.cells.get('B2'), sheet.cells.get('B3'), sheet.cells.has('B4')]).toEqual([0, 1.25, false])
    expect([sheet.cells.has('C2'), sheet.cells.get('C3'), sheet.cells.get('C4')]).toEqual([false, 0, 3])
    for (const part of Object.values(sheet.parts)) checkXml(part)
  })

  it('keeps formula-like text as text: a shared string, flagged quote-prefix so editing cannot turn it into a formula', async () => {
    const sheet = await readWorkbook(await buildWorkbook(data))
    expect(sheet.cells.get('C1')).toBe('=HYPERLINK("x")')
    expect(sheet.quotePrefixed).toEqual(new Set(['C1']))
    expect(workbookParts(data).sheet).not.toContain('<f>')
  })

  it('names columns and headers as spreadsheets need them', () => {
    expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA'])
    expect(uniqueHeaders(['Quarter', 'A', 'a', 'A', '', 'quarter'])).toEqual(['Quarter', 'A', 'a (2)', 'A (3)', 'Series', 'quarter (2)'])
  })
})
