import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'

// "Why this number?" (issue 11 item 6): a chart's headline figure opens the evidence view, by keyboard,
// with what the index means, the measures and inputs behind the figure (sources, confidence) and the
// share resting on GUESS inputs. Screenshots at both sizes and themes go to SCREENSHOT_DIR (or a temp dir).
const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-evidence-'))

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 }
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`evidence view at ${size.width}×${size.height}, ${colorScheme}`, async ({ page, host }) => {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme })
      await page.goto(host.url)
      const chart = page.getByTestId('chart-defense')
      await expect(chart.locator('.recharts-surface').first()).toBeVisible()

      // The headline figure is a button named by its visible text.
      const opener = chart.getByRole('button', { name: /^Peak \d+\.\d in \d{4} Q[1-4] — why\?$/ })
      await expect(opener).toBeVisible()
      const label = (await opener.innerText()).replace(/\s+/g, ' ')
      const [, figure, quarter] = label.match(/^Peak (\d+\.\d) in (\d{4} Q[1-4])/) ?? []

      // Keyboard: focus it and press Enter.
      await opener.focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name: 'Why this number?' })
      await expect(dialog).toBeVisible()
      const view = dialog.getByTestId('evidence-view')
      await expect(view).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 })

      // The same figure and quarter as the headline, and the index in words.
      await expect(view.locator('.evidence-figure')).toHaveText(`Defense, US & allies, ${quarter}: ${figure}`)
      await expect(view.getByRole('heading', { name: 'What the index means' })).toBeVisible()
      await expect(view).toContainText('not a forecast of lost output')

      // Measures behind it, with sources and confidence.
      const measures = view.getByRole('table').first()
      await expect(measures.getByRole('columnheader', { name: 'Legal instrument and source' })).toBeVisible()
      expect(await measures.getByRole('row').count()).toBeGreaterThan(1)
      await expect(measures.getByRole('row').nth(1).locator('.confidence')).toHaveText(/^(High|Medium|Low)$/)

      // Inputs that move it, and the GUESS share as a percentage.
      const inputs = view.getByRole('table').nth(1)
      expect(await inputs.getByRole('row').count()).toBeGreaterThan(1)
      await expect(view.getByTestId('evidence-guess')).toContainText(/^\d{1,3} % of how much this figure moves/)

      // Fits the window: no sideways overflow, the dialog inside the viewport.
      const box = await dialog.boundingBox()
      expect(box).not.toBeNull()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(size.width)
      expect(box!.y + box!.height).toBeLessThanOrEqual(size.height)
      await page.screenshot({ path: join(SHOTS, `evidence-${size.width}x${size.height}-${colorScheme}.png`) })

      // The keyboard reaches the content and can scroll it where it is taller than the window.
      await page.keyboard.press('Tab')
      await expect(view).toBeFocused()
      await expect(view).toHaveAccessibleName(`Defense, US & allies, ${quarter}: ${figure}`)
      if (await view.evaluate((el) => el.scrollHeight > el.clientHeight + 1)) {
        await page.keyboard.press('End')
        await expect.poll(() => view.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
      }

      // Escape closes it and focus goes back to the figure.
      await page.keyboard.press('Escape')
      await expect(dialog).toBeHidden()
      await expect(opener).toBeFocused()
    })
  }
}
