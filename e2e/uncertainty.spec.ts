import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { ready } from './library-page'

// Honest bands (issue 12): the default carries the November 2026 branches; the planner picks the mixture
// or a branch, the band says which and has no dashed edge, and the variance breakdown sits beside the tornado.
const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-shots-'))
const MIXTURE = '(mixture of 3 branches)'

async function showMixture(page: Page) {
  await page.getByLabel('Branch').selectOption('mixture')
  await expect(legendBand(page)).toContainText(MIXTURE, { timeout: 30_000 })
}

const legendBand = (page: Page) => page.getByRole('list', { name: 'Legend' }).locator('.legend-band')

test('branch picker, captioned band without dashed edges, variance breakdown beside the tornado', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await ready(page, host)
  const picker = page.getByLabel('Branch')
  await expect(picker).toHaveValue('extended')
  await expect(legendBand(page)).toContainText('P10–P90 of the index over 200 samples (branch Suspensions extended a year)', { timeout: 30_000 })
  await showMixture(page)
  await expect(legendBand(page)).toContainText('P50 · stack total: point estimate')
  const band = page.getByTestId('chart-defense').locator('.chart-band')
  await expect(band.locator('path')).toHaveCount(1)
  expect(await band.locator('[stroke-dasharray]').count()).toBe(0)
  expect(await band.locator('circle.band-p50').count()).toBeGreaterThan(10)

  await picker.selectOption({ label: 'Re-activated on the end dates — 25 %' })
  await expect(legendBand(page)).toContainText('(branch Re-activated on the end dates)', { timeout: 30_000 })
  await showMixture(page)

  await page.getByRole('tab', { name: 'Sensitivity' }).click()
  const variance = page.getByTestId('variance')
  await expect(variance.getByRole('heading', { name: 'What drives the band' })).toBeVisible()
  // A scrolling region with no control inside must take keyboard focus itself (axe: scrollable-region-focusable).
  await variance.focus()
  await expect(variance).toBeFocused()
  await expect(variance.getByRole('list', { name: /Variance breakdown of Peak exposure — Defense/ }).getByRole('listitem').first()).toBeVisible({ timeout: 30_000 })
  await expect(variance).toContainText('Beijing posture and policy')
  await expect(page.getByTestId('sensitivity')).toBeVisible()
})

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 }
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshots of bands and variance at ${size.width}×${size.height}, ${colorScheme}`, async ({ page, host }) => {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme })
      await ready(page, host)
      await showMixture(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      await expect(page.getByLabel('Scenario name')).toBeInViewport()
      await page.screenshot({ path: join(SHOTS, `bands-${size.width}x${size.height}-${colorScheme}.png`) })
      await page.getByRole('tab', { name: 'Sensitivity' }).click()
      await expect(page.getByTestId('variance').getByRole('listitem').first()).toBeVisible({ timeout: 30_000 })
      await expect(page.getByTestId('sensitivity').getByRole('listitem').first()).toBeVisible({ timeout: 30_000 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      await page.screenshot({ path: join(SHOTS, `variance-${size.width}x${size.height}-${colorScheme}.png`) })
    })
  }
}
