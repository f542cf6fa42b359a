import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNEL_LABELS, CHANNELS, SECTORS, SECTOR_LABELS, evaluateView, type ScenarioDoc } from '../../core'
import { model } from '../../shared/dataset'
import { parseScenarioFile } from '../scenario-files'
import { quarterText } from './chart-spec'
import { reportContent } from './content'
import { buildDeck } from './deck'
import { readDeck, readWorkbook, rangeCells, type DeckXml } from './testing/pptx'

/**
 * "Edit Data" is faithful: every embedded workbook of every deck (each bundled scenario, and 2-, 3- and
 * 4-scenario comparisons) is unzipped and compared cell by cell with the chart XML and with the engine.
 */
const ctx = { model, clock: () => new Date('2026-11-28T09:00:00Z'), appVersion: '0.1.0' }
const dir = join(process.cwd(), 'resources', 'scenarios')
const bundled: ScenarioDoc[] = readdirSync(dir)
  .sort()
  .flatMap((f) => parseScenarioFile(f, readFileSync(join(dir, f), 'utf8'), model).docs)
const options = { economy: 'us', band: false, threshold: 20 } as const
const channelOf = new Map<string, (typeof CHANNELS)[number]>(CHANNELS.map((c) => [CHANNEL_LABELS[c], c]))
const sectorOf = new Map(SECTORS.map((s) => [SECTOR_LABELS[s], s]))

type Tally = { cells: number; mismatches: string[] }

/** The engine's value for a series of a deck chart at a quarter (time order), or undefined when it is not an engine series. */
function engineValue(docs: ScenarioDoc[], chartIndex: number, comparison: boolean, name: string, quarter: string): number | null | undefined {
  const main = evaluateView(model, docs[0])
  const sectorCharts = comparison ? [3, 4, 5] : [0, 1, 2]
  const compareCharts = comparison ? [0, 1, 2] : []
  const costChart = comparison ? 6 : 3
  const pick = (result: ReturnType<typeof evaluateView>, f: (t: number) => number) => {
    const t = result.quarters.map(quarterText).indexOf(quarter)
    return t < 0 ? null : f(t)
  }
  if (compareCharts.includes(chartIndex)) {
    const sector = SECTORS[chartIndex]
    const doc = docs.find((d) => d.name === name)
    return doc ? pick(evaluateView(model, doc), (t) => evaluateView(model, doc).economies.us[sector].exposure[t]) : undefined
  }
  if (sectorCharts.includes(chartIndex)) {
    const sector = SECTORS[sectorCharts.indexOf(chartIndex)]
    const channel = channelOf.get(name)
    return channel ? pick(main, (t) => main.economies.us[sector].byChannel[channel][t]) : undefined
  }
  if (chartIndex === costChart) {
    const sector = sectorOf.get(name)
    return sector ? pick(main, (t) => main.economies.us[sector].cost[t]) : undefined
  }
  return undefined
}

async function compareDeck(deck: DeckXml, docs: ScenarioDoc[], tally: Tally) {
  const comparison = docs.length > 1
  for (const [i, chart] of deck.charts.entries()) {
    expect(chart.workbook, chart.file).not.toBeNull()
    const sheet = await readWorkbook(await deck.zip.file(chart.workbook as string)!.async('uint8array'))
    // A valid table range: A1 to the last column and row, nothing else (no stray apostrophe).
    const n = chart.series[0].labels.length
    const lastCol = String.fromCharCode(65 + chart.series.length)
    expect(sheet.tableRef).toBe(`A1:${lastCol}${n + 1}`)
    expect(sheet.parts['xl/worksheets/sheet1.xml']).toContain(`<dimension ref="A1:${lastCol}${n + 1}"/>`)
    const turn = <T>(xs: T[]) => (chart.reversed ? [...xs].reverse() : xs)
    for (const s of chart.series) {
      const check = (what: string, actual: unknown, expected: unknown) => {
        tally.cells++
        if (!Object.is(actual, expected) && actual !== expected) tally.mismatches.push(`${chart.file} ${s.name} ${what}: ${String(actual)} ≠ ${String(expected)}`)
      }
      check('name', sheet.cells.get(rangeCells(s.refs.name)[0]), s.name)
      const labelCells = turn(rangeCells(s.refs.categories))
      const valueCells = turn(rangeCells(s.refs.values))
      expect(valueCells).toHaveLength(n)
      labelCells.forEach((ref, t) => check(`label ${ref}`, sheet.cells.get(ref), s.labels[t]))
      valueCells.forEach((ref, t) => {
        const cell = sheet.cells.get(ref)
        // A gap is no cell at all; a value is its number exactly, 0 included.
        check(`cell ${ref}`, cell ?? null, s.values[t])
        const fromEngine = engineValue(docs, i, comparison, s.name, s.labels[t])
        if (fromEngine !== undefined) check(`engine ${ref}`, cell ?? null, fromEngine)
      })
    }
  }
}

describe('embedded workbooks', () => {
  it('hold exactly each chart’s numbers, for every bundled scenario and for 2-, 3- and 4-scenario comparisons', async () => {
    const tally: Tally = { cells: 0, mismatches: [] }
    let zeros = 0
    let gaps = 0
    const sets: ScenarioDoc[][] = [...bundled.map((d) => [d]), bundled.slice(0, 2), bundled.slice(0, 3), bundled.slice(0, 4)]
    for (const docs of sets) {
      const deck = await readDeck(await buildDeck(reportContent(ctx, docs[0], docs.slice(1), options)))
      await compareDeck(deck, docs, tally)
      for (const c of deck.charts)
        for (const s of c.series) {
          zeros += s.values.filter((v) => v === 0).length
          gaps += s.values.filter((v) => v === null).length
        }
    }
    console.log(`workbook cells compared with the chart XML and the engine: ${tally.cells}, mismatches: ${tally.mismatches.length}`)
    expect(tally.mismatches.slice(0, 5)).toEqual([])
    expect(tally.cells).toBeGreaterThan(5000)
    // The checks above covered zeros written as 0 and gaps left out (the bundled scenarios differ in horizon).
    expect(zeros).toBeGreaterThan(0)
    expect(gaps).toBeGreaterThan(0)
  }, 120_000)
})
