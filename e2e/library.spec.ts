import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, startHost } from './fixtures'
import { MEASURES, MOD, allScenarios, apiCall, listedNames, openLibrary, ready, rename, save, saveAs, toggle } from './library-page'

const beijing = MEASURES.filter((m) => m.side === 'beijing')
const washington = MEASURES.filter((m) => m.side === 'washington')

test('save, rename, tag, search, duplicate, delete with undo, trash, history', async ({ page, host, request }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('dialog', (d) => errors.push(`unexpected ${d.type()} dialog: ${d.message()}`))
  await ready(page, host)
  await expect(page.getByTestId('save-state')).toHaveText('New, not saved')

  await rename(page, 'Tariff escalation')
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes')
  await save(page, 'Tariff escalation', 1)
  await expect(page.getByTestId('save-state')).toHaveText('Saved · v1')
  await expect(page).toHaveTitle('Tariff escalation — Chokepoint')

  await toggle(page, washington[0])
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes')
  await expect(page).toHaveTitle('• Tariff escalation — Chokepoint')
  await save(page, 'Tariff escalation', 2)

  // Save as: a second scenario; the first stays as saved.
  await toggle(page, beijing[0])
  await saveAs(page, 'Allied build-out')
  expect((await allScenarios(request, host)).map((s) => [s.name, s.version])).toEqual([['Allied build-out', 1], ['Tariff escalation', 2]])

  // Library: rename, notes and tags on the scenario that is open (the header follows).
  const library = await openLibrary(page)
  await expect(library.getByTestId('library-count')).toHaveText('2 scenarios')
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out', 'Tariff escalation'])
  await library.getByRole('button', { name: 'Allied build-out', exact: true }).click()
  const details = library.getByRole('region', { name: 'Allied build-out' })
  await details.getByLabel('Name').fill('Allied build-out, round 2')
  await details.getByLabel('Tags (comma-separated)').fill('workshop, allies')
  await details.getByLabel('Notes').fill('Round 2 of the Monday workshop')
  await details.getByRole('button', { name: 'Save details' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Saved the details of “Allied build-out, round 2” (version 2).')
  await expect(page.getByLabel('Scenario name')).toHaveValue('Allied build-out, round 2')

  // Duplicate: a free name, same tags.
  await library.getByRole('region', { name: 'Allied build-out, round 2' }).getByRole('button', { name: 'Duplicate' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Duplicated “Allied build-out, round 2” as “Allied build-out, round 2 (2)”.')
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2 (2)', 'Allied build-out, round 2', 'Tariff escalation'])

  // Search by name, filter by tag and by measure.
  const search = library.getByLabel('Search scenarios')
  await search.fill('tariff')
  await expect.poll(() => listedNames(page)).toEqual(['Tariff escalation'])
  await search.fill('monday') // notes match too
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2 (2)', 'Allied build-out, round 2'])
  await search.fill('')
  await library.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'workshop (2)' })
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2 (2)', 'Allied build-out, round 2'])
  await library.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('')
  // beijing[0] was toggled only in the "Allied" scenarios (and their duplicate): the filter splits them.
  const b0 = beijing[0]
  await library.getByLabel('Measure on').selectOption({ label: `Beijing: ${b0.title}` })
  await expect
    .poll(() => listedNames(page))
    .toEqual(b0.default.enabled ? ['Tariff escalation'] : ['Allied build-out, round 2 (2)', 'Allied build-out, round 2'])
  await library.getByLabel('Measure on').selectOption('')
  await library.getByLabel('Sort by').selectOption('name')
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2', 'Allied build-out, round 2 (2)', 'Tariff escalation'])
  await page.screenshot({ path: '/tmp/chokepoint-library.png' })

  // Delete with undo, then delete again and empty the trash.
  await library.getByRole('button', { name: 'Allied build-out, round 2 (2)', exact: true }).click()
  await library.getByRole('region', { name: 'Allied build-out, round 2 (2)' }).getByRole('button', { name: 'Delete' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Moved “Allied build-out, round 2 (2)” to the trash.')
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2', 'Tariff escalation'])
  await library.getByRole('button', { name: 'Undo' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Restored “Allied build-out, round 2 (2)”.')
  await expect.poll(() => listedNames(page)).toEqual(['Allied build-out, round 2', 'Allied build-out, round 2 (2)', 'Tariff escalation'])
  await library.getByRole('button', { name: 'Allied build-out, round 2 (2)', exact: true }).click()
  await library.getByRole('region', { name: 'Allied build-out, round 2 (2)' }).getByRole('button', { name: 'Delete' }).click()
  await library.getByRole('tab', { name: 'Trash' }).click()
  const trash = library.getByRole('list', { name: 'Trash' })
  await expect(trash.locator('.row-name')).toHaveText(['Allied build-out, round 2 (2)'])
  await library.getByRole('button', { name: 'Empty trash' }).click()
  await library.getByRole('button', { name: 'Delete for good' }).first().click()
  await expect(library.getByTestId('library-notice')).toContainText('Deleted 1 scenario for good.')
  await expect(library.getByText('The trash is empty.')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(library).toBeHidden()

  // History of the open scenario: every save is a version; a labelled one; restore is a new version.
  await page.getByRole('button', { name: 'History…' }).click()
  const history = page.getByRole('dialog', { name: 'History of “Allied build-out, round 2”' })
  await expect(history.getByRole('list', { name: 'Versions' }).locator('.row-name')).toHaveText(['Version 2 — Renamed from “Allied build-out”, notes edited, tags edited (latest)', 'Version 1'])
  await history.getByLabel('Label for a new version').fill('before restore')
  await history.getByRole('button', { name: 'Save version' }).click()
  await expect(history.getByRole('list', { name: 'Versions' }).locator('.row-name').first()).toHaveText('Version 3 — before restore (latest)')
  await history.getByRole('button', { name: 'Restore version 1' }).click()
  await expect(history.getByRole('list', { name: 'Versions' }).locator('.row-name').first()).toHaveText('Version 4 — Restored version 1 (latest)')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('status')).toContainText('Restored version 1 of “Allied build-out” as version 4.')
  await expect(page.getByLabel('Scenario name')).toHaveValue('Allied build-out')
  await expect(page.getByTestId('save-state')).toHaveText('Saved · v4')
  expect(errors).toEqual([])
})

test('unsaved changes: opening another scenario asks first; leaving the page asks', async ({ page, host }) => {
  await ready(page, host)
  await rename(page, 'First')
  await save(page, 'First', 1)
  await rename(page, 'Second')
  await saveAs(page, 'Second')
  await toggle(page, beijing[0])

  // Opening another scenario with unsaved changes asks; Cancel keeps them.
  let library = await openLibrary(page)
  await library.getByRole('button', { name: 'First', exact: true }).click()
  await library.getByRole('button', { name: 'Open', exact: true }).click()
  const ask = page.getByRole('dialog', { name: 'Unsaved changes' })
  await expect(ask).toContainText('“Second” has unsaved changes. Save them before you open “First”?')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByLabel('Scenario name')).toHaveValue('Second')
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes')

  // Leaving the page asks too (beforeunload); dismissing keeps the page.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))))
  await page.close({ runBeforeUnload: true })
  expect(await asked).toBe('beforeunload')
  expect(page.isClosed()).toBe(false)

  // "Save first" saves, then opens.
  library = await openLibrary(page)
  await library.getByRole('button', { name: 'First', exact: true }).click()
  await library.getByRole('button', { name: 'Open', exact: true }).click()
  await page.getByRole('dialog', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save first' }).click()
  await expect(page.getByRole('status')).toContainText('Opened “First”.')
  await expect(page.getByLabel('Scenario name')).toHaveValue('First')
  await expect(page.getByTestId('save-state')).toHaveText('Saved · v1')
})

test('a killed host loses nothing: the draft comes back after restart, and says so', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chokepoint-e2e-kill-'))
  let host = await startHost(dataDir)
  try {
    const page = await browser.newPage()
    await ready(page, host)
    await rename(page, 'Before the crash')
    await save(page, 'Before the crash', 1)
    const on = await toggle(page, beijing[1])
    await rename(page, 'Before the crash, edited')
    await expect(page.getByTestId('draft-state')).toContainText('draft kept')
    // The last edit must be in the kept draft (this tab's own): wait until the stored draft has it, then kill.
    const draftId = await page.evaluate(() => sessionStorage.getItem('chokepoint.draftId'))
    await expect.poll(async () => (await apiCall<{ draft: { doc: { name: string } } | null }>(page.request, host, 'draft.load', { draftId })).draft?.doc.name).toBe('Before the crash, edited')

    const gone = new Promise((r) => host.process.once('exit', r))
    host.process.kill('SIGKILL') // the host process itself (no launcher in between): a crash, not a shutdown
    await gone
    host = await startHost(dataDir)

    // A new tab: the crashed tab's draft is offered, and opened.
    const again = await browser.newPage()
    await ready(again, host)
    await again.getByRole('button', { name: 'Unsaved drafts (1)' }).click()
    await again.getByRole('region', { name: 'Unsaved drafts' }).getByRole('listitem').filter({ hasText: 'Before the crash, edited' }).getByRole('button', { name: 'Open' }).click()
    await expect(again.getByRole('status')).toContainText('Recovered unsaved changes to “Before the crash, edited” from the autosave at')
    await expect(again.getByLabel('Scenario name')).toHaveValue('Before the crash, edited')
    await expect(again.getByRole('switch', { name: beijing[1].short, exact: true })).toBeChecked({ checked: on })
    await expect(again.getByTestId('save-state')).toContainText('Unsaved changes')
    await again.screenshot({ path: '/tmp/chokepoint-recovered.png' })

    // It is still attached to the saved scenario: saving makes version 2 of it, and the draft is dropped.
    await save(again, 'Before the crash, edited', 2)
    await expect.poll(async () => (await apiCall<{ items: unknown[] }>(again.request, host, 'draft.list', {})).items).toEqual([])
    await again.close({ runBeforeUnload: false })
    await page.close({ runBeforeUnload: false })
  } finally {
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('keyboard only: save, open the library, pick and open a scenario', async ({ page, host }) => {
  await ready(page, host)
  await rename(page, 'Keyboard')
  await page.getByLabel('Scenario name').press(`${MOD}+s`)
  await expect(page.getByRole('status')).toContainText('Saved “Keyboard” (version 1).')
  await page.keyboard.press(`${MOD}+o`)
  const library = page.getByRole('dialog', { name: 'Library' })
  await expect(library.getByLabel('Search scenarios')).toBeFocused()
  await page.keyboard.type('keyb')
  await expect.poll(() => listedNames(page)).toEqual(['Keyboard'])
  await page.keyboard.press('Tab') // tag
  for (let i = 0; i < 20 && !(await library.getByRole('button', { name: 'Keyboard', exact: true }).evaluate((el) => el.matches(':focus'))); i++) {
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Enter')
  await expect(library.getByRole('region', { name: 'Keyboard' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(library.getByRole('button', { name: 'Open', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(library).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Opened “Keyboard”.')
})

test('bundled examples open from the library as new, unsaved scenarios', async ({ page, host }) => {
  await ready(page, host)
  const library = await openLibrary(page)
  await library.getByRole('tab', { name: 'Examples' }).click()
  const examples = library.getByRole('list', { name: 'Example scenarios' })
  await expect(examples.locator('.row-name')).toContainText(['2025 as it happened'])
  await examples.getByRole('button', { name: 'Open 2025 as it happened' }).click()
  await expect(library).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Opened the example “2025 as it happened”. It is not in your library until you save it.')
  await expect(page.getByLabel('Scenario name')).toHaveValue('2025 as it happened')
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes')
  await save(page, '2025 as it happened', 1)
  await expect(page.getByTestId('save-state')).toHaveText('Saved · v1')
})

test('deleting the open scenario keeps the draft as unsaved; undo reattaches it', async ({ page, host }) => {
  await ready(page, host)
  await rename(page, 'Open one')
  await save(page, 'Open one', 1)
  const library = await openLibrary(page)
  await library.getByRole('button', { name: 'Open one', exact: true }).click()
  await library.getByRole('region', { name: 'Open one' }).getByRole('button', { name: 'Delete' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Moved “Open one” to the trash.')
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes')
  await library.getByRole('button', { name: 'Undo' }).click()
  await expect(library.getByTestId('library-notice')).toContainText('Restored “Open one”.')
  await expect(page.getByTestId('save-state')).toHaveText('Saved · v1')
  await page.keyboard.press('Escape')
  await toggle(page, beijing[0])
  await save(page, 'Open one', 2)
})
