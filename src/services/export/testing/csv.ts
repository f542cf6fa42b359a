/**
 * A strict RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF row ends; a leading UTF-8
 * byte-order mark is skipped (as spreadsheets do). Throws on a quote inside an unquoted field, an
 * unterminated quote or a bare CR/LF, so a test sees malformed CSV.
 */
export function parseCsv(source: string): string[][] {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
        const next = text[i + 1]
        if (next !== undefined && next !== ',' && next !== '\r') throw new Error(`CSV: text after a closing quote at ${i + 1}`)
      } else field += ch
    } else if (ch === '"') {
      if (field !== '') throw new Error(`CSV: quote inside an unquoted field at ${i}`)
      quoted = true
    } else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else if (ch === '\r' || ch === '\n') throw new Error(`CSV: bare line break at ${i}`)
    else field += ch
  }
  if (quoted) throw new Error('CSV: unterminated quoted field')
  if (field !== '' || row.length > 0) {
    endField()
    rows.push(row)
  }
  return rows
}
