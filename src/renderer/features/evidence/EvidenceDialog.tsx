import { useState } from 'react'
import type { Evidence, EvidenceRequest, ScenarioDoc } from '../../../core'
import { Modal } from '../../components/Modal'
import { useJob } from '../../workers/use-job'
import type { EvidenceInput } from '../../workers/jobs'
import { CONFIDENCE_LABELS } from '../measures/measure-kinds'
import { evidenceText } from '../../../shared/evidence-text'

type Props = { doc: ScenarioDoc; request: EvidenceRequest; onClose: () => void }

/**
 * "Why this number?": what the figure means, the measures and inputs behind it with their sources and
 * confidence, and how much of it rests on GUESS inputs. The analyses run in the engine worker
 * (core `evidenceFor`); this component renders what the pure `evidenceText` mapper gives it.
 */
export function EvidenceDialog({ doc, request, onClose }: Props) {
  // One request per opening: the input's identity is fixed for the dialog's life.
  const [input] = useState<EvidenceInput>(() => ({ doc, request }))
  const job = useJob<Evidence>('evidence', input)
  const ev = job.value
  const text = ev ? evidenceText(ev) : null
  return (
    <Modal title="Why this number?" onClose={onClose} className="evidence-modal">
      {/* Focusable so the keyboard can scroll it (arrows, Page Down) when it is taller than the window. */}
      <div className="evidence" data-testid="evidence-view" aria-busy={text === null} tabIndex={0} role="region" aria-labelledby="evidence-figure">
        {job.error && <p role="alert" className="field-warning">The evidence could not be worked out: {job.error}</p>}
        {!text && !job.error && <p aria-live="polite">Working out what drives this figure…</p>}
        {text && ev && (
          <>
            <p className="evidence-figure" id="evidence-figure">{text.title}</p>
            <section aria-labelledby="evidence-meaning">
              <h3 id="evidence-meaning">What the index means</h3>
              {ev.meaning.map((m) => <p key={m}>{m}</p>)}
              {text.channels && <p className="hint">By channel: {text.channels}</p>}
            </section>
            <section aria-labelledby="evidence-guess">
              <h3 id="evidence-guess">How much rests on GUESS inputs</h3>
              <p className="evidence-guess" data-testid="evidence-guess">
                <strong>{text.guessShare}</strong> {text.guessSentence}
              </p>
              <p className="hint">{text.guessDefinition}</p>
            </section>
            <section aria-labelledby="evidence-measures">
              <h3 id="evidence-measures">Measures behind it in {text.quarter}</h3>
              {ev.measures.length === 0 ? (
                <p>No measure contributes to this figure.</p>
              ) : (
                <table className="evidence-table">
                  <thead>
                    <tr><th scope="col">Measure</th><th scope="col" className="num">Points</th><th scope="col">Legal instrument and source</th><th scope="col">Confidence</th></tr>
                  </thead>
                  <tbody>
                    {ev.measures.map((m, i) => (
                      <tr key={m.id}>
                        <th scope="row">{m.label}</th>
                        <td className="num">{text.measurePoints[i]}</td>
                        <td className="evidence-source">{m.instrument ? <><span>{m.instrument}</span>. </> : null}{m.source}</td>
                        <td><span className={`confidence c-${m.confidence}`}>{CONFIDENCE_LABELS[m.confidence]}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {text.structural && <p className="hint">{text.structural}</p>}
            </section>
            <section aria-labelledby="evidence-inputs">
              <h3 id="evidence-inputs">Inputs that move it most</h3>
              {ev.inputs.length === 0 ? (
                <p>No input within its documented range moves this figure.</p>
              ) : (
                <table className="evidence-table">
                  <thead>
                    <tr><th scope="col">Input</th><th scope="col">Range tried</th><th scope="col" className="num">Figure at low → high</th><th scope="col">Source</th><th scope="col">Confidence</th></tr>
                  </thead>
                  <tbody>
                    {ev.inputs.map((x, i) => (
                      <tr key={x.id}>
                        <th scope="row">{x.label}{x.guess && <span className="badge guess-badge">GUESS</span>}</th>
                        <td>{x.range}</td>
                        <td className="num">{text.inputMoves[i]}</td>
                        <td className="evidence-source">{x.source}</td>
                        <td><span className={`confidence c-${x.confidence}`}>{CONFIDENCE_LABELS[x.confidence]}</span></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </>
        )}
      </div>
    </Modal>
  )
}
