import type { ExportResult } from '../../../shared/contract'
import { downloadBase64, formatBytes } from '../export/download'

/** Hands an export to the person: a download (web host) or the desktop app's saved file; returns what happened, in words. */
export function deliver(result: ExportResult): string {
  if (result.kind === 'cancelled') return 'Export cancelled.'
  if (result.kind === 'saved') return `Saved ${result.fileName} (${formatBytes(result.byteLength)}).`
  downloadBase64(result.base64, result.fileName, result.mimeType)
  return `Downloaded ${result.fileName} (${formatBytes(result.byteLength)}).`
}
