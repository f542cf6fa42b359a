import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'

// Layout from 1280×720 up, in both OS themes: nothing overflows sideways, all three charts are on screen,
// and toggling a measure does not move anything. Screenshots go to a temp dir for people to look at.
const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-shots-'))

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 }
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`layout at ${size.width}×${size.height}, ${colorScheme} theme`, async ({ page, host }) => {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme })
      await page.goto(host.url)
      await expect(page.getByTestId('chart-electronics').locator('.recharts-surface').first()).toBeVisible()
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      // Dark theme follows the OS: a dark page background; light: a light one.
      const lum = bg.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3
      if (colorScheme === 'dark') expect(lum).toBeLessThan(60)
      else expect(lum).toBeGreaterThan(200)

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height)
      for (const s of ['defense', 'autos', 'electronics']) {
        const box = await page.getByTestId(`chart-${s}`).boundingBox()
        expect(box, s).not.toBeNull()
        expect(box!.y + box!.height).toBeLessThanOrEqual(size.height)
        expect(box!.height).toBeGreaterThan(size.height / 8)
      }
      await expect(page.getByTestId('timeline')).toBeInViewport()

      // No layout shift: toggling a measure leaves every chart, panel and the timeline where it was.
      const boxes = () =>
        page.evaluate(() =>
          ['chart-defense', 'chart-autos', 'chart-electronics', 'panel-beijing', 'panel-washington', 'timeline'].map((id) => {
            const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect()
            return [r.x, r.y, r.width, r.height].map(Math.round).join(',')
          })
        )
      const before = await boxes()
      await page.getByTestId('measure-us-tariff-additional').getByRole('switch').check()
      await page.getByTestId('measure-cn-mofcom-18').getByRole('switch').uncheck()
      await expect(page.getByTestId('measure-cn-mofcom-18').getByRole('switch')).not.toBeChecked()
      expect(await boxes()).toEqual(before)
      await page.screenshot({ path: join(SHOTS, `workspace-${size.width}x${size.height}-${colorScheme}.png`) })

      await page.keyboard.press('F5')
      await expect(page.getByTestId('presentation')).toBeVisible()
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
      await page.screenshot({ path: join(SHOTS, `presentation-${size.width}x${size.height}-${colorScheme}.png`) })
      await page.keyboard.press('Escape')
    })
  }
}
