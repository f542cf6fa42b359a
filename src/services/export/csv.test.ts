import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, ECONOMIES, SECTORS, defaultScenario, evaluateView } from '../../core'
import { model } from '../../shared/dataset'
import { buildChartSpec } from './chart-spec'
import { chartInputs } from './content'
import { chartCsv, csvField, seriesCsv } from './csv'
import { parseCsv } from './testing/csv'

const doc = defaultScenario(model, 'Workshop, "A"')
const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }

describe('CSV', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004')
  })

  it('gives the data behind a chart with units in the headers and the engine numbers exactly', () => {
    const spec = buildChartSpec(chartInputs(ctx, doc, [], { sector: 'autos', economy: 'us', metric: 'exposure', stacking: 'channel', band: false, reference: true }))
    const rows = parseCsv(chartCsv(spec))
    const [header, ...body] = rows
    expect(header[0]).toBe('Quarter')
    for (const h of header.slice(1)) expect(h).toMatch(/\(index 0–100\)$/)
    const result = evaluateView(model, doc)
    expect(body).toHaveLength(result.quarters.length)
    expect(body.map((r) => r[0])).toEqual(result.quarters.map((q) => q.replace('-', ' ')))
    for (const s of spec.stacked) {
      const col = header.indexOf(`${s.name} (index 0–100)`)
      expect(col).toBeGreaterThan(0)
      expect(body.map((r) => Number(r[col]))).toEqual(result.economies.us.autos.byChannel[s.key as (typeof CHANNELS)[number]])
    }
    const total = header.indexOf('Total of stack (index 0–100)')
    body.forEach((r, t) => expect(Number(r[total])).toBeCloseTo(result.economies.us.autos.exposure[t], 9))
    // The reference is 0 throughout in this model: no column for a line the chart does not draw.
    expect(header).not.toContain('No measures (index 0–100)')
  })

  it('starts with a UTF-8 byte-order mark so Excel reads “–” and “≤” in the headers', () => {
    const text = seriesCsv([{ name: 'A', result: evaluateView(model, doc) }])
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(text.indexOf('\uFEFF', 1)).toBe(-1)
  })

  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const field = csvField(`${start}HYPERLINK("http://x","y")`)
      expect(parseCsv(`${field}\r\n`)[0][0]).toBe(`'${start}HYPERLINK("http://x","y")`)
    }
    expect(csvField(-3.5)).toBe('-3.5')
    expect(csvField('Workshop – 2025')).toBe('Workshop – 2025')
    const rows = parseCsv(seriesCsv([{ name: '=1+2', result: evaluateView(model, doc) }]))
    expect(rows[1][0]).toBe("'=1+2")
  })

  it('gives every series of every scenario, one row per scenario and quarter', () => {
    const off = { ...doc, name: 'All off', measures: doc.measures.map((m) => ({ ...m, enabled: false })) }
    const rows = parseCsv(seriesCsv([doc, off].map((d) => ({ name: d.name, result: evaluateView(model, d) }))))
    const [header, ...body] = rows
    expect(header.slice(0, 2)).toEqual(['Scenario', 'Quarter'])
    expect(header).toHaveLength(2 + ECONOMIES.length * SECTORS.length * (2 + CHANNELS.length))
    const result = evaluateView(model, doc)
    const n = result.quarters.length
    expect(body).toHaveLength(2 * n)
    expect(body[0][0]).toBe('Workshop, "A"')
    expect(body[n][0]).toBe('All off')
    const col = header.indexOf('China | Electronics | Exposure (index 0–100)')
    const cost = header.indexOf('US & allies | Defense | Cost pressure (index 0–100)')
    const dy = header.indexOf(`US & allies | Autos | Exposure: ${CHANNEL_LABELS.dy_tb} (index 0–100)`)
    expect(body.slice(0, n).map((r) => Number(r[col]))).toEqual(result.economies.cn.electronics.exposure)
    expect(body.slice(0, n).map((r) => Number(r[cost]))).toEqual(result.economies.us.defense.cost)
    expect(body.slice(0, n).map((r) => Number(r[dy]))).toEqual(result.economies.us.autos.byChannel.dy_tb)
  })
})
