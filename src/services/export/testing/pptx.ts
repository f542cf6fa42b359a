import JSZip from 'jszip'

/**
 * Reads a .pptx the way a checker would: unzip, list the slides in order, and pull each native chart's
 * series (name, category labels, values) out of `ppt/charts/chartN.xml`. Test-only; regex over the few
 * OOXML elements involved, which pptxgenjs writes without namespaces surprises.
 */
export type ChartSeriesXml = { name: string; labels: string[]; values: number[]; kind: 'area' | 'line' }
export type DeckXml = { slides: string[]; layouts: string[]; charts: { file: string; series: ChartSeriesXml[] }[]; files: string[] }

const texts = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1])
const values = (xml: string) => texts(xml, 'c:v')
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

export function chartSeries(xml: string): ChartSeriesXml[] {
  const out: ChartSeriesXml[] = []
  for (const kind of ['area', 'line'] as const) {
    for (const group of texts(xml, `c:${kind}Chart`)) {
      for (const ser of texts(group, 'c:ser')) {
        const name = decode(values(texts(ser, 'c:tx')[0] ?? '')[0] ?? '')
        const labels = values(texts(ser, 'c:cat')[0] ?? '').map(decode)
        const vals = values(texts(ser, 'c:val')[0] ?? '').map(Number)
        out.push({ name, labels, values: vals, kind })
      }
    }
  }
  return out
}

/** Slide XML in slide order, and each chart's series in file order (chart1, chart2, …). */
export async function readDeck(bytes: Uint8Array): Promise<DeckXml> {
  const zip = await JSZip.loadAsync(bytes)
  const files = Object.keys(zip.files)
  const byNumber = (prefix: string) =>
    files
      .filter((f) => new RegExp(`^${prefix}\\d+\\.xml$`).test(f))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]))
  const slides = await Promise.all(byNumber('ppt/slides/slide').map((f) => zip.file(f)!.async('string')))
  const layouts = await Promise.all(byNumber('ppt/slideLayouts/slideLayout').map((f) => zip.file(f)!.async('string')))
  const charts = await Promise.all(byNumber('ppt/charts/chart').map(async (file) => ({ file, series: chartSeries(await zip.file(file)!.async('string')) })))
  return { slides, layouts, charts, files }
}

/** The plain text of a slide (all `<a:t>` runs), for asserting titles and table contents. */
export const slideText = (xml: string) => texts(xml, 'a:t').map(decode).join(' ')
