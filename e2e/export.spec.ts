import { readFileSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openLibrary } from './library-page'
import { decodePng, hasColour, pixelStats, pngSize } from '../src/services/export/testing/png'
import { readDeck, slideText } from '../src/services/export/testing/pptx'
import { parseCsv } from '../src/services/export/testing/csv'

/** Clicks an export choice and saves the download that follows; returns its bytes and suggested name. */
async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()])
  // Kept in the test's output folder (test-results/…), where a person can open them after a run.
  const path = test.info().outputPath((d as Download).suggestedFilename())
  await d.saveAs(path)
  return { name: d.suggestedFilename(), bytes: readFileSync(path) }
}

/** The values the app shows for a sector (its data table: exposure total per quarter, 2 decimals). */
async function shownTotals(page: Page, sector: string): Promise<number[]> {
  return page.getByTestId(`table-${sector}`).locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.textContent)))
}

async function exportChart(page: Page, sector: string, choice: string) {
  await page.getByRole('button', { name: `Export ${sector} exposure chart` }).click()
  const dialog = page.getByRole('dialog', { name: `Export ${sector} exposure chart` })
  await expect(dialog).toBeVisible()
  const file = await download(page, () => dialog.getByRole('button', { name: choice, exact: true }).click())
  await expect(dialog).toBeHidden()
  return file
}

test('export a chart as PNG (1× and 2×), SVG and CSV, as it is configured now', async ({ page, host }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible()

  await page.screenshot({ path: test.info().outputPath('workspace.png') })
  const png = await exportChart(page, 'Defense', 'PNG 1920×1080')
  expect(png.name).toMatch(/_defense-exposure-us\.png$/)
  expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 })
  const img = decodePng(png.bytes)
  expect(pixelStats(img).inked).toBeGreaterThan(0.03)
  expect(pixelStats(img).colours).toBeGreaterThan(20)
  expect(hasColour(img, '#1b1f24')).toBe(true)
  await expect(page.getByTestId('export-status')).toContainText(`Downloaded ${png.name}`)

  const png2 = await exportChart(page, 'Defense', 'PNG 3840×2160 (2×)')
  expect(pngSize(png2.bytes)).toEqual({ width: 3840, height: 2160 })
  expect(pixelStats(decodePng(png2.bytes)).inked).toBeGreaterThan(0.03)

  const svg = await exportChart(page, 'Autos', 'SVG')
  const text = svg.bytes.toString('utf8')
  expect(new Resvg(text).width).toBe(1920) // parses as XML
  // The browser's own XML parser too.
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
    return { error: doc.querySelector('parsererror') !== null, title: doc.querySelector('title')?.textContent ?? null, legend: doc.querySelectorAll('[data-legend] text').length }
  }, text)
  expect(parsed).toEqual({ error: false, title: 'Autos — exposure, US & allies', legend: expect.any(Number) })
  expect(parsed.legend).toBeGreaterThan(1)
  expect(text).toContain('Scenario: ')
  expect(text).toContain('Key assumptions:')

  // The CSV holds the numbers the chart shows (the app rounds its table to 2 decimals).
  const csv = await exportChart(page, 'Defense', 'CSV data')
  const [header, ...rows] = parseCsv(csv.bytes.toString('utf8'))
  expect(header[0]).toBe('Quarter')
  const total = header.indexOf('Total of stack (index 0–100)')
  expect(total).toBeGreaterThan(0)
  const shown = await shownTotals(page, 'defense')
  expect(rows).toHaveLength(shown.length)
  rows.forEach((r, i) => expect(Math.abs(Number(r[total]) - shown[i])).toBeLessThanOrEqual(0.005 + 1e-9))

  // Change the scenario: the next export follows what is on screen now.
  const toggle = page.getByTestId('panel-beijing').getByRole('switch').first()
  await toggle.click()
  await expect.poll(() => shownTotals(page, 'defense')).not.toEqual(shown)
  const after = await shownTotals(page, 'defense')
  const csv2 = await exportChart(page, 'Defense', 'CSV data')
  // Its own header: the channels with exposure (hence the columns) change with the scenario.
  const [header2, ...rows2] = parseCsv(csv2.bytes.toString('utf8'))
  const total2 = header2.indexOf('Total of stack (index 0–100)')
  expect(total2).toBeGreaterThan(0)
  expect(rows2).toHaveLength(after.length)
  rows2.forEach((r, i) => expect(Math.abs(Number(r[total2]) - after[i])).toBeLessThanOrEqual(0.005 + 1e-9))
  expect(errors).toEqual([])
})

test('export the scenario: a deck with native charts holding the shown numbers, all series, and the PDF report', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible()
  const shown = { defense: await shownTotals(page, 'defense'), autos: await shownTotals(page, 'autos'), electronics: await shownTotals(page, 'electronics') }

  const open = async () => {
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export scenario' })
    await expect(dialog).toBeVisible()
    return dialog
  }
  let dialog = await open()
  await page.screenshot({ path: test.info().outputPath('export-dialog.png') })
  const deck = await download(page, () => dialog.getByRole('button', { name: 'Slide deck (.pptx)' }).click())
  expect(deck.name).toMatch(/_deck\.pptx$/)
  const parsed = await readDeck(deck.bytes)
  const texts = parsed.slides.map(slideText)
  // Executive summary up front, then a slide per sector titled by its takeaway.
  expect(texts[1]).toContain('Executive summary')
  expect(texts[2]).toMatch(/^Defense exposure (peaks|is|stays)/)
  expect(texts[2]).toContain('Defense — exposure, US & allies')
  expect(texts.some((t) => t.startsWith('Active measures'))).toBe(true)
  expect(texts.some((t) => t.startsWith('Assumptions') || t.startsWith('No overrides'))).toBe(true)
  expect(texts.some((t) => t.startsWith('Sources and caveats'))).toBe(true)
  // What drives the band: right after the sector slides, a bar chart by factor with a bar per sector.
  expect(texts[5]).toMatch(/^What drives the band: /)
  expect(texts[5]).toMatch(/192 samples × \(\d+ \+ 2\) = [\d,]+ engine runs shared by the sectors, seed \d+/)
  // Three sector charts, the variance bars and the cost-pressure chart; the sector charts hold the numbers the app shows.
  expect(parsed.charts).toHaveLength(5)
  expect(parsed.charts[3].series.map((s) => s.kind)).toEqual(['bar', 'bar', 'bar'])
  ;(['defense', 'autos', 'electronics'] as const).forEach((sector, i) => {
    const areas = parsed.charts[i].series.filter((s) => s.kind === 'area')
    const sums = shown[sector].map((_, t) => areas.reduce((acc, a) => acc + (a.values[t] ?? 0), 0))
    sums.forEach((v, t) => expect(Math.abs(v - shown[sector][t])).toBeLessThanOrEqual(0.005 + 1e-9))
  })

  dialog = await open()
  const all = await download(page, () => dialog.getByRole('button', { name: 'All series (.csv)' }).click())
  const [header, ...rows] = parseCsv(all.bytes.toString('utf8'))
  const col = header.indexOf('US & allies | Autos | Exposure (index 0–100)')
  expect(col).toBeGreaterThan(1)
  rows.forEach((r, t) => expect(Math.abs(Number(r[col]) - shown.autos[t])).toBeLessThanOrEqual(0.005 + 1e-9))

  // Print report…: the report goes to the browser's own Print (print styles, no script), in a sandboxed frame.
  dialog = await open()
  await dialog.getByRole('button', { name: 'Print report…' }).click()
  const frame = page.locator('iframe[data-testid="print-frame"]')
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals')
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? ''
  expect(srcdoc).toContain('@page { size: A4 landscape')
  expect(srcdoc).toContain('Active measures')
  expect(srcdoc).not.toMatch(/<script/i)

  dialog = await open()
  await dialog.getByLabel('Economy').selectOption({ label: 'China' })
  const pdf = await download(page, () => dialog.getByRole('button', { name: 'PDF report' }).click())
  expect(pdf.name).toMatch(/_report\.pdf$/)
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect((pdf.bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(6)
})

test('export a comparison: deck with a comparison slide per sector and the KPI table, and an overlay chart', async ({ page, host }) => {
  // Two scenarios in the library: the default one, and the same with every measure off.
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible()
  await page.getByLabel('Scenario name').fill('Alpha')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('Saved “Alpha”')
  const switches = page.getByTestId('panel-beijing').getByRole('switch')
  for (const s of await switches.all()) if (await s.isChecked()) await s.click()
  await page.getByLabel('Scenario name').fill('Beta')
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+s' : 'Control+Shift+s')
  const saveAs = page.getByRole('dialog', { name: 'Save as a new scenario' })
  await saveAs.getByLabel('New name').fill('Beta')
  await saveAs.getByRole('button', { name: 'Save as new' }).click()
  await expect(page.getByRole('status')).toContainText('Saved “Beta”')

  const library = await openLibrary(page)
  await library.getByLabel('Select Alpha').check()
  await library.getByLabel('Select Beta').check()
  await library.getByRole('button', { name: 'Compare selected' }).click()
  const compare = page.getByRole('dialog', { name: 'Compare 2 scenarios' })
  await expect(compare).toBeVisible()
  const labels = await compare.getByRole('list', { name: 'Scenarios compared' }).locator('li').allTextContents()

  await page.screenshot({ path: test.info().outputPath('compare-view.png') })
  await compare.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export comparison' })
  await expect(dialog).toBeVisible()
  const deck = await download(page, () => dialog.getByRole('button', { name: 'Slide deck (.pptx)' }).click())
  const parsed = await readDeck(deck.bytes)
  const texts = parsed.slides.map(slideText)
  // The comparison comes first: a slide per sector right after the executive summary, then the key figures.
  expect(texts.slice(2, 5).every((t) => /— exposure, US & allies: comparison/.test(t))).toBe(true)
  expect(texts[5]).toContain('Comparison: key figures')
  // Three comparison charts, then the sector charts, the variance bars and the cost chart: one line per scenario, under the labels shown.
  expect(parsed.charts).toHaveLength(8)
  expect(parsed.charts[0].series.map((s) => s.name)).toEqual(labels.map((l) => l.trim()))

  const chart = await download(page, async () => {
    await compare.getByRole('button', { name: 'Defense chart…' }).click()
    await page.getByRole('dialog', { name: 'Export Defense exposure chart' }).getByRole('button', { name: 'SVG', exact: true }).click()
  })
  expect(chart.name).toMatch(/_defense-exposure-us-comparison\.svg$/)
  const svg = chart.bytes.toString('utf8')
  expect(svg).toContain('Defense — exposure, US &amp; allies: comparison')
  for (const l of labels) expect(svg).toContain(`>${l.trim()}<`)
})

test('measures in force before the horizon sit at the plot’s edge as “in force since”, not as markers on the y-axis', async ({ page, host }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size)
    await page.goto(host.url)
    const chart = page.getByTestId('chart-defense')
    await expect(chart.locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible()
    // The default scenario has Beijing and Washington measures dated 2023–2024: one arrowhead per side at the left edge.
    for (const side of ['beijing', 'washington']) {
      const edge = chart.getByTestId(`edge-marker-${side}`)
      await expect(edge).toBeVisible()
      await expect(edge.locator('title')).toContainText('in force since 20')
    }
    // No visible date line on the y-axis: every one is clear of the plot's left edge.
    const clear = await chart.evaluate((el) => {
      const axis = el.querySelector('.recharts-cartesian-axis.recharts-yAxis line, .recharts-yAxis .recharts-cartesian-axis-line')?.getBoundingClientRect()
      const lines = [...el.querySelectorAll('.chart-markers line.mk')].filter((l) => getComputedStyle(l).visibility === 'visible')
      return { axis: axis?.right ?? null, left: lines.map((l) => l.getBoundingClientRect().left) }
    })
    expect(clear.axis).not.toBeNull()
    expect(clear.left.length).toBeGreaterThan(0)
    for (const x of clear.left) expect(x).toBeGreaterThan((clear.axis as number) + 0.5)
    // The first quarter's hover names them.
    const box = await chart.locator('.recharts-wrapper > svg.recharts-surface').first().boundingBox()
    const plot = await chart.locator('.chart-markers path.mk-edge').first().boundingBox()
    await page.mouse.move((plot?.x ?? 0) + 2, (box?.y ?? 0) + (box?.height ?? 0) / 2)
    await expect(chart.getByTestId('marker-labels')).toContainText('in force since')
    await page.screenshot({ path: test.info().outputPath(`edge-markers-${size.width}.png`) })
  }
})

test('a name with a character documents cannot hold is refused on save with a clear message', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-wrapper > svg.recharts-surface').first()).toBeVisible()
  // U+000B is what Word puts in for a line break: pasted names bring it along.
  await page.getByLabel('Scenario name').fill('Pasted\u000Bname')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/U\+000B/).first()).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('refused-name.png') })
})
