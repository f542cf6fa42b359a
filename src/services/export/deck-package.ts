import JSZip from 'jszip'
import { buildWorkbook, type WorkbookData } from './xlsx'
import { zip as writeZip, type ZipEntry } from './zip'

/**
 * Finishes the .pptx pptxgenjs wrote: each native chart gets the workbook written by `xlsx.ts` (exactly the
 * chart's numbers), its XML loses the empty points pptxgenjs writes for gaps (`<c:v></c:v>`, which is not a
 * number) and the outline it would draw around each stacked area (a zero-height layer outlined the whole
 * top of the stack); then the package is written compressed (DEFLATE), as Office itself writes it.
 */

const chartNumber = (path: string) => Number(/chart(\d+)\.xml$/.exec(path)?.[1] ?? NaN)

/** Removes points without a value: a gap is a missing point, never an empty one. */
export const dropEmptyPoints = (xml: string) => xml.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, '')

/** Area series are drawn without an outline (their fill alone shows the layer). */
export const unOutlineAreas = (xml: string) =>
  xml.replace(/<c:areaChart>[\s\S]*?<\/c:areaChart>/g, (group) => group.replace(/(<c:ser>[\s\S]*?<c:spPr>[\s\S]*?)(<\/c:spPr>)/g, (_, head: string, end: string) => (head.includes('<a:ln') ? head + end : `${head}<a:ln><a:noFill/></a:ln>${end}`)))

/**
 * `charts[i]` is the data of the i-th chart added to the deck (pptxgenjs numbers chart parts in that order).
 * Returns the finished, compressed .pptx bytes.
 */
export async function finishDeck(raw: Uint8Array, charts: readonly WorkbookData[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(raw)
  const chartFiles = Object.keys(zip.files)
    .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
    .sort((a, b) => chartNumber(a) - chartNumber(b))
  if (chartFiles.length !== charts.length) throw new Error(`deck: ${chartFiles.length} chart parts for ${charts.length} charts`)
  const replaced = new Map<string, Uint8Array>()
  const text = new TextEncoder()
  await Promise.all(
    chartFiles.map(async (file, i) => {
      const xml = await zip.file(file)!.async('string')
      replaced.set(file, text.encode(unOutlineAreas(dropEmptyPoints(xml))))
      const rels = await zip.file(file.replace('charts/', 'charts/_rels/') + '.rels')?.async('string')
      const target = rels && /Target="\.\.\/(embeddings\/[^"]+\.xlsx)"/.exec(rels)?.[1]
      if (!target) throw new Error(`deck: ${file} has no embedded workbook`)
      replaced.set(`ppt/${target}`, buildWorkbook(charts[i]))
    })
  )
  // Every part in its original order; workbooks are already compressed, so they are stored as they are.
  const entries: ZipEntry[] = []
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue
    entries.push({ name, data: replaced.get(name) ?? (await file.async('uint8array')), store: name.endsWith('.xlsx') })
  }
  return writeZip(entries)
}
