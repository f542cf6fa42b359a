import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openLibrary, ready } from './library-page'

// Honest bands (issue 12): the branched example shows the mixture band with its caption, the planner can
// pick a branch, the band has no dashed edge, and the variance breakdown sits beside the tornado.
const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-shots-'))
const EXAMPLE = 'No. 70 ends: extended, lapsed or re-activated'

async function openBranchedExample(page: Page) {
  const library = await openLibrary(page)
  await library.getByRole('tab', { name: 'Examples' }).click()
  await library.getByRole('list', { name: 'Example scenarios' }).getByRole('button', { name: `Open ${EXAMPLE}` }).click()
  await expect(library).toBeHidden()
  await expect(page.getByLabel('Scenario name')).toHaveValue(EXAMPLE)
}

const legendBand = (page: Page) => page.getByRole('list', { name: 'Legend' }).locator('.legend-band')

test('branch picker, captioned band without dashed edges, variance breakdown beside the tornado', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await ready(page, host)
  await openBranchedExample(page)
  const picker = page.getByLabel('Branch')
  await expect(picker).toHaveValue('mixture')
  await expect(legendBand(page)).toContainText('P10–P90 of the index over 200 samples (mixture of 3 branches)')
  await expect(legendBand(page)).toContainText('P50 · stack total: point estimate')
  const band = page.getByTestId('chart-defense').locator('.chart-band')
  await expect(band.locator('path')).toHaveCount(1)
  expect(await band.locator('[stroke-dasharray]').count()).toBe(0)
  expect(await band.locator('circle.band-p50').count()).toBeGreaterThan(10)

  await picker.selectOption({ label: 'Lapsed (licensing resumes) — 25 %' })
  await expect(legendBand(page)).toContainText('(branch Lapsed (licensing resumes))')
  await picker.selectOption('mixture')
  await expect(legendBand(page)).toContainText('(mixture of 3 branches)')

  await page.getByRole('tab', { name: 'Sensitivity' }).click()
  const variance = page.getByTestId('variance')
  await expect(variance.getByRole('heading', { name: 'What drives the band' })).toBeVisible()
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
      await openBranchedExample(page)
      await expect(legendBand(page)).toContainText('(mixture of 3 branches)', { timeout: 30_000 })
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
