import { test, expect } from './fixtures'
import { MEASURES, listedNames, openLibrary, ready, rename, save, saveAs, toggle } from './library-page'

const beijing = MEASURES.filter((m) => m.side === 'beijing')
const washington = MEASURES.filter((m) => m.side === 'washington')

test('compare three scenarios: overlaid lines per sector, key figures, and only the inputs that differ', async ({ page, host }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await ready(page, host)
  const a = beijing[0]
  const b = washington[0]
  const slid = washington[1]
  const primary = slid.params.find((p) => p.primary) ?? slid.params[0]

  await rename(page, 'Status quo')
  await save(page, 'Status quo', 1)
  const aOn = await toggle(page, a)
  await saveAs(page, 'Escalation')
  const bOn = await toggle(page, b)
  const slider = page.getByTestId(`measure-${slid.id}`).getByRole('slider')
  await slider.focus()
  await page.keyboard.press(primary.default >= primary.max ? 'ArrowLeft' : 'ArrowRight')
  await saveAs(page, 'Escalation + allies')
  // The open scenario's headline, to check the comparison reads the same figures.
  const headline = (await page.getByTestId('headline-defense').innerText()).replace(/\s+/g, ' ')

  const library = await openLibrary(page)
  await expect.poll(() => listedNames(page)).toEqual(['Escalation + allies', 'Escalation', 'Status quo'])
  for (const name of ['Status quo', 'Escalation', 'Escalation + allies']) await library.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check()
  await library.getByRole('button', { name: 'Compare selected' }).click()

  const compare = page.getByRole('dialog', { name: 'Compare 3 scenarios' })
  await expect(compare).toBeVisible()
  const names = 'Status quo, Escalation, Escalation \\+ allies'
  for (const sector of ['Defense', 'Autos', 'Electronics']) {
    const chart = compare.getByRole('img', { name: new RegExp(`^${sector} — exposure, US & allies, index 0–100 by quarter, comparing ${names}$`) })
    await expect(chart).toBeVisible()
    // One line per scenario, each in its own colour.
    const strokes = await chart.locator('.recharts-line path.recharts-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke')))
    expect(strokes).toHaveLength(3)
    expect(new Set(strokes).size).toBe(3)
    await expect(compare.getByRole('list', { name: `Legend: ${sector} — exposure, US & allies` }).getByRole('listitem')).toHaveText(['Status quo', 'Escalation', 'Escalation + allies'])
  }

  // Key figures: 3 sectors × 3 scenarios, and the open scenario's row matches its workspace headline.
  const kpi = compare.getByTestId('kpi-table')
  await expect(kpi.locator('tbody tr')).toHaveCount(9)
  const row = kpi.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Escalation + allies' }) }).first()
  const cells = await row.locator('td').allInnerTexts()
  expect(headline).toContain(`Peak ${cells[0]}`)
  expect(headline).toContain(`${cells[2]} quarter`)

  // The diff lists exactly what was changed, with each scenario's value.
  const diff = compare.getByTestId('input-diff')
  const on = (v: boolean) => (v ? 'On' : 'Off')
  await expect(diff.locator('tbody tr')).toHaveCount(3)
  await expect(diff.getByRole('row', { name: new RegExp(`^Measures ${escape(a.title)} `) }).locator('td')).toHaveText(['Measures', on(!aOn), on(aOn), on(aOn)])
  await expect(diff.getByRole('row', { name: new RegExp(`^Measures ${escape(b.title)} `) }).locator('td')).toHaveText(['Measures', on(!bOn), on(!bOn), on(bOn)])
  const paramRow = diff.getByRole('row', { name: new RegExp(`^Parameters ${escape(`${slid.title} — ${primary.label}`)} `) })
  const values = await paramRow.locator('td').allInnerTexts()
  expect(values[1]).toBe(values[2])
  expect(values[3]).not.toBe(values[1])
  await page.screenshot({ path: '/tmp/chokepoint-compare.png' })

  // Switching the economy redraws every chart for China.
  await compare.getByRole('button', { name: 'China' }).click()
  await expect(compare.getByRole('img', { name: /^Defense — exposure, China, / })).toBeVisible()
  await expect(kpi.locator('caption')).toHaveText('Key figures, China')
  await compare.getByRole('spinbutton', { name: 'Threshold' }).fill('0')
  await expect(kpi.locator('thead')).toContainText('Quarters above 0')
  await page.screenshot({ path: '/tmp/chokepoint-compare-china.png', fullPage: false })
  expect(errors).toEqual([])
})

test('compare a saved version with the current, unsaved draft', async ({ page, host }) => {
  await ready(page, host)
  const a = beijing[1]
  await rename(page, 'Versioned')
  await save(page, 'Versioned', 1)
  const aOn = await toggle(page, a)
  await save(page, 'Versioned', 2)
  await toggle(page, washington[2]) // unsaved: "current" is the draft
  await page.getByRole('button', { name: 'History…' }).click()
  const history = page.getByRole('dialog', { name: 'History of “Versioned”' })
  await history.getByRole('button', { name: 'Compare with current: version 1' }).click()
  const compare = page.getByRole('dialog', { name: 'Compare 2 scenarios' })
  await expect(compare.getByRole('list', { name: 'Scenarios compared' }).getByRole('listitem')).toHaveText(['Version 1', 'Current (unsaved changes)'])
  const diff = compare.getByTestId('input-diff')
  await expect(diff.locator('tbody tr')).toHaveCount(2)
  await expect(diff.getByRole('row', { name: new RegExp(`^Measures ${escape(a.title)} `) }).locator('td')).toHaveText(['Measures', aOn ? 'Off' : 'On', aOn ? 'On' : 'Off'])
  await page.keyboard.press('Escape')
  await expect(compare).toBeHidden()
})

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
