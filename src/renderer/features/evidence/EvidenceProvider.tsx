import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import type { ScenarioDoc } from '../../../core'
import { EvidenceSourceContext, type EvidenceSource } from './evidence-context'
import './evidence.css'

/**
 * Lets the chart headlines below it open "Why this number?" on the current draft. The context value never
 * changes (the draft is read through a ref when a headline is clicked), so it costs the charts no render.
 */
export function EvidenceProvider({ doc, children }: { doc: ScenarioDoc; children: ReactNode }) {
  const latest = useRef(doc)
  useLayoutEffect(() => {
    latest.current = doc
  }, [doc])
  const source = useMemo<EvidenceSource>(() => ({ snapshot: () => latest.current }), [])
  return <EvidenceSourceContext.Provider value={source}>{children}</EvidenceSourceContext.Provider>
}
