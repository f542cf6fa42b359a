import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'

const chartValues = (page: Page, sector: string) =>
  page.getByTestId(`table-${sector}`).locator('tbody td').evaluateAll((cells) => cells.map((c) => Number(c.textContent)))

test('enter presentation with F5, step with the arrows, toggle a measure live, leave with Esc', async ({ page, host }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-surface').first()).toBeVisible()
  await page.getByRole('heading', { name: 'Chokepoint', level: 1 }).click() // a spot with nothing to operate: focus leaves the controls

  await page.keyboard.press('F5')
  const pres = page.getByTestId('presentation')
  await expect(pres).toBeVisible()
  // One chart at a time, in large type.
  await expect(pres.getByRole('heading', { level: 1 })).toHaveText('Defense exposure — US & allies')
  await expect(page.getByTestId('chart-defense')).toBeVisible()
  await expect(page.getByTestId('chart-autos')).toHaveCount(0)
  const tick = await pres.locator('.recharts-cartesian-axis-tick-value').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(tick).toBeGreaterThanOrEqual(18)

  // Measures stay live from the compact bar.
  const before = await chartValues(page, 'defense')
  const no18 = pres.getByRole('switch', { name: 'REE licensing (No. 18)' })
  await expect(no18).toHaveAttribute('aria-checked', 'true')
  await no18.click()
  await expect(no18).toHaveAttribute('aria-checked', 'false')
  await expect.poll(() => chartValues(page, 'defense')).not.toEqual(before)

  // Arrow keys step through the charts (focus on the bar button must not swallow them).
  await page.keyboard.press('ArrowRight')
  await expect(pres.getByRole('heading', { level: 1 })).toHaveText('Autos exposure — US & allies')
  await expect(pres.getByText('2 / 5')).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(pres.getByRole('heading', { level: 1 })).toHaveText('Cost pressure — US & allies')
  await expect(pres.getByRole('img', { name: /^Cost pressure by sector/ })).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(pres.getByRole('heading', { level: 1 })).toHaveText('Electronics exposure — US & allies')
  await page.keyboard.press('e')
  await expect(pres.getByRole('heading', { level: 1 })).toHaveText('Electronics exposure — China')

  await page.keyboard.press('Escape')
  await expect(pres).toHaveCount(0)
  await expect(page.getByTestId('panel-beijing')).toBeVisible()
  // The edit made while presenting is part of the scenario (and undoable).
  await expect(page.getByTestId('measure-cn-mofcom-18').getByRole('switch')).not.toBeChecked()
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled()
  expect(errors).toEqual([])
})

test('the Present button works too, and Exit returns', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Present' }).click()
  await expect(page.getByTestId('presentation')).toBeVisible()
  await page.getByRole('button', { name: 'Exit (Esc)' }).click()
  await expect(page.getByTestId('presentation')).toHaveCount(0)
})
