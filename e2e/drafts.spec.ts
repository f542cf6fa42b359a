import type { BrowserContext, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { apiCall, MEASURES, ready, rename, toggle } from './library-page'

/**
 * Drafts belong to a tab: two tabs never autosave over each other, a new tab lists every unsaved draft
 * with its time to open or discard, an edit undone just before closing never comes back, and a backend
 * that cannot be reached is shown at once and retried.
 */
const beijing = MEASURES.filter((m) => m.side === 'beijing')
type Listed = { items: { draftId: string; name: string; savedAt: string }[] }

test('two tabs keep their own drafts; a new tab lists both with their times, opens one and discards the other', async ({ browser, host }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const a = await context.newPage()
  await ready(a, host)
  await rename(a, 'Work of tab A')
  await expect(a.getByTestId('draft-state')).toContainText('draft kept')
  const b = await context.newPage()
  await ready(b, host)
  await rename(b, 'Work of tab B')
  await expect(b.getByTestId('draft-state')).toContainText('draft kept')
  // Both drafts are kept, each under its own tab (before, the second overwrote the first).
  await expect.poll(async () => (await apiCall<Listed>(b.request, host, 'draft.list', {})).items.map((d) => d.name).sort()).toEqual(['Work of tab A', 'Work of tab B'])
  // The tabs go away without a word (a crash, a killed browser).
  await a.close({ runBeforeUnload: false })
  await b.close({ runBeforeUnload: false })

  const c = await context.newPage()
  await ready(c, host)
  await c.getByRole('button', { name: 'Unsaved drafts (2)' }).click()
  const panel = c.getByRole('region', { name: 'Unsaved drafts' })
  await expect(panel.getByRole('listitem')).toHaveCount(2)
  for (const name of ['Work of tab A', 'Work of tab B']) await expect(panel.getByRole('listitem').filter({ hasText: name })).toContainText(/autosaved .*\d{1,2}:\d{2}/)
  await c.screenshot({ path: '/tmp/chokepoint-drafts-recovery.png' })

  await panel.getByRole('listitem').filter({ hasText: 'Work of tab A' }).getByRole('button', { name: 'Open' }).click()
  await expect(c.getByLabel('Scenario name')).toHaveValue('Work of tab A')
  await expect(c.getByRole('status')).toContainText('Recovered unsaved changes to “Work of tab A” from the autosave at')
  await c.getByRole('button', { name: 'Unsaved drafts (1)' }).click()
  await c.getByRole('region', { name: 'Unsaved drafts' }).getByRole('listitem').filter({ hasText: 'Work of tab B' }).getByRole('button', { name: 'Discard' }).click()
  await expect(c.getByRole('button', { name: /Unsaved drafts/ })).toHaveCount(0)
  await expect(c.getByRole('status')).toContainText('Discarded the unsaved draft “Work of tab B”.')

  // What is left: tab B's work is gone for good, tab A's lives on as tab C's own draft.
  await expect.poll(async () => (await apiCall<Listed>(c.request, host, 'draft.list', {})).items.map((d) => d.name)).toEqual(['Work of tab A'])
  const d = await context.newPage()
  await ready(d, host)
  await expect(d.getByRole('button', { name: 'Unsaved drafts (1)' })).toBeVisible()
  await context.close()
})

test('an edit undone just before the tab closes never comes back; the newest edit before closing is kept', async ({ browser, host }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await ready(page, host)
  await toggle(page, beijing[1])
  await expect(page.getByTestId('draft-state')).toContainText('draft kept')
  // Undo, and close at once: well inside the 300 ms autosave delay.
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.close({ runBeforeUnload: false })
  await expect.poll(async () => (await apiCall<Listed>(context.request, host, 'draft.list', {})).items).toEqual([])
  const again = await context.newPage()
  await ready(again, host)
  await expect(again.getByRole('button', { name: /Unsaved drafts/ })).toHaveCount(0)
  await expect(again.getByRole('status')).not.toContainText('Recovered')

  // The other way round: an edit made just before closing is in the draft (closing writes the newest state).
  await rename(again, 'Renamed just before closing')
  await again.close({ runBeforeUnload: false })
  await expect.poll(async () => (await apiCall<Listed>(context.request, host, 'draft.list', {})).items.map((d) => d.name)).toEqual(['Renamed just before closing'])
  await context.close()
})

test('when autosave cannot reach the backend the person sees it at once, and it retries until it can', async ({ page, host }) => {
  await ready(page, host)
  await page.route('**/api/draft.save', (route) => route.abort('connectionrefused'))
  await rename(page, 'Edited while the host is away')
  const alert = page.getByTestId('autosave-error')
  // On the first failed attempt (300 ms after the edit), not at the next save; 5 s leaves room for a loaded machine.
  await expect(alert).toHaveText('Autosave failed, retrying…', { timeout: 5_000 })
  await expect(page.getByTestId('draft-state')).toHaveCount(0) // no stale "draft kept" time meanwhile
  await page.screenshot({ path: '/tmp/chokepoint-autosave-error.png' })
  await page.unroute('**/api/draft.save')
  await expect(alert).toHaveCount(0, { timeout: 6_000 })
  await expect(page.getByTestId('draft-state')).toContainText('draft kept')
  const own = await page.evaluate(() => sessionStorage.getItem('chokepoint.draftId'))
  expect((await apiCall<{ draft: { doc: { name: string } } | null }>(page.request, host, 'draft.load', { draftId: own })).draft?.doc.name).toBe('Edited while the host is away')
})

/** What the browser's "Duplicate tab" does: a new tab whose sessionStorage is a copy of another's, taken now. */
async function tabWithCopiedSession(context: BrowserContext, entries: string): Promise<Page> {
  const page = await context.newPage()
  await page.addInitScript((copy) => {
    try {
      if (location.protocol !== 'http:' || sessionStorage.getItem('e2e.copied')) return
      for (const [k, v] of JSON.parse(copy) as [string, string][]) sessionStorage.setItem(k, v)
      sessionStorage.setItem('e2e.copied', '1')
    } catch {
      /* about:blank has no storage */
    }
  }, entries)
  return page
}
const sessionOf = (page: Page) => page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))
const draftIdOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('chokepoint.draftId'))

test('a duplicated tab takes its own draft id: it starts from a copy of the original tab’s unsaved work and the two never autosave over each other; a reloaded or crashed tab keeps its id', async ({ browser, host }) => {
  const context = await browser.newContext()
  const a = await context.newPage()
  await ready(a, host)
  await rename(a, 'Work in tab A')
  await expect(a.getByTestId('draft-state')).toContainText('draft kept')
  const idA = await draftIdOf(a)
  const copied = await sessionOf(a) // taken while A is open: what a duplicate gets

  const b = await tabWithCopiedSession(context, copied)
  await ready(b, host)
  await expect(b.getByLabel('Scenario name')).toHaveValue('Work in tab A')
  await expect(b.getByRole('status').first()).toContainText('This tab is a copy of another tab')
  const idB = await draftIdOf(b)
  expect(idB).not.toBe(idA)
  await rename(b, 'Work in tab B')
  // Both kept, each under its own id; before, B wrote over A's draft.
  await expect.poll(async () => (await apiCall<Listed>(b.request, host, 'draft.list', {})).items.map((d) => `${d.draftId === idA ? 'A' : d.draftId === idB ? 'B' : '?'}: ${d.name}`).sort()).toEqual(['A: Work in tab A', 'B: Work in tab B'])

  // A reload is the same tab: it keeps its id and its draft (no copy, nothing to recover from a list).
  await a.reload()
  await expect(a.getByLabel('Scenario name')).toHaveValue('Work in tab A')
  expect(await draftIdOf(a)).toBe(idA)
  await expect(a.getByRole('status').first()).not.toContainText('copy of another tab')

  // A tab that died without a word (no page-hide) and comes back with its session: nobody else holds its
  // id, so it keeps it and gets its own work back, not listed as someone else's.
  const copiedAgain = await sessionOf(a)
  await a.close({ runBeforeUnload: false })
  const c = await tabWithCopiedSession(context, copiedAgain)
  await ready(c, host)
  await expect(c.getByLabel('Scenario name')).toHaveValue('Work in tab A')
  expect(await draftIdOf(c)).toBe(idA)
  await expect(c.getByRole('button', { name: 'Unsaved drafts (1)' })).toBeVisible() // B's, not its own
  await context.close()
})

test('a dialog left open or closed never comes back after presentation (F5, then Esc); Esc closes the Triggers dialog', async ({ page, host }) => {
  await ready(page, host)
  const openDialogs = page.locator('dialog[open]')
  const roundTrip = async () => {
    await page.keyboard.press('F5')
    await expect(page.getByTestId('presentation')).toBeVisible()
    await expect(openDialogs).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('presentation')).toHaveCount(0)
  }
  for (const [button, title] of [['Workshop…', 'Workshops'], [/^Triggers/, 'Triggers'], ['Shortcuts', 'Keyboard shortcuts']] as const) {
    const opener = page.getByRole('button', { name: button })
    const dialog = page.getByRole('dialog', { name: title })
    // Open, F5 straight from the dialog, back: the dialog is gone, not waiting behind the presentation.
    await opener.click()
    await expect(dialog).toBeVisible()
    await roundTrip()
    await expect(openDialogs).toHaveCount(0)
    // Open, closed with Esc (the browser's own close), F5, back: still gone.
    await opener.click()
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await roundTrip()
    await expect(openDialogs).toHaveCount(0)
  }
  // The app stays usable: a dialog opens again afterwards.
  await page.getByRole('button', { name: 'Workshop…' }).click()
  await expect(page.getByRole('dialog', { name: 'Workshops' })).toBeVisible()
})
