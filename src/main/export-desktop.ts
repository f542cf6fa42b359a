import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, SaveDialogOptions } from 'electron'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, extname, join } from 'node:path'
import type { SaveFile } from '../services/handlers/export'
import type { PdfPrinter } from '../services/export/pdf'
import { writeFileAtomic } from '../services/export/write-file'

/**
 * Desktop delivery of exports: a native save dialog that opens in the last folder used (remembered in the
 * data folder), an atomic write, and PDF printing with Electron's printToPDF in a hidden, script-less
 * window. Electron's objects are passed in, so this module has no electron value import.
 */

const STATE_FILE = 'export-state.json'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.png': { name: 'PNG image', extensions: ['png'] },
  '.svg': { name: 'SVG image', extensions: ['svg'] },
  '.csv': { name: 'CSV table', extensions: ['csv'] },
  '.pptx': { name: 'PowerPoint deck', extensions: ['pptx'] },
  '.pdf': { name: 'PDF document', extensions: ['pdf'] }
}

/** The folder of the last export, or null (first export: the dialog's default, the Documents folder). */
export async function loadLastFolder(dataDir: string): Promise<string | null> {
  try {
    const raw = JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')) as { lastFolder?: unknown }
    return typeof raw.lastFolder === 'string' && raw.lastFolder.length > 0 ? raw.lastFolder : null
  } catch {
    return null
  }
}

async function saveLastFolder(dataDir: string, folder: string): Promise<void> {
  // Forgetting the folder is harmless: never fail an export over it.
  await writeFileAtomic(join(dataDir, STATE_FILE), JSON.stringify({ lastFolder: folder })).catch(() => undefined)
}

type SaveDeps = {
  dialog: Pick<Dialog, 'showSaveDialog'>
  getWindow: () => BrowserWindow | null
  dataDir: string
  /** Used before any export was saved (e.g. app.getPath('documents')). */
  defaultFolder: string
}

/** Save dialog + atomic write. A path typed without the extension gets it, so the file opens in the right app. */
export function createSaveFile({ dialog, getWindow, dataDir, defaultFolder }: SaveDeps): SaveFile {
  return async (file) => {
    const ext = extname(file.fileName).toLowerCase()
    const folder = (await loadLastFolder(dataDir)) ?? defaultFolder
    const options: SaveDialogOptions = {
      title: 'Export',
      defaultPath: join(folder, file.fileName),
      filters: FILTERS[ext] ? [FILTERS[ext]] : [],
      properties: ['createDirectory', 'showOverwriteConfirmation']
    }
    const win = getWindow()
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return null
    const path = extname(choice.filePath) ? choice.filePath : `${choice.filePath}${ext}`
    await writeFileAtomic(path, file.bytes)
    await saveLastFolder(dataDir, dirname(path))
    return path
  }
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

/**
 * Prints the report with Chromium's engine inside Electron: the HTML goes to a private temp folder, a hidden
 * window with JavaScript off loads it, printToPDF renders A4 landscape with the stamp as page footer.
 */
export function createElectronPdfPrinter(BrowserWindowCtor: WindowConstructor): PdfPrinter {
  return async ({ html, footerTemplate }) => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-report-'))
    const file = join(dir, 'report.html')
    const win = new BrowserWindowCtor({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false
      }
    })
    try {
      await writeFile(file, html, 'utf8')
      await win.loadFile(file)
      const pdf = await win.webContents.printToPDF({
        landscape: true,
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate
      })
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    } finally {
      win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
