import { createContext, useContext } from 'react'
import type { ScenarioDoc } from '../../../core'
import type { Api } from '../../../shared/api'

/** What exports read at click time: the API, the draft as it is now, and the compared scenarios. */
export type ExportSource = {
  api: Api
  /** Read at click time, so the provider never re-renders the charts when the draft changes. */
  snapshot: () => { doc: ScenarioDoc; compare: ScenarioDoc[] }
  /** Result line shown by the export controls ("Saved …", or what went wrong). */
  report: (message: ExportMessage) => void
}

export type ExportMessage = { kind: 'info' | 'error'; text: string }

export const ExportSourceContext = createContext<ExportSource | null>(null)

/** The export source from the nearest `ExportProvider`; null outside one (the controls then hide). */
export const useExportSource = () => useContext(ExportSourceContext)
