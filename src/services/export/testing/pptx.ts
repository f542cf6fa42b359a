import JSZip from 'jszip'

/**
 * Reads a .pptx the way a checker would: unzip, list the slides in order, and pull each native chart's
 * series (name, category labels, values) out of `ppt/charts/chartN.xml`, and each chart's embedded
 * workbook cell by cell. Test-only; regex over the few OOXML elements involved, which pptxgenjs writes
 * without namespace surprises. Values are given in time order: a chart whose category axis runs right to
 * left (`orientation maxMin`, categories written newest first) is turned round, and `reversed` says so.
 */
export type ChartSeriesXml = {
  name: string
  labels: string[]
  /** One entry per category; null where the chart has no point (a gap). */
  values: (number | null)[]
  kind: 'area' | 'line' | 'bar'
  /** Cell references of the name, categories and values (`Sheet1!$B$1`, …). */
  refs: { name: string; categories: string; values: string }
}
export type ChartXml = { file: string; xml: string; reversed: boolean; workbook: string | null; series: ChartSeriesXml[] }
export type DeckXml = { slides: string[]; layouts: string[]; notes: string[]; charts: ChartXml[]; files: string[]; zip: JSZip }

const texts = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1])
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** Points of a cache by index: `count` entries, null where no point is written. */
function points(cache: string): (string | null)[] {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache)?.[1] ?? 0)
  const out: (string | null)[] = Array.from({ length: count }, () => null)
  for (const m of cache.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([\s\S]*?)<\/c:v>\s*<\/c:pt>/g)) out[Number(m[1])] = decode(m[2])
  return out
}

export function chartSeries(xml: string): ChartSeriesXml[] {
  const out: ChartSeriesXml[] = []
  for (const kind of ['area', 'line', 'bar'] as const) {
    for (const group of texts(xml, `c:${kind}Chart`)) {
      for (const ser of texts(group, 'c:ser')) {
        const tx = texts(ser, 'c:tx')[0] ?? ''
        const cat = texts(ser, 'c:cat')[0] ?? ''
        const val = texts(ser, 'c:val')[0] ?? ''
        const name = decode(texts(tx, 'c:v')[0] ?? '')
        // A single-level category cache lists its points once inside <c:lvl>.
        const labels = points(cat).length > 0 ? points(cat) : points(`<c:ptCount val="${/<c:ptCount val="(\d+)"\/>/.exec(cat)?.[1] ?? 0}"/>${texts(cat, 'c:lvl')[0] ?? ''}`)
        const values = points(val).map((v) => (v === null || v === '' ? null : Number(v)))
        const refs = { name: texts(tx, 'c:f')[0] ?? '', categories: texts(cat, 'c:f')[0] ?? '', values: texts(val, 'c:f')[0] ?? '' }
        out.push({ name, labels: labels.map((l) => l ?? ''), values, kind, refs })
      }
    }
  }
  return out
}

/** Slide XML in slide order, notes, and each chart's series in file order (chart1, chart2, …), in time order. */
export async function readDeck(bytes: Uint8Array): Promise<DeckXml> {
  const zip = await JSZip.loadAsync(bytes)
  const files = Object.keys(zip.files)
  const byNumber = (prefix: string) =>
    files
      .filter((f) => new RegExp(`^${prefix}\\d+\\.xml$`).test(f))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))
  const read = (f: string) => zip.file(f)!.async('string')
  const slides = await Promise.all(byNumber('ppt/slides/slide').map(read))
  const layouts = await Promise.all(byNumber('ppt/slideLayouts/slideLayout').map(read))
  const notes = await Promise.all(byNumber('ppt/notesSlides/notesSlide').map(read))
  const charts = await Promise.all(
    byNumber('ppt/charts/chart').map(async (file) => {
      const xml = await read(file)
      const catAx = texts(xml, 'c:catAx')[0] ?? ''
      const reversed = /<c:orientation val="maxMin"\/>/.test(catAx)
      const turn = <T>(xs: T[]) => (reversed ? [...xs].reverse() : xs)
      const series = chartSeries(xml).map((s) => ({ ...s, labels: turn(s.labels), values: turn(s.values) }))
      const rels = zip.file(file.replace('charts/', 'charts/_rels/') + '.rels')
      const target = rels ? /Target="\.\.\/(embeddings\/[^"]+\.xlsx)"/.exec(await rels.async('string'))?.[1] : undefined
      return { file, xml, reversed, workbook: target ? `ppt/${target}` : null, series }
    })
  )
  return { slides, layouts, notes, charts, files, zip }
}

/** The plain text of a slide (all `<a:t>` runs), for asserting titles and table contents. */
export const slideText = (xml: string) => texts(xml, 'a:t').map(decode).join(' ')

/** A worksheet read cell by cell: `cells.get('B2')` is a number, a string, or undefined (no cell). */
export type Sheet = { cells: Map<string, number | string>; tableRef: string | null; quotePrefixed: Set<string>; parts: Record<string, string> }

/** Opens an embedded workbook (.xlsx bytes) and reads Sheet1's cells, shared strings resolved. */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet> {
  const zip = await JSZip.loadAsync(bytes)
  const parts: Record<string, string> = {}
  for (const f of Object.keys(zip.files)) if (!zip.files[f].dir) parts[f] = await zip.file(f)!.async('string')
  const strings = texts(parts['xl/sharedStrings.xml'] ?? '', 'si').map((si) => decode(texts(si.replace(/<t [^>]*>/g, '<t>'), 't').join('')))
  const styles = parts['xl/styles.xml'] ?? ''
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?\/?>/g)].map((m) => /quotePrefix="1"/.test(m[0]))
  const cells = new Map<string, number | string>()
  const quotePrefixed = new Set<string>()
  for (const m of (parts['xl/worksheets/sheet1.xml'] ?? '').matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
    const [, ref, attrs, inner] = m
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1]
    if (v === undefined) throw new Error(`cell ${ref} has no value`)
    const shared = /t="s"/.test(attrs)
    cells.set(ref, shared ? (strings[Number(v)] ?? '') : Number(v))
    const s = /\bs="(\d+)"/.exec(attrs)?.[1]
    if (s !== undefined && xfs[Number(s)]) quotePrefixed.add(ref)
  }
  const tableRef = /<table [^>]*\bref="([^"]*)"/.exec(parts['xl/tables/table1.xml'] ?? '')?.[1] ?? null
  return { cells, tableRef, quotePrefixed, parts }
}

/** Cells of an A1 range (`Sheet1!$B$2:$B$25` or `Sheet1!$B$1`), in order. */
export function rangeCells(ref: string): string[] {
  const m = /^Sheet1!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)
  if (!m) throw new Error(`not a one-column range: ${ref}`)
  const [, col, from, col2, to] = m
  if (col2 !== undefined && col2 !== col) throw new Error(`not a one-column range: ${ref}`)
  const out: string[] = []
  for (let r = Number(from); r <= Number(to ?? from); r++) out.push(`${col}${r}`)
  return out
}
