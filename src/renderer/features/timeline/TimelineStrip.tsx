import { memo } from 'react'
import { segments, type TimelineRowModel } from './timeline-model'

export type TimelineRow = TimelineRowModel

type Props = {
  quarters: readonly string[]
  rows: readonly TimelineRow[]
  triggerCount: number
  onTriggers: () => void
  onRemoveTrigger: (id: string) => void
  /** Folded, the strip is its one-line head (with a count of what is in force) and a Show button. */
  open: boolean
  onOpen: (open: boolean) => void
}

/**
 * When each measure and trigger is in force, quarter by quarter, drawn as runs (darker = stronger).
 * Plain HTML, one element per run, so it costs little to redraw after a toggle.
 */
export const TimelineStrip = memo(function TimelineStrip({ quarters, rows, triggerCount, onTriggers, onRemoveTrigger, open, onOpen }: Props) {
  const n = quarters.length
  const years = quarters.map((q, i) => ({ q, i })).filter(({ q }) => q.endsWith('Q1'))
  const active = rows.filter((r) => r.activity.some((v) => v > 0))
  const measures = active.filter((r) => r.kind === 'measure').length
  const triggers = active.filter((r) => r.kind === 'trigger').length
  const events = active.length - measures - triggers
  return (
    <section className={`timeline ${open ? '' : 'folded'}`} aria-labelledby="timeline-title" data-testid="timeline">
      <div className="tl-head">
        <h2 id="timeline-title" className="section-title">
          Timeline{' '}
          <span className="hint">
            {active.length === events
              ? `— no measure is on: switch one on in the Beijing or Washington panel${events ? ` (${events === 1 ? 'an outside event acts' : `${events} outside events act`})` : ''}`
              : open
                ? '— when each measure, trigger and outside event is in force (darker = stronger)'
                : `— ${measures} ${measures === 1 ? 'measure' : 'measures'}${triggers ? ` and ${triggers} ${triggers === 1 ? 'trigger' : 'triggers'}` : ''} in force within the horizon${events ? `, plus ${events} outside ${events === 1 ? 'event' : 'events'}` : ''}`}
          </span>
        </h2>
        <span className="tl-buttons">
          <button type="button" className="small" aria-expanded={open} aria-controls={open ? 'timeline-grid' : undefined} onClick={() => onOpen(!open)}>
            {open ? 'Hide timeline' : 'Show timeline'}
          </button>
          <button type="button" className="small" onClick={onTriggers} aria-haspopup="dialog">
            Triggers ({triggerCount})…
          </button>
        </span>
      </div>
      {open && rows.length > 0 && (
        <div className="tl-grid" id="timeline-grid" style={{ ['--quarters' as string]: n }}>
          <div className="tl-label tl-axis-label" aria-hidden="true" />
          <div className="tl-axis" aria-hidden="true">
            {years.map(({ q, i }) => (
              <span key={q} style={{ left: `${(i / n) * 100}%` }}>
                {q.slice(0, 4)}
              </span>
            ))}
          </div>
          {rows.map((r) => (
            <TimelineTrack key={r.id} row={r} n={n} quarters={quarters} onRemove={r.kind === 'trigger' ? onRemoveTrigger : undefined} />
          ))}
        </div>
      )}
    </section>
  )
})

type TrackProps = { row: TimelineRow; n: number; quarters: readonly string[]; onRemove?: (triggerId: string) => void }

const TimelineTrack = memo(function TimelineTrack({ row, n, quarters, onRemove }: TrackProps) {
  const runs = segments(row.activity)
  const summary = runs.length === 0 ? 'not active within the horizon' : runs.map((s) => `${quarters[s.from]}–${quarters[s.to - 1]} at ${Math.round(s.level * 100)} %`).join('; ')
  return (
    <>
      <div className={`tl-label tl-${row.kind} ${runs.length === 0 ? 'tl-idle' : ''}`} title={row.title}>
        {onRemove && (
          <button type="button" className="tl-remove" aria-label={`Remove ${row.title}`} onClick={() => onRemove(row.id.replace(/^trigger-/, ''))}>
            ×
          </button>
        )}
        {row.label}
      </div>
      <div className={`tl-track side-${row.side} tl-${row.kind}`} role="img" aria-label={`${row.title}: ${summary}`} data-testid={`timeline-${row.id}`}>
        {runs.map((s) => (
          <span key={s.from} className="tl-run" style={{ left: `${(s.from / n) * 100}%`, width: `${((s.to - s.from) / n) * 100}%`, opacity: 0.25 + 0.75 * s.level }} />
        ))}
      </div>
    </>
  )
})
