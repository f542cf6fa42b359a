import { CHANNEL_LABELS, ECONOMY_LABELS, type Measure } from '../../../core'
import { CONFIDENCE_LABELS } from './measure-kinds'

/** What a measure is, its legal instrument with dates, how sure we are, and the channels it acts on. */
export function InfoCard({ def }: { def: Measure }) {
  const i = def.instrument
  return (
    <div className="info-card" aria-label={`About ${def.title}`} role="group">
      <p className="info-title">{def.title}</p>
      <p>{def.description}</p>
      <dl>
        <dt>Instrument</dt>
        <dd>{i ? i.name : 'No legal instrument yet (a hypothetical measure).'}</dd>
        {i?.announced && (
          <>
            <dt>Announced</dt>
            <dd>{i.announced}</dd>
          </>
        )}
        {i?.effective && (
          <>
            <dt>Effective</dt>
            <dd>{i.effective}</dd>
          </>
        )}
        {i?.suspendedUntil && (
          <>
            <dt>Suspended until</dt>
            <dd>{i.suspendedUntil}</dd>
          </>
        )}
        <dt>Confidence</dt>
        <dd>
          <span className={`confidence c-${def.confidence}`}>{CONFIDENCE_LABELS[def.confidence]}</span>
        </dd>
        {i?.source && (
          <>
            <dt>Source</dt>
            <dd className="source">{i.source}</dd>
          </>
        )}
      </dl>
      <p className="sub-legend">Acts on</p>
      {def.channels.length === 0 ? (
        <p className="hint">No direct channel: it works through allied capacity, stocks or timing.</p>
      ) : (
        <ul className="channels">
          {def.channels.map((c, k) => (
            <li key={k}>
              <strong>
                {ECONOMY_LABELS[c.economy]} · {CHANNEL_LABELS[c.channel]}
              </strong>
              {c.sectors ? ` (${c.sectors.join(', ')})` : ''} — {c.how}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
