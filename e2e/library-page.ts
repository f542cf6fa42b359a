import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { WebHost } from './fixtures'

/** Page helpers for the library journeys (library*.spec.ts, compare*.spec.ts): what a person does, by role and label. */

const ROOT = resolve(import.meta.dirname, '..')
type MeasureDef = {
  id: string
  side: 'beijing' | 'washington'
  title: string
  /** What the app shows (the switch's name); the legal title is in the Info card. */
  short: string
  default: { enabled: boolean }
  params: { id: string; label: string; primary?: boolean; min: number; max: number; step: number; default: number }[]
}
/** The shipped catalogue, to name measures the way the app shows them. */
export const MEASURES: MeasureDef[] = JSON.parse(readFileSync(join(ROOT, 'resources', 'data', 'measures.json'), 'utf8')).measures
export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'

export async function ready(page: Page, host: WebHost) {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Beijing' })).toBeVisible()
}

export const status = (page: Page) => page.getByRole('status').filter({ hasNotText: /^$/ }).first()

export async function toggle(page: Page, measure: MeasureDef) {
  const s = page.getByRole('switch', { name: measure.short, exact: true })
  const was = await s.isChecked()
  await s.click()
  await expect(s).toBeChecked({ checked: !was })
  return !was
}

export async function rename(page: Page, name: string) {
  await page.getByLabel('Scenario name').fill(name)
}

export async function save(page: Page, name: string, version: number) {
  await page.keyboard.press(`${MOD}+s`)
  await expect(page.getByRole('status')).toContainText(`Saved “${name}” (version ${version}).`)
}

export async function saveAs(page: Page, name: string) {
  await page.keyboard.press(`${MOD}+Shift+s`)
  const dialog = page.getByRole('dialog', { name: 'Save as a new scenario' })
  await dialog.getByLabel('New name').fill(name)
  await dialog.getByRole('button', { name: 'Save as new' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText(`Saved “${name}” (version 1).`)
}

export async function openLibrary(page: Page) {
  await page.keyboard.press(`${MOD}+o`)
  const dialog = page.getByRole('dialog', { name: 'Library' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** The names listed in the library, in order. */
export const listedNames = (page: Page) =>
  page.getByRole('dialog', { name: 'Library' }).getByRole('list', { name: 'Saved scenarios' }).locator('.row-name').allTextContents()

/** Calls the web host's API directly (to check what is stored, not to drive the app). */
export async function apiCall<T>(request: APIRequestContext, host: WebHost, method: string, input: unknown): Promise<T> {
  const r = await request.post(`${host.origin}/api/${method}`, { data: input, headers: { authorization: `Bearer ${host.token}` } })
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.value
}

export type Summary = { id: string; name: string; version: number; tags: string[] }
export const allScenarios = async (request: APIRequestContext, host: WebHost) =>
  (await apiCall<{ items: Summary[] }>(request, host, 'scenario.search', { sort: 'name' })).items
