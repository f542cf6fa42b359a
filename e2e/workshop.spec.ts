import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import JSZip from 'jszip'
import type { Download, Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { parseCsv } from '../src/services/export/testing/csv'
import { MIN_PLOT, axeViolations, clippedText, plotHeights, watchConsole } from './projector-checks'

/** Clicks, waits for the download that follows, keeps it in the test's output folder; returns name and bytes. */
async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()])
  const path = test.info().outputPath((d as Download).suggestedFilename())
  await d.saveAs(path)
  return { name: d.suggestedFilename(), bytes: readFileSync(path), path }
}

/** Screenshots kept for a person to look at (SHOTS_DIR, else the test's output folder). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR
  if (dir) mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: dir ? `${dir}/${name}.png` : test.info().outputPath(`${name}.png`) })
}

const bar = (page: Page) => page.getByTestId('workshop-bar')

async function record(page: Page, team: string, rationale: string) {
  await bar(page).getByLabel('Team').selectOption({ label: team })
  await bar(page).getByLabel('Rationale').fill(rationale)
  await bar(page).getByRole('button', { name: 'Record moves' }).click()
  await expect(page.getByRole('status').first()).toContainText(`for ${team}`)
}

async function openRound(page: Page): Promise<Locator> {
  await bar(page).getByRole('button', { name: 'Round…' }).click()
  const dialog = page.getByRole('dialog', { name: /round \d+$/ })
  await expect(dialog).toBeVisible()
  return dialog
}

async function predict(dialog: Locator, team: string, sector: string, figure: string) {
  await dialog.getByLabel('Predicting team').selectOption({ label: team })
  await dialog.getByLabel('Sector that moves most').selectOption({ label: sector })
  await dialog.getByLabel('Predicted figure').fill(figure)
  await dialog.getByRole('button', { name: 'Record prediction' }).click()
  await expect(dialog.getByRole('list', { name: 'Predictions' })).toContainText(`${team}: ${sector} moves most; figure ${figure}`)
}

const sw = (page: Page, id: string) => page.getByTestId(`measure-${id}`).getByRole('switch')

test('a mock workshop: two teams, three rounds with predictions, reveal, undo, replay, sweep, after-action deck, workshop file round trip', async ({ page, host }) => {
  test.setTimeout(180_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(host.url)
  await expect(page.getByTestId('chart-defense').locator('.recharts-surface').first()).toBeVisible()

  // Create the workshop from the scenario in the workspace.
  await page.getByRole('button', { name: 'Workshop…' }).click()
  const create = page.getByRole('dialog', { name: 'Workshops' })
  await create.getByLabel('Workshop name').fill('Seminar on magnets')
  await expect(create.getByLabel('Teams (separated by commas)')).toHaveValue('Beijing, Washington')
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await expect(create).toBeHidden()
  await expect(bar(page)).toContainText('Workshop: Seminar on magnets')
  await expect(page.getByTestId('workshop-round')).toContainText('Round 1')
  // The workshop plays on its own copy of the scenario, in the library.
  await expect(page.getByLabel('Scenario name')).toHaveValue('Seminar on magnets (workshop)')

  // Round 1: Washington switches the additional tariff on; Beijing tightens No. 18 (a parameter).
  await sw(page, 'us-tariff-additional').check()
  await record(page, 'Washington', 'Raise the cost of coercion')
  const slider = page.getByTestId('measure-cn-mofcom-18').getByRole('slider')
  await slider.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await record(page, 'Beijing', 'Tighten licences')
  let dialog = await openRound(page)
  // The workshop names the scenario it started from (the workspace's), not its own copy "… (workshop)".
  await expect(dialog.getByTestId('workshop-origin')).toHaveText('Started from “Untitled scenario”')
  await expect(dialog.locator('.moves-table tbody tr')).toHaveCount(2)
  await expect(dialog).toContainText('Switched on Additional tariff')
  await expect(dialog).toContainText('Raise the cost of coercion')
  // The box follows the backend's answer (the round's state), so it is clicked and then checked.
  await dialog.getByLabel('Hide the results from the room until the reveal').click()
  await expect(dialog.getByLabel('Hide the results from the room until the reveal')).toBeChecked()
  await expect(page.getByTestId('results-hidden')).toHaveCount(1)
  await predict(dialog, 'Beijing', 'Defense', '25')
  await predict(dialog, 'Washington', 'Autos', '30')
  await shot(page, 'round-predictions-1280-light')
  await dialog.getByRole('button', { name: 'Apply round 1' }).click()
  await expect(dialog.getByRole('button', { name: 'Reveal' })).toBeVisible()
  await expect(page.getByTestId('workshop-round')).toContainText('awaiting the reveal')
  await dialog.getByRole('button', { name: 'Reveal' }).click()
  const reveal = dialog.getByTestId('reveal')
  await expect(reveal).toBeVisible()
  await expect(reveal).toContainText('(moved most)')
  await expect(reveal.locator('tbody tr')).toHaveCount(5) // three sectors, two predictions
  await shot(page, 'round-reveal-1280-light')
  // Points shown in the reveal add up to the scores.
  const points = await reveal.locator('.reveal-table').nth(1).locator('tbody tr td:last-child').allTextContents()
  const scores = await dialog.locator('.scores-table td').allTextContents()
  expect(scores.reduce((n, s) => n + parseInt(s, 10), 0)).toBe(points.reduce((n, p) => n + Number(p), 0))
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('results-hidden')).toHaveCount(0)

  // Replay the last change with one key; it ends by itself and can be repeated.
  await page.getByRole('heading', { name: 'Chokepoint', level: 1 }).click() // a spot with nothing to operate: focus leaves the controls
  await page.keyboard.press('r')
  await expect(page.getByTestId('replay-caption')).toHaveText(/Replaying round 1: before → after/)
  await expect(page.getByTestId('replay-caption')).toBeHidden({ timeout: 4000 })
  await page.keyboard.press('r')
  await expect(page.getByTestId('replay-caption')).toBeVisible()
  await expect(page.getByTestId('replay-caption')).toBeHidden({ timeout: 4000 })

  // Rounds 2 and 3, predictions each time; round 3 is undone, then applied again.
  for (const [n, cn, us] of [[2, 'cn-14nm-approval', 'us-affiliates-50'], [3, 'cn-mofcom-61', 'us-fdpr-expansion']] as const) {
    dialog = await openRound(page)
    await dialog.getByRole('button', { name: `Start round ${n}` }).click()
    await expect(dialog.getByRole('heading', { name: `Seminar on magnets — round ${n}` })).toBeVisible()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(page.getByTestId('results-hidden')).toHaveCount(1) // hiding carries over to the next round
    await sw(page, cn).click()
    await record(page, 'Beijing', `Round ${n}: answer`)
    await sw(page, us).click()
    await record(page, 'Washington', `Round ${n}: counter`)
    dialog = await openRound(page)
    await predict(dialog, 'Beijing', 'Electronics', '20')
    await predict(dialog, 'Washington', 'Defense', '22.5')
    await dialog.getByRole('button', { name: `Apply round ${n}` }).click()
    await dialog.getByRole('button', { name: 'Reveal' }).click()
    await expect(dialog.getByTestId('reveal')).toBeVisible()
    if (n === 3) {
      await dialog.getByRole('button', { name: 'Undo round 3' }).click()
      await expect(dialog.getByRole('button', { name: 'Apply round 3' })).toBeVisible()
      await expect(page.getByTestId('workshop-round')).toContainText('open')
      await dialog.getByRole('button', { name: 'Apply round 3' }).click()
      await dialog.getByRole('button', { name: 'Reveal' }).click()
      await expect(dialog.getByTestId('reveal')).toBeVisible()
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
  }
  await expect(page.getByTestId('workshop-round')).toContainText('Round 3 (applied · revealed)')
  await shot(page, 'workspace-workshop-1280-light')

  // The moves log: all six… plus round 1's two moves, searchable, exported as CSV.
  await bar(page).getByRole('button', { name: 'Moves log' }).click()
  const log = page.getByRole('dialog', { name: 'Moves log — Seminar on magnets' })
  await expect(log.getByTestId('moves-log').locator('tbody tr')).toHaveCount(6)
  await log.getByLabel('Search moves').fill('counter')
  await expect(log.getByTestId('moves-log').locator('tbody tr')).toHaveCount(2)
  const csv = await download(page, () => log.getByRole('button', { name: 'Export CSV' }).click())
  const rows = parseCsv(csv.bytes.toString('utf8'))
  expect(rows[0]).toEqual(['Round', 'Team', 'Move', 'Rationale', 'Recorded at (UTC)', 'Withdrawn at (UTC)'])
  expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['1', 'Washington'], ['1', 'Beijing'], ['2', 'Beijing'], ['2', 'Washington'], ['3', 'Beijing'], ['3', 'Washington']])
  await log.getByRole('button', { name: 'Close' }).click()

  // A timing sweep in the workspace (from the Sensitivity tab), exported as CSV and PNG.
  await page.getByRole('tab', { name: 'Sensitivity' }).click()
  await page.getByRole('button', { name: 'Timing sweep…' }).click()
  const sweep = page.getByRole('dialog', { name: 'Timing sweep' })
  await sweep.getByLabel('Move').selectOption({ label: 'REE licensing (No. 18)' })
  await sweep.getByLabel('Quarters either way').fill('4')
  await expect(sweep.getByTestId('sweep-chart').locator('.recharts-line-dot')).toHaveCount(9)
  await shot(page, 'sweep-1280-light')
  const sweepCsv = await download(page, () => sweep.getByRole('button', { name: 'Export CSV' }).click())
  expect(parseCsv(sweepCsv.bytes.toString('utf8')).slice(1).map((r) => r[0])).toEqual(['-4', '-3', '-2', '-1', '0', '1', '2', '3', '4'])
  const png = await download(page, () => sweep.getByRole('button', { name: 'Export PNG' }).click())
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG')
  await sweep.getByRole('button', { name: 'Close' }).click()

  // The after-action deck and the workshop file.
  dialog = await openRound(page)
  const deck = await download(page, () => dialog.getByRole('button', { name: 'After-action deck (.pptx)' }).click())
  expect(deck.name).toBe('seminar-on-magnets_after-action.pptx')
  const zip = await JSZip.loadAsync(deck.bytes)
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
  expect(slides).toHaveLength(1 + 3 * 2 + 1)
  expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toContain('Raise the cost of coercion')
  const title = await zip.file('ppt/slides/slide1.xml')!.async('string')
  expect(title).toContain('Started from “Untitled scenario”')
  expect(title).not.toContain('(workshop)')
  if (process.env.SHOTS_DIR) copyFileSync(deck.path, `${process.env.SHOTS_DIR}/after-action.pptx`)
  const file = await download(page, () => dialog.getByRole('button', { name: 'Workshop file (.workshop.json)' }).click())
  expect(file.name).toBe('seminar-on-magnets.workshop.json')
  expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ format: 'chokepoint.workshop', formatVersion: 2, workshop: { name: 'Seminar on magnets', sourceName: 'Untitled scenario' } })
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Re-import it: a second workshop (the name was taken), with every round and move.
  await page.getByRole('button', { name: 'Workshop…' }).click()
  const lib = page.getByRole('dialog', { name: 'Workshops' })
  await lib.getByLabel('Import a workshop file (.workshop.json)').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes })
  await expect(lib).toBeHidden()
  await expect(bar(page)).toContainText('Workshop: Seminar on magnets (2)')
  await expect(page.getByTestId('workshop-round')).toContainText('Round 3 (applied · revealed)')
  await bar(page).getByRole('button', { name: 'Moves log' }).click()
  await expect(page.getByTestId('moves-log').locator('tbody tr')).toHaveCount(6)
  await page.getByRole('dialog', { name: /Moves log/ }).getByRole('button', { name: 'Close' }).click()

  // A bad file says what is wrong and where, and imports nothing.
  const bad = JSON.parse(file.bytes.toString('utf8'))
  bad.workshop.rounds[1].moves[0].teamId = 'nobody'
  await page.getByRole('button', { name: 'Workshop…' }).click()
  await lib.getByLabel('Import a workshop file (.workshop.json)').setInputFiles({ name: 'bad.workshop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
  await expect(lib.getByRole('alert')).toContainText('workshop.rounds[1].moves[0].teamId: no team "nobody"')
  await expect(lib.getByRole('listitem')).toHaveCount(2)
  // Both (the original and its re-import from the file) say where they started.
  for (const item of await lib.getByRole('listitem').all()) await expect(item).toContainText('started from “Untitled scenario”')

  // A rehearsal copy is deleted (two presses: Delete…, then the named confirmation); the open one closes.
  const copy = lib.getByRole('listitem').filter({ hasText: 'Seminar on magnets (2)' })
  await copy.getByRole('button', { name: 'Delete…' }).click()
  await copy.getByRole('button', { name: 'Keep' }).click()
  await expect(lib.getByRole('listitem')).toHaveCount(2)
  await copy.getByRole('button', { name: 'Delete…' }).click()
  await copy.getByRole('button', { name: 'Delete “Seminar on magnets (2)”' }).click()
  await expect(lib.getByRole('listitem')).toHaveCount(1)
  await expect(lib.getByRole('status')).toContainText('Deleted the workshop “Seminar on magnets (2)”')
  await expect(bar(page)).toHaveCount(0)
  await lib.getByRole('button', { name: 'Close' }).click()
  expect(errors).toEqual([])
})

test('workshop screens at 1280×720 and 1920×1080, light and dark: names visible, nothing clipped, no axe violation, no console warning; replay in presentation', async ({ page, host }) => {
  test.setTimeout(240_000)
  const consoleSeen = watchConsole(page)
  /** axe (WCAG 2.1 AA, contrast included) and clipped text over what is on screen now. */
  const checkView = async (name: string, root: Locator) => {
    expect(await axeViolations(page), `axe on ${name}`).toEqual([])
    expect(await clippedText(root), `clipped text on ${name}`).toEqual([])
  }
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Workshop…' }).click()
  const create = page.getByRole('dialog', { name: 'Workshops' })
  await create.getByLabel('Workshop name').fill('Projector check with a long workshop name for the room')
  await create.getByLabel('Teams (separated by commas)').fill('Beijing, Washington, Allies')
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await sw(page, 'us-tariff-additional').check()
  await record(page, 'Allies', 'Share the burden')
  let dialog = await openRound(page)
  await predict(dialog, 'Allies', 'Autos', '12')
  await dialog.getByRole('button', { name: 'Apply round 1' }).click()
  await expect(dialog.getByTestId('reveal')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()

  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.emulateMedia({ colorScheme: scheme })
      const tag = `${w}-${scheme}`
      // The workshop and round names are on screen, whole (not cut by their box).
      for (const el of [bar(page).locator('.workshop-name'), page.getByTestId('workshop-round')]) {
        await expect(el).toBeInViewport({ ratio: 1 })
        expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true)
      }
      // Nothing in the workshop line spills out of it.
      const overflow = await bar(page).evaluate((b) => {
        const box = b.getBoundingClientRect()
        return [...b.querySelectorAll('button, select, input, span')].filter((e) => {
          const r = e.getBoundingClientRect()
          return r.right > box.right + 1 || r.bottom > box.bottom + 1
        }).length
      })
      expect(overflow).toBe(0)
      await shot(page, `workspace-${tag}`)
      await checkView(`workspace ${tag}`, bar(page))
      dialog = await openRound(page)
      await expect(dialog.getByTestId('reveal')).toBeInViewport()
      await shot(page, `round-${tag}`)
      await checkView(`round ${tag}`, dialog)
      await dialog.getByRole('button', { name: 'Close' }).click()
      await expect(dialog).toHaveCount(0)
      await bar(page).getByRole('button', { name: 'Sweep…' }).click()
      await expect(page.getByTestId('sweep-chart')).toBeInViewport({ ratio: 1 })
      await shot(page, `sweep-${tag}`)
      await checkView(`sweep ${tag}`, page.getByRole('dialog', { name: 'Timing sweep' }))
      await page.getByRole('dialog', { name: 'Timing sweep' }).getByRole('button', { name: 'Close' }).click()
      await expect(page.getByRole('dialog', { name: 'Timing sweep' })).toHaveCount(0)
      await page.keyboard.press('F5')
      await expect(page.getByTestId('pres-caption')).toHaveText('Workshop: Projector check with a long workshop name for the room · Round 1')
      await page.keyboard.press('r')
      await expect(page.getByTestId('replay-caption')).toHaveText('Replaying round 1: before → after')
      await shot(page, `presentation-replay-${tag}`)
      await expect(page.getByTestId('replay-caption')).toBeHidden({ timeout: 4000 })
      await checkView(`presentation ${tag}`, page.getByTestId('presentation'))
      await page.keyboard.press('Escape')
      await expect(page.getByTestId('presentation')).toHaveCount(0)
      await bar(page).getByRole('button', { name: 'Moves log' }).click()
      const log = page.getByRole('dialog', { name: /Moves log/ })
      await expect(log.getByTestId('moves-log')).toBeVisible()
      await checkView(`moves log ${tag}`, log)
      await log.getByRole('button', { name: 'Close' }).click()
      await expect(log).toHaveCount(0)
      await page.getByRole('button', { name: 'Workshop…' }).click()
      const lib = page.getByRole('dialog', { name: 'Workshops' })
      await expect(lib.getByRole('listitem')).toHaveCount(1)
      await shot(page, `workshops-${tag}`)
      await checkView(`workshops ${tag}`, lib)
      await lib.getByRole('button', { name: 'Close' }).click()
      await expect(lib).toHaveCount(0)
    }
  }
  expect(consoleSeen).toEqual([])
})

test('what a facilitator relies on: a reload mid-round keeps the round and its unrecorded changes; the reveal reads the figures on screen; R is held while hidden and replays the round after the dialog closes, after a reload and in presentation', async ({ page, host }) => {
  test.setTimeout(180_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  const caption = page.getByTestId('replay-caption')
  const pressR = async () => {
    await page.getByRole('heading', { name: 'Chokepoint', level: 1 }).click() // a spot with nothing to operate: focus leaves the controls
    await page.keyboard.press('r')
  }
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Workshop…' }).click()
  const create = page.getByRole('dialog', { name: 'Workshops' })
  await create.getByLabel('Workshop name').fill('Reload and reveal')
  await create.getByRole('button', { name: 'Create workshop' }).click()
  await expect(page.getByLabel('Scenario name')).toHaveValue('Reload and reveal (workshop)')

  // One recorded move (the count reads "1 move"), then a change nobody has recorded yet.
  await sw(page, 'cn-14nm-approval').click()
  await record(page, 'Beijing', 'Deny 14-nm chips')
  await expect(page.getByTestId('workshop-round')).toHaveText('Round 1 (open · 1 move)')
  await sw(page, 'us-fdpr-expansion').click()
  await expect(page.getByTestId('draft-state')).toContainText('draft kept')

  // A reload (a crashed tab, a facilitator pressing Ctrl+R): the workshop's scenario under its own name, the
  // recorded move and the unrecorded change both there, and the status says which is which.
  await page.reload()
  await expect(bar(page)).toContainText('Workshop: Reload and reveal')
  await expect(page.getByRole('status').first()).toContainText('Changes not yet recorded as moves were recovered')
  await expect(page.getByLabel('Scenario name')).toHaveValue('Reload and reveal (workshop)')
  await expect(sw(page, 'cn-14nm-approval')).toBeChecked()
  await expect(sw(page, 'us-fdpr-expansion')).toBeChecked()
  await record(page, 'Washington', 'Extend FDPR')
  await expect(page.getByTestId('workshop-round')).toHaveText('Round 1 (open · 2 moves)')

  // Hidden: R shows nothing of the result and says why.
  let dialog = await openRound(page)
  await dialog.getByLabel('Hide the results from the room until the reveal').click()
  await expect(dialog.getByLabel('Hide the results from the room until the reveal')).toBeChecked()
  await dialog.getByLabel('Sector', { exact: true }).selectOption({ label: 'Electronics' })
  await predict(dialog, 'Beijing', 'Electronics', '17')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await pressR()
  await expect(caption).toHaveText('Results are hidden until the reveal: nothing to replay yet.')
  await expect(page.getByTestId('chart-electronics')).toHaveCount(0)
  await expect(caption).toBeHidden({ timeout: 5000 })

  // Apply and reveal: no replay behind the dialog; it plays when the dialog closes.
  dialog = await openRound(page)
  await dialog.getByRole('button', { name: 'Apply round 1' }).click()
  await dialog.getByRole('button', { name: 'Reveal' }).click()
  const reveal = dialog.getByTestId('reveal')
  await expect(reveal).toBeVisible()
  await expect(caption).toBeHidden()
  const after = (await reveal.getByRole('row', { name: /^Electronics/ }).getByRole('cell').nth(1).innerText()).trim()
  await expect(reveal).toContainText(`Predictions against the outcome (Electronics: ${after})`)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(caption).toHaveText('Replaying round 1: before → after')
  await expect(caption).toBeHidden({ timeout: 5000 })
  // The reveal's figure is the one on the chart the room sees (the scenario's branch view), to the decimal.
  await expect(page.getByTestId('headline-electronics')).toContainText(`Peak ${after} in`)

  // After a reload, R replays the applied round (not the opening of the scenario), here and in presentation.
  await page.reload()
  await expect(page.getByTestId('workshop-round')).toContainText('Round 1 (applied · revealed)')
  await expect(page.getByLabel('Scenario name')).toHaveValue('Reload and reveal (workshop)')
  await pressR()
  await expect(caption).toHaveText('Replaying round 1: before → after')
  await expect(caption).toBeHidden({ timeout: 5000 })
  await page.keyboard.press('F5')
  await expect(page.getByTestId('presentation')).toContainText('Scenario: Reload and reveal (workshop)')
  await page.keyboard.press('r')
  await expect(caption).toHaveText('Replaying round 1: before → after')
  await expect(caption).toBeHidden({ timeout: 5000 })
  await page.keyboard.press('Escape')
  expect(errors).toEqual([])
})

/** Workshop names that once took the round's plots under 160 px at 1280×720 (53 characters → 156 px, 102 → 152). */
const LONG_WORKSHOP_NAMES = [
  'Seminar on rare-earth magnets, gallium and graphite 3',
  'Seminar on rare-earth magnet and gallium licences, graphite and antimony curbs, tungsten, every sector'
]

for (const name of LONG_WORKSHOP_NAMES) {
  test(`an open round with a ${name.length}-character workshop name at 1280×720: the workshop line one row, its controls whole and apart, plots ≥ 160 px, the whole name reachable`, async ({ page, host }) => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Workshop…' }).click()
    const create = page.getByRole('dialog', { name: 'Workshops' })
    // The 102-character name once squeezed the move form until "Record moves" ran under "Round…".
    await create.getByLabel('Workshop name').fill(name)
    await create.getByRole('button', { name: 'Create workshop' }).click()
    await expect(create).toBeHidden()
    await expect(bar(page).getByRole('button', { name: 'Record moves' })).toBeVisible()
    expect(await clippedText(bar(page))).toEqual([])
    const boxes = await bar(page).locator('button, select, input').evaluateAll((els) => els.map((e) => ({ name: e.textContent || e.getAttribute('placeholder') || e.tagName, ...e.getBoundingClientRect().toJSON() as DOMRect })))
    expect(boxes.length).toBeGreaterThan(6)
    // Left to right without overlap, all inside the window.
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].left, `${boxes[i].name} starts before ${boxes[i - 1].name} ends`).toBeGreaterThanOrEqual(boxes[i - 1].right - 0.5)
    for (const b of boxes) expect(b.right, b.name).toBeLessThanOrEqual(1280)
    const tops = await bar(page).evaluate((b) => [...b.children].map((c) => c.getBoundingClientRect().top))
    expect(Math.max(...tops) - Math.min(...tops), `workshop line parts at ${tops.join(', ')}`).toBeLessThan(16)
    // Each plot keeps ≥ 160 px, the name on one line (it once wrapped to two or three, taking the plots to 156 and 152 px) ...
    await expect.poll(() => plotHeights(page)).toHaveLength(3)
    for (const h of await plotHeights(page)) expect(h, `plot with a ${name.length}-character workshop name`).toBeGreaterThanOrEqual(MIN_PLOT)
    const title = bar(page).locator('.workshop-title')
    const lines = await title.evaluate((t) => t.getBoundingClientRect().height / parseFloat(getComputedStyle(t).lineHeight))
    expect(lines, 'lines of the workshop name').toBeLessThan(1.5)
    // ... and, if it is shortened there, whole in its title and accessible text, and in the round dialog's title.
    const named = bar(page).getByTestId('workshop-name')
    await expect(bar(page)).toContainText(`Workshop: ${name}`)
    const shown = await named.evaluate((n) => [...n.querySelectorAll('[aria-hidden="true"]')].map((e) => e.textContent).join('') || n.textContent)
    if (shown !== `Workshop: ${name}`) {
      const [head, tail] = shown!.slice('Workshop: '.length).split('…')
      expect(name.startsWith(head.trimEnd()) && name.endsWith(tail.trimStart()) && tail.trim() !== '', `"${shown}" shortens "${name}" in the middle`).toBe(true)
      await expect(named).toHaveAttribute('title', `Workshop: ${name}`)
    }
    const dialog = await openRound(page)
    await expect(dialog.getByRole('heading', { name: `${name} — round 1` })).toBeInViewport({ ratio: 1 })
    expect(await clippedText(dialog)).toEqual([])
    await dialog.getByRole('button', { name: 'Close' }).first().click()
    await expect(dialog).toBeHidden()
    await shot(page, `long-workshop-name-${name.length}-1280-light`)
    // At 1920×1080, dark: the same line, nothing cut, the plots well clear.
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(async () => Math.min(...(await plotHeights(page)))).toBeGreaterThanOrEqual(MIN_PLOT)
    expect(await clippedText(bar(page))).toEqual([])
    // Room for the whole name again: shown whole, with no title of its own.
    await expect(bar(page).getByTestId('workshop-name')).toHaveText(`Workshop: ${name}`)
    await expect(bar(page).getByTestId('workshop-name')).not.toHaveAttribute('title')
    await shot(page, `long-workshop-name-${name.length}-1920-dark`)
  })
}
