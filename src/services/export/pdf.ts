import { existsSync } from 'node:fs'
import { RepoError } from '../repositories/repo-error'
import type { PrintableReport } from './report-html'

/**
 * Prints a self-contained HTML report to PDF bytes. The desktop app passes one built on Electron's
 * `webContents.printToPDF`; the web host and the CLI use headless Chromium through playwright-core.
 */
export type PdfPrinter = (report: PrintableReport) => Promise<Uint8Array>

/** Raised when no PDF printer is available here; the message says what to install or use instead. */
export class PdfUnavailableError extends RepoError {
  constructor(message: string) {
    super('not_found', message)
    this.name = 'PdfUnavailableError'
  }
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** The Chromium binary to print with: `CHROMIUM_PATH`, else the usual Linux locations; null when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null
}

/**
 * Headless Chromium printer: JavaScript off, every network request refused (the report needs none),
 * A4 landscape with backgrounds. One browser per call: exports are rare, and nothing lingers afterwards.
 */
export const chromiumPdfPrinter: PdfPrinter = async ({ html, footerTemplate }) => {
  const executablePath = findChromium()
  if (!executablePath) {
    throw new PdfUnavailableError('PDF export needs Chromium here (install the "chromium" package or set CHROMIUM_PATH). The slide deck and the browser\'s Print → Save as PDF work without it.')
  }
  let playwright: typeof import('playwright-core')
  try {
    // A computed specifier keeps bundlers from packing playwright-core into the desktop build, which prints
    // with Electron instead; the web host and the CLI run from node_modules where it is installed.
    const specifier = 'playwright-core'
    playwright = (await import(/* @vite-ignore */ specifier)) as typeof import('playwright-core')
  } catch {
    throw new PdfUnavailableError('PDF export needs the playwright-core package (npm install). The slide deck works without it.')
  }
  const browser = await playwright.chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort())
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate })
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } finally {
    await browser.close()
  }
}
