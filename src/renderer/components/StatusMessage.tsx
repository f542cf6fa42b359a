import { useMemo, useRef } from 'react'
import type { Status } from '../state/use-workspace'
import { FittedText, useFittedText } from './FittedText'
import { shortenQuoted, shortenings } from './shorten-names'

/**
 * The status line's message. A message quoting a long name ('Saved “…” (version 3).') that its slot cannot
 * hold is shown with the quoted names shortened in the middle, so it is never cut at its end (the scenario's
 * whole name is on screen in the header's field or the full-name line beside it); the whole message stays
 * its accessible text and its title.
 */
export function StatusMessage({ status }: { status: Status }) {
  const box = useRef<HTMLParagraphElement>(null)
  const text = status?.text ?? ''
  const versions = useMemo(() => shortenings(text, shortenQuoted), [text])
  const { shown, title } = useFittedText(box, versions)
  return (
    <p ref={box} className={`status ${status?.kind ?? ''}`} role="status" aria-live="polite" title={title}>
      <FittedText text={text} shown={shown} />
    </p>
  )
}
