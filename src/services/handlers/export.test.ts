import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultScenario } from '../../core'
import { model } from '../../shared/dataset'
import { createServices, type Services } from '..'
import type { SaveFile } from './export'
import { writeFileAtomic } from '../export/write-file'
import { pngSize } from '../export/testing/png'
import { readDeck } from '../export/testing/pptx'
import { parseCsv } from '../export/testing/csv'

const open: Services[] = []
const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cp-export-'))
  dirs.push(d)
  return d
}
function services(saveFile?: SaveFile) {
  const s = createServices({ dataDir: tempDir(), runtime: 'web', clock: () => new Date('2026-11-28T12:00:00Z'), log: () => {}, saveFile })
  open.push(s)
  return s
}
afterEach(() => {
  open.splice(0).forEach((s) => s.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

const doc = defaultScenario(model, 'Workshop A')
const chart = { sector: 'defense', economy: 'us' } as const
const bytesOf = (v: unknown) => Buffer.from((v as { base64: string }).base64, 'base64')

describe('export API', () => {
  it('returns a chart PNG, SVG and CSV as bytes when the host has no save dialog (web host)', async () => {
    const { dispatch } = services()
    const png = await dispatch('export.chart', { doc, chart, format: 'png', scale: 2 })
    expect(png).toMatchObject({ ok: true, value: { kind: 'file', fileName: 'workshop-a_defense-exposure-us@2x.png', mimeType: 'image/png' } })
    expect(pngSize(bytesOf(png.ok && png.value))).toEqual({ width: 3840, height: 2160 })
    const svg = await dispatch('export.chart', { doc, chart: { ...chart, economy: 'cn' }, format: 'svg' })
    expect(svg.ok && bytesOf(svg.value).toString('utf8')).toContain('Defense — exposure, China')
    const csv = await dispatch('export.chart', { doc, chart, format: 'csv' })
    expect(parseCsv(bytesOf(csv.ok && csv.value).toString('utf8'))[0][0]).toBe('Quarter')
  })

  it('returns the deck and the all-series CSV', async () => {
    const { dispatch } = services()
    const deck = await dispatch('export.pptx', { doc })
    expect(deck).toMatchObject({ ok: true, value: { kind: 'file', fileName: 'workshop-a_deck.pptx' } })
    // Three sector charts, the cost-pressure chart and the 'What drives the band' bars (a bar chart, the only one).
    const charts = (await readDeck(bytesOf(deck.ok && deck.value))).charts
    expect(charts).toHaveLength(5)
    expect(charts.filter((c) => c.xml.includes('<c:barChart>'))).toHaveLength(1)
    const csv = await dispatch('export.csv', { doc })
    expect(csv).toMatchObject({ ok: true, value: { kind: 'file', fileName: 'workshop-a_series.csv', mimeType: 'text/csv;charset=utf-8' } })
  })

  it('refuses bad input with the offending path named', async () => {
    const { dispatch } = services()
    const r = await dispatch('export.chart', { doc, chart: { sector: 'shipping' }, format: 'png' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!r.ok && r.error.issues?.some((i) => i.path === 'chart.sector')).toBe(true)
    const scale = await dispatch('export.chart', { doc, chart, format: 'png', scale: 3 })
    expect(scale).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('hands the file to the desktop save dialog: saved, cancelled, or a clear error with nothing written', async () => {
    const folder = tempDir()
    let answer: string | null = join(folder, 'chosen.pptx')
    const { dispatch } = services(async (file) => {
      if (answer) await writeFileAtomic(answer, file.bytes)
      return answer
    })
    const saved = await dispatch('export.pptx', { doc })
    expect(saved).toMatchObject({ ok: true, value: { kind: 'saved', fileName: 'chosen.pptx', path: join(folder, 'chosen.pptx') } })
    expect(readFileSync(join(folder, 'chosen.pptx')).subarray(0, 2).toString()).toBe('PK')
    answer = null
    expect(await dispatch('export.chart', { doc, chart, format: 'svg' })).toEqual({ ok: true, value: { kind: 'cancelled' } })
    answer = join(folder, 'missing-folder', 'x.svg')
    const failed = await dispatch('export.chart', { doc, chart, format: 'svg' })
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } })
    expect(!failed.ok && failed.error.message).toMatch(/Could not write .*x\.svg: the folder does not exist/)
    expect(readdirSync(folder)).toEqual(['chosen.pptx'])
  })

  it('gives the report as HTML for the browser’s Print, with print styles and no script', async () => {
    const { dispatch } = services()
    const r = await dispatch('export.reportHtml', { doc, options: { economy: 'cn', band: false, threshold: 15 } })
    expect(r.ok).toBe(true)
    const html = r.ok ? (r.value as { html: string }).html : ''
    expect(html).toContain('@page { size: A4 landscape')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Defense — exposure, China')
    expect(html).toContain('Quarters above 15')
  })
})
