import { zip } from './zip'
import { looksLikeFormula, xmlSafe } from './safe-text'

/**
 * The workbook embedded behind a native PowerPoint chart ("Edit Data"), written here rather than by
 * pptxgenjs, whose workbook writes every 0 as an empty cell, gaps as empty values and a table range with a
 * stray apostrophe (`ref="A1:H25'"`, which Keynote and Quick Look reject, dropping the chart).
 *
 * Layout (what the chart XML's formulas point at): A1 "Quarter", B1… the series names; from row 2 one row
 * per category, column A its label, then one number per series. A gap (no value) has no cell at all; 0 is 0.
 * The whole block is one table whose range is exactly the cells written.
 */
export type WorkbookData = {
  categories: readonly string[]
  series: readonly { name: string; values: readonly (number | null)[] }[]
  /** Header of the category column (A1); "Quarter" unless the categories are something else (e.g. factors). */
  corner?: string
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

const esc = (s: string) => xmlSafe(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WORKBOOK = `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
const SHEET_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`
/** Style 1 is "quote prefix": a text cell that starts like a formula stays text when someone edits it. */
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

/** Table column names must be unique (case-insensitively) and non-empty; the header cells carry the same text. */
export function uniqueHeaders(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.map((raw) => {
    const base = xmlSafe(raw).trim() || 'Series'
    let name = base
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`
    seen.add(name.toLowerCase())
    return name
  })
}

/** The worksheet, shared strings and table parts of a chart's data (exposed for tests). */
export function workbookParts(data: WorkbookData): { sheet: string; sharedStrings: string; table: string; ref: string } {
  const strings: string[] = []
  const index = new Map<string, number>()
  const stringCell = (ref: string, text: string) => {
    let i = index.get(text)
    if (i === undefined) {
      i = strings.length
      strings.push(text)
      index.set(text, i)
    }
    return `<c r="${ref}" t="s"${looksLikeFormula(text) ? ' s="1"' : ''}><v>${i}</v></c>`
  }
  const headers = [data.corner ?? 'Quarter', ...data.series.map((s) => s.name)]
  const cols = headers.length
  const lastRow = data.categories.length + 1
  const ref = `A1:${columnName(cols)}${lastRow}`
  const rows: string[] = [`<row r="1">${headers.map((h, c) => stringCell(`${columnName(c + 1)}1`, h)).join('')}</row>`]
  data.categories.forEach((label, i) => {
    const r = i + 2
    const cells = [stringCell(`A${r}`, label)]
    data.series.forEach((s, k) => {
      const v = s.values[i]
      // A gap is no cell at all (never an empty value); 0 is written as 0.
      if (typeof v === 'number' && Number.isFinite(v)) cells.push(`<c r="${columnName(k + 2)}${r}"><v>${v}</v></c>`)
    })
    rows.push(`<row r="${r}">${cells.join('')}</row>`)
  })
  const sheet = `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="${ref}"/><sheetData>${rows.join('')}</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  const si = strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')
  const sharedStrings = `${XML_HEAD}<sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${si}</sst>`
  const columns = headers.map((h, c) => `<tableColumn id="${c + 1}" name="${esc(h)}"/>`).join('')
  const table = `${XML_HEAD}<table xmlns="${NS}" id="1" name="ChartData" displayName="ChartData" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${cols}">${columns}</tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  return { sheet, sharedStrings, table, ref }
}

/** The .xlsx bytes of a chart's data (compressed). Series names must already be unique (`uniqueHeaders`). */
export function buildWorkbook(data: WorkbookData): Uint8Array {
  const { sheet, sharedStrings, table } = workbookParts(data)
  const text = new TextEncoder()
  const parts: [string, string][] = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
    ['xl/styles.xml', STYLES],
    ['xl/sharedStrings.xml', sharedStrings],
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/worksheets/_rels/sheet1.xml.rels', SHEET_RELS],
    ['xl/tables/table1.xml', table]
  ]
  return zip(parts.map(([name, xml]) => ({ name, data: text.encode(xml) })))
}
