import { useCallback, useState } from 'react'
import type { ScenarioDoc } from '../../../core'
import type { Api } from '../../../shared/api'
import type { ExportResult } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { downloadBase64, formatBytes } from './download'
import { useExportSource, type ExportMessage } from './export-context'

export type ExportCall = (api: Api, snapshot: { doc: ScenarioDoc; compare: ScenarioDoc[] }) => Promise<Result<ExportResult>>

/**
 * Runs one export and delivers it the same way whatever the transport: bytes are downloaded (web host),
 * a saved file is announced with its path (desktop), a cancelled dialog says nothing, an error says what
 * went wrong. `busy` names the export in flight so its button can say so.
 */
export function useExportRunner() {
  const source = useExportSource()
  const [busy, setBusy] = useState<string | null>(null)
  const run = useCallback(
    async (label: string, call: ExportCall): Promise<ExportMessage> => {
      if (!source) return { kind: 'error', text: 'Export is not available here.' }
      const say = (m: ExportMessage) => {
        source.report(m)
        return m
      }
      setBusy(label)
      source.report({ kind: 'info', text: `Exporting ${label}…` })
      try {
        const r = await call(source.api, source.snapshot())
        if (!r.ok) return say({ kind: 'error', text: `Export failed: ${r.error.message}` })
        const v = r.value
        if (v.kind === 'file') {
          downloadBase64(v.base64, v.fileName, v.mimeType)
          return say({ kind: 'info', text: `Downloaded ${v.fileName} (${formatBytes(v.byteLength)}).` })
        }
        if (v.kind === 'saved') return say({ kind: 'info', text: `Saved ${v.fileName} (${formatBytes(v.byteLength)}) to ${v.path}.` })
        return say({ kind: 'info', text: 'Export cancelled.' })
      } finally {
        setBusy(null)
      }
    },
    [source]
  )
  return { run, busy, available: source !== null }
}
