import { expect, type Locator, type Page } from '@playwright/test'
import type { WebHost } from './fixtures'
import { MOD, openLibrary, ready, rename, save, saveAs } from './library-page'

/**
 * Every view of the app, opened the way a person opens it, for the projector checks (projector.spec.ts):
 * screenshots, axe scans, clipping and console checks run over this list at both sizes and in both themes.
 */
export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 }
] as const
export const THEMES = ['light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export type ViewName =
  | 'exposure'
  | 'cost'
  | 'sensitivity'
  | 'assumptions'
  | 'help'
  | 'triggers'
  | 'library'
  | 'history'
  | 'save-as'
  | 'export'
  | 'sweep'
  | 'evidence'
  | 'workshop'
  | 'workshop-round'
  | 'compare'
  | 'presentation'

/**
 * Views in the workspace (tabs) and the dialogs opened from it; presentation and compare have their own setup.
 * The workshop comes last: it plays on a copy of the scenario (left open when the workshop is left), and its
 * round dialog is opened from the workshop line.
 */
export const WORKSPACE_VIEWS: ViewName[] = [
  'exposure', 'cost', 'sensitivity', 'assumptions', 'help', 'triggers', 'library', 'history', 'save-as', 'export', 'sweep', 'evidence', 'workshop', 'workshop-round'
]

/** Waits until the three exposure charts have drawn (a surface with a real size each). */
export async function chartsDrawn(page: Page) {
  await expect(page.locator('#charts .recharts-surface')).toHaveCount(3)
  await expect.poll(() => page.locator('#charts .recharts-surface').evaluateAll((s) => s.every((e) => e.getBoundingClientRect().height > 40))).toBe(true)
}

/** Opens the app with a saved scenario (so History has something to show) and waits for the charts. */
export async function openApp(page: Page, host: WebHost) {
  await ready(page, host)
  await chartsDrawn(page)
  await rename(page, 'Projector check')
  await save(page, 'Projector check', 1)
}

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })

/** Opens one workspace view and returns the element that holds it (for scans and clip checks). */
export async function openView(page: Page, view: ViewName): Promise<Locator> {
  const tab = (name: string) => page.getByRole('tab', { name }).click()
  switch (view) {
    case 'exposure':
      await tab('Exposure')
      await chartsDrawn(page)
      return page.locator('.app')
    case 'cost':
      await tab('Cost')
      await expect(page.getByRole('img', { name: /^Cost pressure by sector/ })).toBeVisible()
      return page.locator('.app')
    case 'sensitivity':
      await tab('Sensitivity')
      await expect(page.locator('.tornado-row').first()).toBeVisible()
      return page.locator('.app')
    case 'assumptions':
      await tab('Assumptions')
      // The panel loads lazily: scan it, not its "Loading…" stand-in.
      await expect(page.getByRole('button', { name: 'Reset all overrides' })).toBeVisible()
      return page.locator('.app')
    case 'help':
      await page.getByRole('button', { name: 'Shortcuts' }).click()
      return visible(dialog(page, 'Keyboard shortcuts'))
    case 'triggers':
      await page.getByRole('button', { name: /^Triggers/ }).click()
      return visible(dialog(page, 'Counter-measure triggers'))
    case 'library':
      return openLibrary(page)
    case 'history':
      await page.getByRole('button', { name: 'History…' }).click()
      return visible(dialog(page, 'History of “Projector check”'))
    case 'save-as':
      await page.keyboard.press(`${MOD}+Shift+s`)
      return visible(dialog(page, 'Save as a new scenario'))
    case 'export':
      await page.getByRole('button', { name: 'Export…', exact: true }).click()
      return visible(dialog(page, 'Export scenario'))
    case 'sweep': {
      await tab('Sensitivity')
      await page.getByRole('button', { name: 'Timing sweep…' }).click()
      const sweep = await visible(dialog(page, 'Timing sweep'))
      await expect(sweep.getByTestId('sweep-chart').locator('.recharts-line-dot').first()).toBeVisible({ timeout: 20_000 })
      return sweep
    }
    case 'evidence': {
      await tab('Exposure')
      await chartsDrawn(page)
      await page.getByTestId('chart-autos').getByRole('button', { name: /— why\?$/ }).click()
      const evidence = await visible(dialog(page, 'Why this number?'))
      await expect(evidence.getByTestId('evidence-view')).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 })
      return evidence
    }
    case 'workshop': {
      // During a round: the workshop line with its team, rationale and buttons, over the workspace.
      await page.getByRole('button', { name: 'Workshop…' }).click()
      const create = await visible(dialog(page, 'Workshops'))
      await create.getByLabel('Workshop name').fill('Projector seminar')
      await create.getByRole('button', { name: 'Create workshop' }).click()
      await expect(create).toBeHidden()
      await expect(page.getByTestId('workshop-round')).toContainText('Round 1')
      await expect(page.getByTestId('workshop-bar').getByRole('button', { name: 'Record moves' })).toBeVisible()
      await chartsDrawn(page)
      return page.locator('.app')
    }
    case 'workshop-round':
      await page.getByTestId('workshop-bar').getByRole('button', { name: 'Round…' }).click()
      return visible(page.getByRole('dialog', { name: /— round 1$/ }))
    case 'compare':
      return openCompare(page)
    case 'presentation':
      await page.getByRole('button', { name: 'Present' }).click()
      return visible(page.getByTestId('presentation'))
  }
}

async function visible(l: Locator) {
  await expect(l).toBeVisible()
  return l
}

/** Closes whatever dialog or mode `openView` opened, back to the workspace. */
export async function closeView(page: Page, view: ViewName) {
  if (['exposure', 'cost', 'sensitivity', 'assumptions', 'workshop'].includes(view)) return
  if (view === 'presentation') await page.keyboard.press('Escape')
  else await page.locator('dialog[open]').getByRole('button', { name: 'Close', exact: true }).first().click()
  await expect(page.locator('dialog[open]')).toHaveCount(0)
  await expect(page.getByTestId('presentation')).toHaveCount(0)
}

/** Two saved scenarios that differ, compared from the library. */
export async function openCompare(page: Page): Promise<Locator> {
  await page.getByTestId('measure-cn-mofcom-18').getByRole('switch').click()
  await saveAs(page, 'Without No. 18')
  const library = await openLibrary(page)
  for (const name of ['Projector check', 'Without No. 18']) await library.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check()
  await library.getByRole('button', { name: 'Compare selected' }).click()
  const compare = dialog(page, 'Compare 2 scenarios')
  await expect(compare.locator('.recharts-line path.recharts-curve')).toHaveCount(6)
  return compare
}
