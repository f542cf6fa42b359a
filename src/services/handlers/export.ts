import { basename } from 'node:path'
import type { Handlers } from '../dispatch'
import type { ExportResult } from '../../shared/contract/export'
import type { ExportFile, Exporter } from '../export/exporter'

type ExportMethods = 'export.chart' | 'export.csv' | 'export.pptx' | 'export.pdf' | 'export.reportHtml'

/**
 * Where a finished export goes in the desktop app: the host asks the user for a place (native save dialog)
 * and writes the file there atomically. Resolves to the path written, or null if the user cancelled.
 * Absent (web host, tests), the bytes go back to the caller to download.
 */
export type SaveFile = (file: ExportFile) => Promise<string | null>

/** Hands a finished file to the host's save dialog (desktop) or returns it as base64 to download (web host). */
export async function deliverFile(file: ExportFile, saveFile?: SaveFile): Promise<ExportResult> {
  if (saveFile) {
    const path = await saveFile(file)
    if (path === null) return { kind: 'cancelled' }
    return { kind: 'saved', fileName: basename(path), path, byteLength: file.bytes.byteLength }
  }
  return { kind: 'file', fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64'), byteLength: file.bytes.byteLength }
}

/** Export handlers: build the file, then hand it to the host's save dialog or return it as base64. */
export function exportHandlers(exporter: Exporter, saveFile?: SaveFile) {
  const deliver = (file: ExportFile) => deliverFile(file, saveFile)
  return {
    'export.chart': ({ doc, compare, chart, format, scale }) => deliver(exporter.chart(doc, compare, chart, format, scale)),
    'export.csv': async ({ doc, compare }) => deliver(exporter.csv(doc, compare)),
    'export.pptx': async ({ doc, compare, options }) => deliver(await exporter.pptx(doc, compare, options)),
    'export.reportHtml': ({ doc, compare, options }) => ({ fileName: exporter.reportFileName(doc, 'html'), html: exporter.report(doc, compare, options).html }),
    'export.pdf': async ({ doc, compare, options }) => deliver(await exporter.pdf(doc, compare, options))
  } satisfies Pick<Handlers, ExportMethods>
}
