import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { MIN_PLOT, axeViolations, clippedText, nameShownInFull, plotHeights } from './projector-checks'

// Layout from 1280×720 up, in both OS themes: nothing overflows sideways, all three charts are on screen,
// and toggling a measure does not move anything. Screenshots go to a temp dir for people to look at.
const SHOTS = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'chokepoint-shots-'))
/** Scenario names the header once cut after ≈ 40 characters at 1280 px: 60, 90 and 120 characters, one without spaces, one in Chinese. */
const LONG_NAMES = [
  'Rare-earth magnet licences tightened for all defence sectors',
  'Rare-earth magnet and gallium licences tightened, graphite curbed, for all defence sectors',
  'Rare-earth magnet and gallium licences tightened, graphite and antimony curbed, tungsten added, for every defence sector',
  'Rareearthmagnetandgalliumlicencestightenedgraphitecurbedforalldefencesectorsafterthepollss',
  '中国稀土磁体出口许可收紧镓锗石墨锑钨出口管制全面升级对美国国防汽车电子行业的影响情景分析第二版'
]

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

      // Readable charts (issue 13): each plot area (recharts' clip rectangle: the area the data is drawn in,
      // axes excluded) at least 160 px tall, a y axis naming its unit, the scenario's name on screen, and the
      // legend column showing all of itself without scrolling.
      const plots = await plotHeights(page)
      expect(plots).toHaveLength(3)
      for (const h of plots) expect(h, `plot heights ${plots.join(', ')}`).toBeGreaterThanOrEqual(MIN_PLOT)
      for (const s of ['defense', 'autos', 'electronics']) await expect(page.getByTestId(`chart-${s}`).locator('.axis-unit')).toHaveText('index')
      await expect(page.getByLabel('Scenario name')).toBeInViewport({ ratio: 1 })
      await expect(page.getByLabel('Scenario name')).toHaveValue('Untitled scenario')
      // Each chart's title column holds its text (the headline button once ran over the y axis).
      for (const over of await page.locator('#charts .chart-head').evaluateAll((hs) => hs.map((h) => h.scrollWidth - h.clientWidth))) expect(over).toBeLessThanOrEqual(1)
      const aside = page.getByRole('complementary', { name: 'Chart options and legend' })
      expect(await aside.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1)).toBe(true)
      // The timeline folds to its head on a short screen (the charts need the height) and opens on request.
      const show = page.getByRole('button', { name: size.height < 900 ? 'Show timeline' : 'Hide timeline' })
      await expect(show).toHaveAttribute('aria-expanded', size.height < 900 ? 'false' : 'true')

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

    test(`a long scenario name is readable in full, header controls on screen, at ${size.width}×${size.height}, ${colorScheme} theme`, async ({ page, host }) => {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme })
      await page.goto(host.url)
      await expect(page.getByTestId('chart-electronics').locator('.recharts-surface').first()).toBeVisible()
      // Found by its visible label: the field's accessible name stays "Scenario name" whatever it holds.
      const field = page.getByRole('textbox', { name: 'Scenario name', exact: true })
      const controls = page.locator('.app-header').locator('button, input, select')
      const count = await controls.count()
      expect(count).toBeGreaterThan(8)
      for (const [i, name] of LONG_NAMES.entries()) {
        expect(name.length, name).toBeGreaterThanOrEqual(45)
        await field.fill(name)
        await expect(field).toHaveValue(name)
        // The whole name on screen: in its field (scrollWidth ≤ clientWidth) or on the full-name line, uncut.
        await expect.poll(() => nameShownInFull(page, name), { message: `${name.length} characters` }).toMatch(/^(field|line)$/)
        // Nothing pushed off the header, nothing cut in it (the field's own overflow aside when the line shows the name).
        expect(await controls.count()).toBe(count)
        for (const c of await controls.all()) await expect(c).toBeInViewport({ ratio: 1 })
        const shownBy = await nameShownInFull(page, name)
        const cut = (await clippedText(page.locator('.app-header'))).filter((c) => !(shownBy === 'line' && c.startsWith('input')))
        expect(cut, name).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height)
        // The charts keep readable plots with the longest names too.
        for (const h of await plotHeights(page)) expect(h, `plot with a ${name.length}-character name`).toBeGreaterThanOrEqual(MIN_PLOT)
        await page.mouse.move(0, size.height - 1)
        await page.screenshot({ path: join(SHOTS, `long-name-${i + 1}-${size.width}x${size.height}-${colorScheme}.png`) })
      }
      // The full-name line's text and label meet contrast in this theme (the last name shows it at 1280 px).
      expect(await axeViolations(page)).toEqual([])
    })

    test(`a status message quoting a long name is readable whole, the name in full on screen, at ${size.width}×${size.height}, ${colorScheme} theme`, async ({ page, host }) => {
      await page.setViewportSize(size)
      await page.emulateMedia({ colorScheme })
      await page.goto(host.url)
      await expect(page.getByTestId('chart-electronics').locator('.recharts-surface').first()).toBeVisible()
      const field = page.getByRole('textbox', { name: 'Scenario name', exact: true })
      const status = page.getByRole('status').first()
      // The 120-character name (full-name line at 1280 px: the message once wrapped to two lines and was cut) and
      // the one without spaces.
      let lastMessage = ''
      for (const [i, name] of [LONG_NAMES[2], LONG_NAMES[3]].entries()) {
        await field.fill(name)
        await page.getByRole('button', { name: 'Save', exact: true }).click()
        await expect(status).toContainText(`Saved “${name}” (version `)
        const version = /\(version (\d+)\)\.$/.exec((await status.getAttribute('title')) ?? (await status.textContent()) ?? '')?.[1]
        const message = `Saved “${name}” (version ${version}).`
        lastMessage = message
        // What is shown of the message is not cut (it once wrapped to two lines, the second cut off) ...
        expect(await clippedText(page.locator('.status-row'))).toEqual([])
        // ... it ends with the version, and only the quoted name may be shortened, in the middle ...
        const shown = await status.evaluate((s) => [...s.querySelectorAll('[aria-hidden="true"]')].map((e) => e.textContent).join('') || s.textContent)
        expect(shown).toMatch(/^Saved “.+” \(version \d+\)\.$/)
        // ... and the whole message is its accessible text, and its title (what a pointer reveals) when shortened.
        await expect(status).toContainText(message)
        // At 1280 px the slot beside the full-name line holds two short lines, not the 120-character name: it is shortened.
        if (size.width === 1280 && i === 0) expect(shown).not.toBe(message)
        if (shown !== message) {
          const [head, tail] = shown!.slice('Saved “'.length, shown!.lastIndexOf('”')).split('…')
          expect(name.startsWith(head.trimEnd()) && name.endsWith(tail.trimStart()), `"${shown}" shortens "${name}" in the middle`).toBe(true)
          await expect(status).toHaveAttribute('title', message)
        }
        // The scenario's whole name stays on screen (field or full-name line), and the plots keep their height.
        expect(await nameShownInFull(page, name)).toMatch(/^(field|line)$/)
        for (const h of await plotHeights(page)) expect(h, `plot with the status quoting a ${name.length}-character name`).toBeGreaterThanOrEqual(MIN_PLOT)
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height)
        await page.mouse.move(0, size.height - 1)
        await page.screenshot({ path: join(SHOTS, `long-name-status-${i + 1}-${size.width}x${size.height}-${colorScheme}.png`) })
      }
      if (size.width === 1280) {
        // A wider window has room for the whole message again: it is shown whole, with no title of its own.
        await page.setViewportSize({ width: 1920, height: 1080 })
        await expect(status).toHaveText(lastMessage)
        await expect(status).not.toHaveAttribute('title')
        await page.setViewportSize(size)
      }
      expect(await axeViolations(page)).toEqual([])
    })
  }
}

test('at 1280×720 the folded timeline opens on request and the charts give it room, then fold it again', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.locator('#charts .recharts-surface')).toHaveCount(3)
  const timeline = page.getByTestId('timeline')
  await expect(timeline.getByTestId('timeline-cn-mofcom-18')).toHaveCount(0)
  await expect(timeline).toContainText(/\d+ measures in force within the horizon/)
  await timeline.getByRole('button', { name: 'Show timeline' }).click()
  await expect(timeline.getByTestId('timeline-cn-mofcom-18')).toBeVisible()
  await expect(timeline.getByRole('button', { name: 'Hide timeline' })).toHaveAttribute('aria-expanded', 'true')
  const box = await page.getByTestId('chart-electronics').boundingBox()
  expect(box!.y + box!.height).toBeLessThanOrEqual(720)
  await timeline.getByRole('button', { name: 'Hide timeline' }).click()
  await expect(timeline.getByTestId('timeline-cn-mofcom-18')).toHaveCount(0)
})
