import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'
import { contrastRatio, hexDeltaE2000, toHex } from '../src/shared/colour-metrics'
import { CHART_BACKGROUNDS, REST_COLOR, SERIES_DISTINCTNESS, SERIES_MIN_CONTRAST, STRUCTURAL_COLOR, measureColor } from '../src/shared/palette'

/**
 * What the workspace draws in a stack by measure, in the light and the dark theme: each series in its
 * measure's palette colour (the colour the exports use), opaque, every two series of a chart told apart,
 * each standing out from the chart's own background. Screenshots at 1280×720 and 1920×1080 go to the
 * test's output folder.
 */

type Drawn = { cls: string; fill: string; opacity: string }

/** `rgb(r, g, b)` (a computed style) → `#rrggbb`. */
const rgbToHex = (rgb: string) => toHex((rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number))

/** The colour a drawn series must have, from its class (`series-m_<measure id>`, `series-other`, `series-structural`). */
function expectedColour(cls: string): string {
  const key = cls.replace(/^series-/, '')
  if (key === 'other') return REST_COLOR
  if (key === 'structural') return STRUCTURAL_COLOR
  return measureColor(key.replace(/^m_/, ''))
}

async function checkCharts(page: Page, scheme: 'light' | 'dark', economy: string) {
  for (const sector of ['defense', 'autos', 'electronics']) {
    const chart = page.getByTestId(`chart-${sector}`)
    const background = rgbToHex(await chart.evaluate((el) => getComputedStyle(el).backgroundColor))
    expect(background, `${economy} ${sector}`).toBe(CHART_BACKGROUNDS[scheme][0])
    const drawn: Drawn[] = await chart.locator('.chart-series path.series').evaluateAll((paths) =>
      paths.map((p) => ({ cls: [...p.classList].find((c) => c.startsWith('series-')) ?? '', fill: p.getAttribute('fill') ?? '', opacity: p.getAttribute('fill-opacity') ?? '' }))
    )
    expect(drawn.length, `${economy} ${sector}`).toBeGreaterThan(1)
    for (const d of drawn) {
      expect(d.fill, `${economy} ${sector} ${d.cls}`).toBe(expectedColour(d.cls))
      expect(d.opacity).toBe('1')
      expect(contrastRatio(d.fill, background), `${d.cls} on ${background}`).toBeGreaterThanOrEqual(SERIES_MIN_CONTRAST)
    }
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++)
        expect(hexDeltaE2000(drawn[i].fill, drawn[j].fill), `${drawn[i].cls} / ${drawn[j].cls}`).toBeGreaterThanOrEqual(SERIES_DISTINCTNESS.in_chart)
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`stack by measure, ${scheme} theme: every series in its measure's colour, told apart, standing out`, async ({ page, host }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto(host.url)
    await expect(page.getByTestId('chart-defense').locator('.recharts-surface').first()).toBeVisible()
    await page.getByRole('button', { name: 'By measure' }).click()
    await expect(page.getByTestId('chart-defense').locator('path.series-m_cn-mofcom-18')).toBeAttached({ timeout: 10_000 })
    await checkCharts(page, scheme, 'US & allies')
    await page.screenshot({ path: test.info().outputPath(`by-measure-${scheme}-1280x720.png`) })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.screenshot({ path: test.info().outputPath(`by-measure-${scheme}-1920x1080.png`) })

    await page.getByRole('button', { name: 'China' }).click()
    await expect(page.getByRole('img', { name: /^Electronics — exposure, China/ })).toBeVisible()
    await expect(page.getByTestId('chart-electronics').locator('.chart-series path.series[class*="series-m_us-"]').first()).toBeAttached({ timeout: 10_000 })
    await checkCharts(page, scheme, 'China')
    await page.screenshot({ path: test.info().outputPath(`by-measure-china-${scheme}-1920x1080.png`) })
    expect(errors).toEqual([])
  })
}
