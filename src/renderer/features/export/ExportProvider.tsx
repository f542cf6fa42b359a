import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ScenarioDoc } from '../../../core'
import type { Api } from '../../../shared/api'
import { ExportSourceContext, type ExportMessage, type ExportSource } from './export-context'
import './export.css'

type Props = { api: Api; doc: ScenarioDoc; compare?: readonly ScenarioDoc[]; children: ReactNode }

const NO_COMPARE: readonly ScenarioDoc[] = []

/**
 * Gives every export control below it the API and the current draft. The context value never changes
 * (the draft is read through a ref at click time), so wrapping the workspace costs no re-render.
 * Shows the outcome of the last export in a polite live region (a toast; errors stay until dismissed).
 */
export function ExportProvider({ api, doc, compare = NO_COMPARE, children }: Props) {
  const latest = useRef({ doc, compare: [...compare] })
  useLayoutEffect(() => {
    latest.current = { doc, compare: [...compare] }
  }, [doc, compare])
  const [message, setMessage] = useState<ExportMessage | null>(null)
  const source = useMemo<ExportSource>(() => ({ api, snapshot: () => latest.current, report: setMessage }), [api])
  // Success notes fade after a while; an error stays until dismissed.
  useEffect(() => {
    if (message?.kind !== 'info' || message.text.endsWith('…')) return
    const timer = setTimeout(() => setMessage(null), 12_000)
    return () => clearTimeout(timer)
  }, [message])
  return (
    <ExportSourceContext.Provider value={source}>
      {children}
      <p className={`export-status ${message?.kind ?? ''}`} aria-live="polite" data-testid="export-status">
        {message?.text ?? ''}
        {message && (
          <button type="button" className="export-status-dismiss" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        )}
      </p>
    </ExportSourceContext.Provider>
  )
}
