import { memo, useState } from 'react'
import { createPortal } from 'react-dom'
import type { Economy, ScenarioDoc, Sector } from '../../../core'
import type { Headline } from '../charts/headline'
import { EvidenceDialog } from './EvidenceDialog'
import { useEvidenceSource } from './evidence-context'

type Props = { economy: Economy; sector: Sector; headline: Headline }

/**
 * The chart's headline figure ("Peak 56.3 in 2027 Q1"). Inside an `EvidenceProvider` it is a button that
 * opens the evidence view for that quarter; elsewhere (presentation, no peak) it stays text.
 */
export const EvidenceButton = memo(function EvidenceButton({ economy, sector, headline }: Props) {
  const source = useEvidenceSource()
  const [doc, setDoc] = useState<ScenarioDoc | null>(null)
  const figure = (
    <>
      Peak <strong>{headline.peak.toFixed(1)}</strong>
      {headline.peakQuarter ? ` in ${headline.peakQuarter}` : ''}
    </>
  )
  const quarter = headline.peakId
  if (!source || quarter === null) return <span>{figure}</span>
  return (
    <>
      {/* The accessible name is the visible text: "Peak 56.3 in 2027 Q1 — why?" */}
      <button type="button" className="headline-evidence" aria-haspopup="dialog" data-testid={`evidence-${sector}`} onClick={() => setDoc(source.snapshot())}>
        {figure}
        <span className="headline-why"> — why?</span>
      </button>
      {/* Portalled to the body: inside the chart header it would inherit the header's one-line text styles. */}
      {doc && createPortal(<EvidenceDialog doc={doc} request={{ economy, sector, quarter }} onClose={() => setDoc(null)} />, document.body)}
    </>
  )
})
