import { createContext, useContext } from 'react'
import type { ScenarioDoc } from '../../../core'

/** What the evidence view reads at click time: the draft as it is now (a ref, so charts never re-render for it). */
export type EvidenceSource = { snapshot: () => ScenarioDoc }

export const EvidenceSourceContext = createContext<EvidenceSource | null>(null)

/** The nearest `EvidenceProvider`'s source; null outside one (the headline then stays plain text). */
export const useEvidenceSource = () => useContext(EvidenceSourceContext)
