import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'

/** The plotted exposure values of one sector chart, read from its data table (what the chart draws). */
async function chartValues(page: Page, sector: string): Promise<number[]> {
  return page.getByTestId(`table-${sector}`).locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.textContent)))
}
/** The drawn geometry of a chart: every path's `d`, so we also see the SVG itself change. */
async function chartGeometry(page: Page, sector: string): Promise<string> {
  return page.getByTestId(`chart-${sector}`).locator('.recharts-surface path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')).join('|'))
}

test('toggle a Beijing measure, save, reload, reopen: toggle and chart are as saved', async ({ page, host }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Beijing' })).toBeVisible()
  await expect(page.getByTestId('chart-defense').locator('.recharts-surface').first()).toBeVisible()

  const beijing = page.getByTestId('panel-beijing')
  const toggle = beijing.getByRole('switch').first()
  const label = (await beijing.locator('.measure-title').first().textContent())?.trim() ?? ''
  const before = await chartValues(page, 'defense')
  const geometryBefore = await chartGeometry(page, 'defense')
  const wasOn = await toggle.isChecked()

  await toggle.click()
  await expect(toggle).toBeChecked({ checked: !wasOn })
  await expect.poll(() => chartValues(page, 'defense')).not.toEqual(before)
  const after = await chartValues(page, 'defense')
  expect(await chartGeometry(page, 'defense')).not.toBe(geometryBefore)
  expect(after).toHaveLength(before.length)
  // Turning a restriction on cannot lower exposure; turning it off cannot raise it.
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  if (wasOn) expect(sum(after)).toBeLessThan(sum(before))
  else expect(sum(after)).toBeGreaterThan(sum(before))

  await page.getByLabel('Scenario name').fill('Workshop A')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('Saved “Workshop A”')

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Beijing' })).toBeVisible()
  // A fresh page starts from the default scenario again…
  await expect(page.getByTestId('panel-beijing').getByRole('switch').first()).toBeChecked({ checked: wasOn })
  expect(await chartValues(page, 'defense')).toEqual(before)

  // …and reopening the saved one restores the toggle and the chart.
  await page.getByRole('button', { name: 'Library…' }).click()
  const library = page.getByRole('dialog', { name: 'Library' })
  await library.getByRole('list', { name: 'Saved scenarios' }).getByRole('button', { name: 'Workshop A' }).click()
  await library.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('Opened “Workshop A”')
  await expect(page.getByRole('switch', { name: label })).toBeChecked({ checked: !wasOn })
  expect(await chartValues(page, 'defense')).toEqual(after)
  expect(errors).toEqual([])
})

test('every chart carries an aria-label naming sector and economy', async ({ page, host }) => {
  await page.goto(host.url)
  for (const sector of ['Defense', 'Autos', 'Electronics']) {
    await expect(page.getByRole('img', { name: new RegExp(`^${sector} — exposure, US & allies`) })).toBeVisible()
  }
})

test('the API refuses requests without the token', async ({ host, request }) => {
  const r = await request.post(`${host.origin}/api/scenario.list`, { data: {} })
  expect(r.status()).toBe(403)
  const ok = await request.post(`${host.origin}/api/scenario.list`, { data: {}, headers: { authorization: `Bearer ${host.token}` } })
  expect(await ok.json()).toEqual({ ok: true, value: { items: [] } })
})
