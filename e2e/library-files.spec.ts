import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, startHost } from './fixtures'
import { MEASURES, allScenarios, apiCall, listedNames, openLibrary, ready, rename, save, saveAs, toggle, type Summary } from './library-page'
import { SCENARIO_SCHEMA_VERSION } from '../src/core/scenario/schema'

type Doc = { name: string; measures: { id: string; enabled: boolean }[] } & Record<string, unknown>
const getDoc = async (page: Page, host: Parameters<typeof apiCall>[1], id: string) => (await apiCall<{ doc: Doc }>(page.request, host, 'scenario.get', { id })).doc

/** Drops files on the window as a person dragging them from the file manager would. */
async function dropFiles(page: Page, files: { name: string; contents: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([f.contents], f.name, { type: 'application/json' }))
    return dt
  }, files)
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer })
}

async function importViaButton(page: Page, files: { name: string; buffer: Buffer }[]) {
  const library = page.getByRole('dialog', { name: 'Library' })
  await library.getByTestId('import-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: f.buffer })))
}

test('export two scenarios, import them into a fresh data dir: identical; drag and drop; clashes renamed', async ({ page, host, browser }) => {
  await ready(page, host)
  await rename(page, 'Export one')
  await toggle(page, MEASURES[0])
  await save(page, 'Export one', 1)
  await toggle(page, MEASURES[MEASURES.length - 1])
  await saveAs(page, 'Export two')

  const library = await openLibrary(page)
  await library.getByRole('checkbox', { name: 'Select Export one', exact: true }).check()
  await library.getByRole('checkbox', { name: 'Select Export two', exact: true }).check()
  const downloading = page.waitForEvent('download')
  await library.getByRole('button', { name: 'Export selected' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^chokepoint-2-scenarios-\d{4}-\d{2}-\d{2}\.chokepoint\.json$/)
  const bundleText = readFileSync(await download.path(), 'utf8')
  const bundle = JSON.parse(bundleText)
  expect(bundle).toMatchObject({ format: 'chokepoint.bundle', bundleVersion: 1 })
  expect(bundle.scenarios.map((s: Doc) => s.name).sort()).toEqual(['Export one', 'Export two'])
  await expect(library.getByTestId('library-notice')).toContainText('Exported 2 scenarios as “chokepoint-2-scenarios-')

  // One scenario exports as a plain scenario document.
  await library.getByRole('button', { name: 'Export one', exact: true }).click()
  const one = page.waitForEvent('download')
  await library.getByRole('region', { name: 'Export one' }).getByRole('button', { name: 'Export' }).click()
  const singleText = readFileSync(await (await one).path(), 'utf8')
  expect(JSON.parse(singleText)).toMatchObject({ format: 'chokepoint.scenario', name: 'Export one' })

  // A second host on a fresh data dir: import the bundle; the documents arrive unchanged.
  const freshDir = mkdtempSync(join(tmpdir(), 'chokepoint-e2e-import-'))
  const other = await startHost(freshDir)
  try {
    const page2 = await browser.newPage()
    await ready(page2, other)
    const lib2 = await openLibrary(page2)
    await expect(lib2.getByTestId('library-count')).toHaveText('0 scenarios')
    await importViaButton(page2, [{ name: download.suggestedFilename(), buffer: Buffer.from(bundleText) }])
    await expect(lib2.getByTestId('library-notice')).toHaveText(/Imported 2 scenarios: “Export one”, “Export two”\./)
    await expect.poll(() => listedNames(page2)).toHaveLength(2)
    const source = await allScenarios(page.request, host)
    const copied = await allScenarios(page2.request, other)
    expect(copied.map((s) => s.name)).toEqual(source.map((s) => s.name))
    for (let i = 0; i < source.length; i++) {
      expect(await getDoc(page2, other, copied[i].id)).toEqual(await getDoc(page, host, source[i].id))
    }

    // Dropping the single file on the window imports it again, renamed instead of overwriting.
    await page2.keyboard.press('Escape')
    await dropFiles(page2, [{ name: 'Export one.chokepoint.json', contents: singleText }])
    const lib3 = page2.getByRole('dialog', { name: 'Library' })
    await expect(lib3.getByTestId('library-notice')).toHaveText(/Imported 1 scenario: “Export one \(2\)”\. “Export one” was renamed to “Export one \(2\)” \(the name was taken\)\./)
    const after = await allScenarios(page2.request, other)
    expect(after.map((s: Summary) => s.name)).toEqual(['Export one', 'Export one (2)', 'Export two'])
    expect(await getDoc(page2, other, after[0].id)).toEqual({ ...(await getDoc(page2, other, after[1].id)), name: 'Export one' })
    await page2.close()
  } finally {
    await other.stop()
    rmSync(freshDir, { recursive: true, force: true })
  }
})

test('broken, hostile and future-version files: a clear message, the library unchanged', async ({ page, host }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await ready(page, host)
  await rename(page, 'Keep me')
  await save(page, 'Keep me', 1)
  const before = await allScenarios(page.request, host)
  const valid = JSON.parse(
    (await apiCall<{ contents: string }>(page.request, host, 'scenario.exportFile', { ids: [before[0].id] })).contents
  ) as Doc
  const library = await openLibrary(page)
  const alert = library.getByRole('alert')
  const unchanged = async () => expect(await allScenarios(page.request, host)).toEqual(before)

  // Broken JSON: where it breaks.
  await importViaButton(page, [{ name: 'broken.chokepoint.json', buffer: Buffer.from('{\n  "format": "chokepoint.scenario",\n  "name": "Half\n') }])
  await expect(alert).toHaveText(/“broken\.chokepoint\.json” is not valid JSON \(the problem is at line 3, column \d+\)\. Nothing was imported\./)
  await page.screenshot({ path: '/tmp/chokepoint-import-broken.png' })
  await unchanged()

  // From a newer Chokepoint: refused, saying why and what to do.
  await importViaButton(page, [{ name: 'future.chokepoint.json', buffer: Buffer.from(JSON.stringify({ ...valid, schemaVersion: 99, warpDrive: true })) }])
  await expect(alert).toContainText(`“future.chokepoint.json” was written by a newer version of Chokepoint (scenario schema 99; this version reads schema ${SCENARIO_SCHEMA_VERSION} and older). Update Chokepoint to import it. Nothing was imported.`)
  await unchanged()

  // Hostile: prototype keys, markup, unknown measures, absurd values, inside a bundle with a good scenario.
  const hostile = {
    format: 'chokepoint.bundle',
    bundleVersion: 1,
    exportedAt: 'x',
    scenarios: [
      { ...valid, name: 'Innocent' },
      {
        ...valid,
        __proto__: { polluted: true },
        name: '<img src=x onerror="window.__pwned=1">',
        seed: 1e308,
        measures: [{ ...valid.measures[0], id: 'cn-evil' }, { ...valid.measures[1], params: { constructor: 1 } }],
        overrides: { 'not-an-assumption': 5 }
      }
    ]
  }
  const hostileText = JSON.stringify(hostile).replace('"name":"<img', '"__proto__":{"polluted":true},"name":"<img')
  await importViaButton(page, [{ name: 'hostile.chokepoint.json', buffer: Buffer.from(hostileText) }])
  await expect(alert).toContainText('“hostile.chokepoint.json” cannot be imported')
  await expect(alert).toContainText('scenarios[1]')
  await expect(alert).toContainText('Nothing was imported.')
  await page.screenshot({ path: '/tmp/chokepoint-import-hostile.png' })
  await unchanged()

  // Not a scenario file at all, and one too large to read.
  await importViaButton(page, [{ name: 'package.json', buffer: Buffer.from('{"name": "chokepoint", "version": "0.1.0"}') }])
  await expect(alert).toContainText('“package.json” is not a Chokepoint scenario file')
  await importViaButton(page, [{ name: 'huge.chokepoint.json', buffer: Buffer.alloc(6_000_000, 0x20) }])
  await expect(alert).toContainText('“huge.chokepoint.json” is 6.0 MB; the largest scenario file accepted is 5 MB. Nothing was imported.')
  await unchanged()

  // A file that is valid but carries markup in its name imports as text: nothing runs.
  await importViaButton(page, [{ name: 'markup.chokepoint.json', buffer: Buffer.from(JSON.stringify({ ...valid, name: '<img src=x onerror="window.__pwned=1">' })) }])
  await expect(library.getByTestId('library-notice')).toContainText('Imported 1 scenario')
  await expect(library.getByRole('button', { name: '<img src=x onerror="window.__pwned=1">', exact: true })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined()
  expect(dialogs).toEqual([])
})
