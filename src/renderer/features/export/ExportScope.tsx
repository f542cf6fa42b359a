import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import type { ScenarioDoc } from '../../../core'
import { ExportSourceContext, useExportSource, type ExportSource } from './export-context'

type Props = { doc: ScenarioDoc; compare: readonly ScenarioDoc[]; children: ReactNode }

/**
 * Narrows the export source for the controls below it to other documents — the scenarios of a
 * comparison — keeping the API and the outcome line of the enclosing `ExportProvider`.
 */
export function ExportScope({ doc, compare, children }: Props) {
  const parent = useExportSource()
  const latest = useRef({ doc, compare: [...compare] })
  useLayoutEffect(() => {
    latest.current = { doc, compare: [...compare] }
  }, [doc, compare])
  const source = useMemo<ExportSource | null>(() => (parent ? { ...parent, snapshot: () => latest.current } : null), [parent])
  return <ExportSourceContext.Provider value={source}>{children}</ExportSourceContext.Provider>
}
