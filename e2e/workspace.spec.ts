import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'
import { CHANNEL_LABELS } from '../src/core/engine/types'

/** Plotted exposure totals of one sector chart, read from its hidden data table. */
const chartValues = (page: Page, sector: string) =>
  page.getByTestId(`table-${sector}`).locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.textContent)))
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
/** Plotted cost pressure of one sector, read from the cost view's hidden data table. */
const costValues = (page: Page, sector: 'defense' | 'autos' | 'electronics') =>
  page.getByTestId('table-cost').locator(`tbody tr td:nth-of-type(${['defense', 'autos', 'electronics'].indexOf(sector) + 1})`).evaluateAll((cells) => cells.map((c) => Number(c.textContent)))
/** Marker lines shown on a chart (lines of measures that are off stay mounted but hidden). */
const markerCount = (page: Page, sector: string) =>
  page.getByTestId(`chart-${sector}`).locator('.chart-markers line').evaluateAll((ls) => ls.filter((l) => getComputedStyle(l).visibility === 'visible').length)

async function open(page: Page, url: string) {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-surface').first()).toBeVisible()
  return errors
}

test('toggle and tune measures from both sides; dates, suspensions and the info card', async ({ page, host }) => {
  const errors = await open(page, host.url)
  const tariff = page.getByTestId('measure-us-tariff-additional')
  // Tariffs act on cost and sourcing, not on availability (Model 2): they show in the cost view.
  await page.getByRole('tab', { name: 'Cost' }).click()
  await expect(page.getByTestId('table-cost')).toBeAttached()
  const autosBefore = await costValues(page, 'autos')
  // The cost index says what 50 means under the cost-share model, and its axis fits the data (not a flat line on 0–100).
  const cost = page.getByTestId('chart-cost')
  await expect(cost).toContainText('50 = input price rises eat the sector’s whole operating margin')
  const costMax = Math.max(...(await Promise.all((['defense', 'autos', 'electronics'] as const).map((s) => costValues(page, s)))).flat())
  const top = Number((await cost.getByRole('img').getAttribute('aria-label'))?.match(/axis to (\d+)\)/)?.[1])
  expect(top).toBeGreaterThanOrEqual(costMax)
  expect(top).toBeLessThanOrEqual(Math.max(5, 2 * costMax))

  // Washington: switch the additional tariff on — US autos cost pressure rises.
  await tariff.getByRole('switch').check()
  await expect.poll(async () => sum(await costValues(page, 'autos'))).toBeGreaterThan(sum(autosBefore))
  const autosTariffOn = await costValues(page, 'autos')

  // Tune its rate with the keyboard: the slider names its measure and unit, and the chart follows.
  const rate = tariff.getByRole('slider')
  await expect(rate).toHaveAccessibleName('Additional tariff rate Additional tariff') // the measure's short name, as shown
  const before = await rate.inputValue()
  await rate.focus()
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft')
  expect(Number(await rate.inputValue())).toBeLessThan(Number(before))
  await expect(rate).toHaveAttribute('aria-valuetext', /%$/)
  await expect.poll(async () => sum(await costValues(page, 'autos'))).toBeLessThan(sum(autosTariffOn))
  await page.getByRole('tab', { name: 'Exposure' }).click()
  await expect(page.getByTestId('table-defense')).toBeAttached()

  // Beijing: lower No. 18's approval rate (stricter licensing) — defense exposure rises.
  const no18 = page.getByTestId('measure-cn-mofcom-18')
  const defenseBefore = await chartValues(page, 'defense')
  const approval = no18.getByRole('slider')
  await approval.focus()
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => sum(await chartValues(page, 'defense'))).toBeGreaterThan(sum(defenseBefore))

  // Settings: an end date before the start is refused with a reason; a valid one is kept.
  await no18.getByRole('button', { name: 'Settings' }).click()
  const end = no18.getByLabel('End (optional)')
  await end.fill('2024-01-01')
  await expect(no18.getByRole('alert')).toContainText('after the start')
  await expect(end).toHaveValue('')
  await end.fill('2027-06-30')
  await expect(no18.getByText('until 2027-06-30')).toBeVisible()
  await no18.getByRole('button', { name: 'Add suspension' }).click()
  await expect(no18.getByText(/paused 2026-04-04/)).toBeVisible()
  await no18.getByRole('button', { name: 'Remove suspension 1' }).click()
  await expect(no18.getByText(/paused/)).toHaveCount(0)

  // Other parameters live in the settings too.
  const lag = no18.getByLabel('Licence lead time')
  await lag.fill('20')
  await expect(lag).toHaveValue('20')

  // Info card: instrument, dates, confidence, channels.
  await no18.getByRole('button', { name: 'Info' }).click()
  const card = no18.getByRole('group', { name: /About Licensing of seven/ })
  await expect(card).toContainText('MOFCOM/GAC Announcement No. 18')
  await expect(card).toContainText('2025-04-04')
  await expect(card).toContainText('Confidence')
  await expect(card).toContainText('NdFeB magnets')
  expect(errors).toEqual([])
})

test('measures are grouped by kind and every panel control has a name', async ({ page, host }) => {
  await open(page, host.url)
  const beijing = page.getByTestId('panel-beijing')
  await expect(beijing.getByRole('heading', { name: 'Materials licensing' })).toBeVisible()
  await expect(page.getByTestId('panel-washington').getByRole('heading', { name: 'Tariffs' })).toBeVisible()
  for (const el of await page.locator('.workspace input, .workspace button, .workspace select').all()) {
    const name = await el.evaluate((e) => (e as HTMLElement).getAttribute('aria-label') ?? (e as HTMLElement).textContent)
    await expect(el, `control without an accessible name: ${name}`).toHaveAccessibleName(/\S/)
  }
})

test('add a trigger, see it on the timeline and the markers, remove it', async ({ page, host }) => {
  const errors = await open(page, host.url)
  // At 1280×720 the timeline starts folded to its head (the charts take the height): open it.
  await page.getByRole('button', { name: 'Show timeline' }).click()
  // A trigger on an off measure: its timeline row is empty so far.
  await expect(page.getByTestId('timeline-us-14nm-licences').locator('.tl-run')).toHaveCount(0)
  await page.getByRole('button', { name: 'China' }).click()
  const cnBefore = await chartValues(page, 'electronics')
  await page.getByRole('button', { name: /Triggers \(0\)/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Counter-measure triggers' })
  await dialog.getByLabel('If this is active').selectOption({ label: 'Beijing: Licensing of seven medium/heavy REEs and their magnets (Ann. No. 18)' })
  await dialog.getByLabel('then start').selectOption({ label: 'Washington: Licences for all 14-nm products bound for China' })
  await dialog.getByLabel('Quarters later').fill('2')
  await dialog.getByLabel('Intensity (%)').fill('50')
  await dialog.getByRole('button', { name: 'Add trigger' }).click()
  await expect(dialog.getByTestId('trigger-t-1')).toContainText('starts 2 quarters later at 50 %')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The response now acts: a timeline row for the trigger and for the measure, and China's electronics exposure rises.
  await expect(page.getByTestId('timeline-trigger-t-1')).toBeVisible()
  await expect(page.getByTestId('timeline-trigger-t-1')).toHaveAttribute('aria-label', /2025 Q\d–2030 Q4 at 50 %/)
  await expect(page.getByTestId('timeline-trigger-t-1').locator('.tl-run').first()).toBeVisible()
  await expect(page.getByTestId('timeline-us-14nm-licences').locator('.tl-run').first()).toBeVisible()
  await expect.poll(async () => sum(await chartValues(page, 'electronics'))).toBeGreaterThan(sum(cnBefore))

  // Event markers: every chart has them; switching a measure off hides its own, a new date in an empty quarter adds one.
  const markers = await markerCount(page, 'defense')
  expect(markers).toBeGreaterThan(0)
  await page.getByTestId('measure-us-allied-capacity').getByRole('switch').uncheck()
  await expect.poll(() => markerCount(page, 'defense')).toBe(markers - 1)
  await page.getByTestId('measure-us-allied-capacity').getByRole('switch').check()
  await expect.poll(() => markerCount(page, 'defense')).toBe(markers)
  const dfars = page.getByTestId('measure-us-dfars-2027')
  await dfars.getByRole('button', { name: 'Settings' }).click()
  await dfars.getByLabel('End (optional)').fill('2029-08-15')
  await expect.poll(() => markerCount(page, 'defense')).toBe(markers + 1)
  await expect.poll(() => markerCount(page, 'autos')).toBe(markers + 1)

  // Remove the trigger from the timeline.
  await page.getByRole('button', { name: /Remove Trigger: if REE licensing/ }).click()
  await expect(page.getByTestId('timeline-trigger-t-1')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Triggers \(0\)/ })).toBeVisible()
  expect(errors).toEqual([])
})

test('switch economy and stacking; bands arrive; headline follows the threshold', async ({ page, host }) => {
  const errors = await open(page, host.url)
  const us = await chartValues(page, 'electronics')
  await page.getByRole('button', { name: 'China' }).click()
  await expect(page.getByRole('img', { name: /^Electronics — exposure, China/ })).toBeVisible()
  await expect.poll(() => chartValues(page, 'electronics')).not.toEqual(us)
  await page.keyboard.press('e')
  await expect(page.getByRole('img', { name: /^Electronics — exposure, US & allies/ })).toBeVisible()

  // The P10–P90 band is drawn once the worker answers (range area), and goes away when unticked.
  await page.getByRole('checkbox', { name: 'Data tables' }).check()
  const table = page.getByRole('region', { name: /Defense — exposure, US & allies: data/ })
  await expect(table.getByRole('columnheader', { name: 'P90' })).toBeVisible({ timeout: 5000 })
  const bandPaths = page.getByTestId('chart-defense').locator('.chart-band path')
  await expect(bandPaths).toHaveCount(1) // the range only: no edge lines, so it cannot be mistaken for a baseline
  await expect(bandPaths.first()).toHaveAttribute('d', /^M[\d.]+,[\d.]+L.*Z$/)
  await page.getByRole('checkbox', { name: 'P10–P90 band' }).uncheck()
  await expect(table.getByRole('columnheader', { name: 'P90' })).toHaveCount(0)
  await expect(bandPaths).toHaveCount(0)

  // Stacked by measure: the data table lists measures (Shapley attribution from the worker).
  await page.getByRole('button', { name: 'By measure' }).click()
  await expect(table.getByRole('columnheader', { name: 'REE licensing (No. 18)' })).toBeVisible({ timeout: 5000 })
  await expect(page.getByTestId('chart-defense').getByRole('img', { name: /stacked by measure/ })).toBeVisible()
  await page.getByRole('button', { name: 'By channel' }).click()
  // Defence's channels since Model 2 (DPAS priority keeps its magnets supplied): tungsten is one it still has.
  await expect(table.getByRole('columnheader', { name: CHANNEL_LABELS.tungsten })).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'REE licensing (No. 18)' })).toHaveCount(0)

  // Headline: quarters above the threshold shrink as the threshold rises (electronics: it crosses 5).
  const headline = page.getByTestId('headline-electronics')
  const threshold = page.getByLabel('Threshold')
  await threshold.fill('5')
  const low = Number((await headline.textContent())?.match(/(\d+) quarters? above 5/)?.[1])
  await threshold.fill('60')
  await expect(headline).toContainText('above 60')
  const high = Number((await headline.textContent())?.match(/(\d+) quarters? above 60/)?.[1])
  expect(high).toBeLessThan(low)
  await expect(headline).toContainText(/Peak \d+\.\d in \d{4} Q[1-4]/)
  expect(errors).toEqual([])
})

test('the Myanmar feed cut shows on the timeline as an outside event, and an override moves or switches it off', async ({ page, host }) => {
  const errors = await open(page, host.url)
  const timeline = page.getByTestId('timeline')
  await expect(timeline).toContainText(/measures in force within the horizon, plus 1 outside event/)
  await page.getByRole('button', { name: 'Show timeline' }).click()
  const row = page.getByTestId('timeline-event-myanmar-kachin')
  await expect(row).toBeVisible()
  await expect(row).toHaveAttribute('aria-label', /^Outside event \(not a measure\).*Oct 2024 – Jun 2026.*: 2025 Q1–2026 Q2 at 50 %/)
  await expect(timeline.getByText('Myanmar feed cut (outside)')).toBeVisible()

  // A later end moves the row; cut 0 empties it and says so.
  await page.getByRole('tab', { name: 'Assumptions' }).click()
  const panel = page.getByTestId('assumptions')
  await panel.getByLabel('Filter').fill('myanmar')
  await panel.getByTestId('assumption-myanmar-cut-until').getByRole('spinbutton').fill('2027.5')
  await page.getByRole('tab', { name: 'Exposure' }).click()
  await expect(row).toHaveAttribute('aria-label', /Jun 2027.*2025 Q1–2027 Q2 at 50 %/)
  await page.getByRole('tab', { name: 'Assumptions' }).click()
  await panel.getByTestId('assumption-myanmar-cut').getByRole('spinbutton').fill('0')
  await page.getByRole('tab', { name: 'Exposure' }).click()
  await expect(row).toHaveAttribute('aria-label', /switched off \(cut 0\).*not active within the horizon/)
  await expect(row.locator('.tl-run')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('edit and reset assumptions; the modified baseline appears separately', async ({ page, host }) => {
  const errors = await open(page, host.url)
  await page.getByRole('tab', { name: 'Assumptions' }).click()
  const panel = page.getByTestId('assumptions')
  await expect(panel.getByRole('row')).not.toHaveCount(0)
  await panel.getByLabel('Filter').fill('buffer-months-defense')
  const row = panel.getByTestId('assumption-buffer-months-defense')
  await expect(row).toContainText('months of use')
  await expect(row).toContainText(/High|Medium|Low/)
  const input = row.getByRole('spinbutton')
  await input.fill('0.5')
  await expect(row.getByText('Overridden')).toBeVisible()
  await expect(panel.getByText('1 overridden in this scenario.')).toBeVisible()

  await panel.getByLabel('Filter').fill('')
  await panel.getByTestId('assumption-cn-share-ndfeb').getByRole('spinbutton').fill('0.99')
  await expect(panel.getByText('2 overridden in this scenario.')).toBeVisible()
  await panel.getByRole('checkbox', { name: 'Only overridden' }).check()
  await expect(panel.locator('tr.overridden')).toHaveCount(2)

  // The exposure charts show the no-measures line under these assumptions next to the default one.
  await page.getByRole('tab', { name: 'Exposure' }).click()
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('No measures, your assumptions')
  await page.getByRole('checkbox', { name: 'Data tables' }).check()
  await expect(page.getByRole('region', { name: /Defense — exposure, US & allies: data/ }).getByRole('columnheader', { name: 'No measures, your assumptions' })).toBeVisible()
  const modifiedLine = page.getByTestId('chart-defense').locator('path.line-modified')
  await expect(modifiedLine).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){23}$/) // one point per quarter

  // Reset one, then all.
  await page.getByRole('tab', { name: 'Assumptions' }).click()
  await panel.getByRole('button', { name: /^Reset China share of allied NdFeB magnet supply/ }).click()
  await expect(panel.getByText('1 overridden in this scenario.')).toBeVisible()
  await panel.getByRole('button', { name: 'Reset all overrides' }).click()
  await expect(panel.getByText('All values are the baseline.')).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Reset all overrides' })).toBeDisabled()
  await page.getByRole('tab', { name: 'Exposure' }).click()
  await expect(page.getByRole('list', { name: 'Legend' })).not.toContainText('your assumptions')
  await expect(modifiedLine).toHaveCount(0)
  expect(errors).toEqual([])
})

test('a chart draws one area per legend series, and hovering it gives exact values for the quarter', async ({ page, host }) => {
  const errors = await open(page, host.url)
  const chart = page.getByTestId('chart-defense')
  const legend = await page.getByRole('list', { name: 'Legend' }).locator('li:has(.swatch):not(:has(.band))').count()
  await expect(chart.locator('.chart-series path')).toHaveCount(legend)
  // The stack's top edge is the total: the tooltip's total for a quarter equals the data table's.
  const values = await chartValues(page, 'defense')
  const box = (await chart.locator('.recharts-wrapper > svg').boundingBox())!
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2)
  const tip = chart.locator('.chart-tooltip')
  await expect(tip).toBeVisible()
  const [, quarter, total] = (await tip.locator('.tt-title').textContent())!.match(/^(\d{4} Q[1-4]) — exposure ([\d.]+)/)!
  const quarters = await page.getByTestId('table-defense').locator('tbody th').allTextContents()
  expect(Number(total)).toBe(values[quarters.indexOf(quarter)])
  expect(errors).toEqual([])
})

test('undo and redo a sequence of edits, by button and keyboard', async ({ page, host }) => {
  // Autos: each of the three edits below moves its exposure (defence reads near 0 under DPAS priority since Model 2).
  const errors = await open(page, host.url)
  const undo = page.getByRole('button', { name: 'Undo' })
  const redo = page.getByRole('button', { name: 'Redo' })
  await expect(undo).toBeDisabled()
  await expect(redo).toBeDisabled()
  const v0 = await chartValues(page, 'autos')

  await page.getByTestId('measure-cn-mofcom-18').getByRole('switch').uncheck()
  await expect.poll(() => chartValues(page, 'autos')).not.toEqual(v0)
  const v1 = await chartValues(page, 'autos')
  await page.getByTestId('measure-cn-mofcom-57').getByRole('switch').uncheck()
  await expect.poll(() => chartValues(page, 'autos')).not.toEqual(v1)
  const v2 = await chartValues(page, 'autos')
  const slider = page.getByTestId('measure-cn-gagesb-ban').getByRole('slider')
  await slider.focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
  await slider.blur()
  await expect.poll(() => chartValues(page, 'autos')).not.toEqual(v2)
  const v3 = await chartValues(page, 'autos')
  await expect(undo).toBeEnabled()

  // The five key presses on one slider are one step.
  await undo.click()
  await expect.poll(() => chartValues(page, 'autos')).toEqual(v2)
  await page.getByRole('heading', { name: 'Chokepoint', level: 1 }).click() // a spot with nothing to operate: focus leaves the controls
  await page.keyboard.press('Control+z')
  await expect.poll(() => chartValues(page, 'autos')).toEqual(v1)
  await page.keyboard.press('Control+z')
  await expect.poll(() => chartValues(page, 'autos')).toEqual(v0)
  await expect(undo).toBeDisabled()
  await expect(page.getByTestId('measure-cn-mofcom-18').getByRole('switch')).toBeChecked()

  await redo.click()
  await expect.poll(() => chartValues(page, 'autos')).toEqual(v1)
  await page.keyboard.press('Control+Shift+Z')
  await page.keyboard.press('Control+Shift+Z')
  await expect.poll(() => chartValues(page, 'autos')).toEqual(v3)
  await expect(redo).toBeDisabled()
  expect(errors).toEqual([])
})

test('the help overlay lists the shortcuts and closes with Esc', async ({ page, host }) => {
  await open(page, host.url)
  await page.getByRole('heading', { name: 'Chokepoint', level: 1 }).click() // a spot with nothing to operate: focus leaves the controls
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  for (const text of ['Undo the last change', 'Start or stop presentation mode', 'Switch economy']) await expect(help).toContainText(text)
  await page.keyboard.press('Escape')
  await expect(help).toHaveCount(0)
})

test('sensitivity: the tornado for a chosen sector and KPI', async ({ page, host }) => {
  const errors = await open(page, host.url)
  await page.getByRole('tab', { name: 'Sensitivity' }).click()
  const view = page.getByTestId('sensitivity')
  const bars = view.getByRole('list', { name: /Tornado of Peak exposure — Defense, US & allies/ }).getByRole('listitem')
  await expect(bars.first()).toBeVisible({ timeout: 10_000 })
  expect(await bars.count()).toBeGreaterThan(2)
  await view.getByLabel('Sector').selectOption('electronics')
  await view.getByLabel('KPI').selectOption('cost-peak')
  await expect(view.getByRole('list', { name: /Tornado of Peak cost pressure — Electronics, US & allies/ }).getByRole('listitem').first()).toBeVisible({ timeout: 10_000 })
  await page.getByRole('tab', { name: 'Cost' }).click()
  await expect(page.getByRole('img', { name: /^Cost pressure by sector, US & allies/ })).toBeVisible()
  expect(errors).toEqual([])
})
