import fc from 'fast-check'
import JSZip from 'jszip'
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { defaultScenario, findXmlForbidden, scenarioDocSchema, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { draftSchema } from '../../shared/contract/scenarios'
import { parseScenarioFile } from '../scenario-files'
import { createExporter } from './exporter'
import { neutraliseFormula } from './safe-text'
import { parseCsv } from './testing/csv'
import { decodePng } from './testing/png'
import { checkXml } from './testing/xml'

/**
 * Whatever people type into names, notes and tags — formulas, control characters, right-to-left text,
 * markup, 200 characters, lone surrogates — every export format stays well-formed: each XML part of the
 * deck and of its workbooks parses, the SVG parses, the PNG decodes, the CSVs parse and hold the name as
 * text. The exporter is fed the documents directly (the schema, which refuses XML-forbidden characters, is
 * checked separately), so the exports' own defences are what is tested.
 */
const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }
// A small sample keeps the variance slide (its subtitle names the scenario) in every deck checked here without its full cost.
const exporter = createExporter({ ...ctx, varianceSamples: 8 })
const base = defaultScenario(model, 'Base')
const decoder = new TextDecoder('utf-8', { fatal: true })

const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\tTab',
  '\rCR',
  'Line\u000Bbreak from Word',
  'ctrl \u0001\u0002\u001F end',
  'x'.repeat(200),
  'تصعيد الرسوم الجمركية 2026',
  'תרחיש \u202Eoverride',
  '<script>alert("x")</script> & <b>bold</b>',
  ']]><!-- "quotes" \'apos\'',
  'lone \uD800 surrogate \uDFFF',
  '\uFFFE\uFFFF',
  '😀 emoji 漢字'
]

const text = (max: number) => fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }))
const nameArb = text(200).map((s) => s.trim() || 'x')

async function checkPptx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes)
  let parts = 0
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue
    if (/\.(xml|rels)$/.test(path)) {
      checkXml(decoder.decode(await file.async('uint8array')))
      parts++
    } else if (path.endsWith('.xlsx')) {
      const book = await JSZip.loadAsync(await file.async('uint8array'))
      for (const [p, f] of Object.entries(book.files)) if (!f.dir && /\.(xml|rels)$/.test(p)) checkXml(decoder.decode(await f.async('uint8array')))
    }
  }
  return parts
}

describe('exports of hostile names, notes and tags', () => {
  it('stay well-formed in every format (property)', async () => {
    await fc.assert(
      fc.asyncProperty(nameArb, text(400), fc.array(text(40).map((s) => s.trim() || 't'), { maxLength: 3 }), nameArb, async (name, notes, tags, other) => {
        const doc: ScenarioDoc = { ...base, name, notes, tags }
        const compare: ScenarioDoc[] = [{ ...base, name: other, measures: base.measures.map((m) => ({ ...m, enabled: false })) }]
        const options = { economy: 'us', band: false, threshold: 20 } as const
        expect(await checkPptx((await exporter.pptx(doc, compare, options)).bytes)).toBeGreaterThan(20)
        const chart = { sector: 'defense', economy: 'us', metric: 'exposure', stacking: 'channel', band: false, reference: true } as const
        const svg = decoder.decode(exporter.chart(doc, compare, chart, 'svg').bytes)
        expect(checkXml(svg)).toBe('svg')
        expect(new Resvg(svg).width).toBe(1920)
        const png = decodePng(exporter.chart(doc, [], chart, 'png').bytes)
        expect([png.width, png.height]).toEqual([1920, 1080])
        for (const csv of [exporter.chart(doc, compare, chart, 'csv'), exporter.csv(doc, compare)]) {
          const bytes = csv.bytes
          expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
          const rows = parseCsv(new TextDecoder().decode(bytes))
          expect(new Set(rows.map((r) => r.length)).size).toBe(1)
          for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell))).toBe(false)
        }
        const series = parseCsv(new TextDecoder().decode(exporter.csv(doc, []).bytes))
        // The name is kept as text, neutralised if it starts like a formula (U+FEFF-free, lone surrogates as U+FFFD by the encoder).
        expect(series[1][0]).toBe(new TextDecoder().decode(new TextEncoder().encode(neutraliseFormula(name))))
        const report = exporter.report(doc, compare, options).html
        for (const m of report.matchAll(/<svg[\s\S]*?<\/svg>/g)) checkXml(m[0])
        expect(report).not.toContain('<script>')
      }),
      { numRuns: 12, endOnFailure: true }
    )
  }, 240_000)

  it('the scenario schema accepts a name, note or tag exactly when it holds no character XML forbids, and says which', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 60 })), (s) => {
        const name = s.trim() || 'x'
        const r = scenarioDocSchema.safeParse({ ...base, name, notes: s, tags: [name.slice(0, 40).trim() || 't'] })
        const bad = findXmlForbidden(name) ?? findXmlForbidden(s) ?? findXmlForbidden(name.slice(0, 40).trim())
        if (bad) {
          expect(r.success).toBe(false)
          expect(r.error?.issues.some((i) => /control character U\+[0-9A-F]{4} at position \d+/.test(i.message))).toBe(true)
        } else if (name.length <= 200) expect(r.success).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('is refused at every way in: save and draft (the contract’s schema) and import (a scenario file)', () => {
    const bad = { ...base, name: 'Pasted\u000Bname' }
    const draft = draftSchema.safeParse({ doc: bad, scenarioId: null, baseVersion: null, dirty: true, savedAt: '2026-11-28T09:00:00.000Z' })
    expect(draft.success).toBe(false)
    expect(draft.error?.issues[0]?.message).toMatch(/U\+000B at position 7 of the name/)
    expect(() => parseScenarioFile('bad.chokepoint.json', JSON.stringify(bad), model)).toThrow(/U\+000B at position 7 of the name/)
    const tag = { ...base, tags: ['ok', 'b\u0007ell'] }
    expect(() => parseScenarioFile('tag.chokepoint.json', JSON.stringify(tag), model)).toThrow(/U\+0007 at position 2 of a tag/)
  })
})
