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
