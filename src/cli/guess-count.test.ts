import { describe, expect, it } from 'vitest'
import { defaultScenario } from '../core'
import { guessInputShare } from '../core/model/guess'
import { model } from '../shared/dataset'
import { reportContent } from '../services/export/content'
import { guessLine, guessShare } from './guess-count'

/**
 * One GUESS denominator: the deck once said "176 of 286" (it counted legal-instrument citations as
 * inputs) while the CLI said "176 of 266". Both now count with guessInputShare (core/model/guess.ts).
 */
describe('one GUESS count for the CLI and the decks', () => {
  const ctx = { model, clock: () => new Date('2026-12-01T09:00:00Z'), appVersion: '0.1.0' }
  const content = reportContent(ctx, defaultScenario(model, 'GUESS count'), [], { economy: 'us', band: false, threshold: 20 })
  const c = guessShare(model)

  it('the deck states the same "N of M" as the CLI line', () => {
    expect(content.sources.provenance.guesses).toBe(c.guess)
    expect(content.sources.provenance.inputs).toBe(c.total)
    expect(guessLine(c, model.datasetVersion)).toContain(`${c.guess} of ${c.total} (`)
    expect(content.summary.join('\n')).toContain(`${c.guess} of ${c.total} inputs are modelling guesses`)
  })

  it('the denominator is assumptions + measure parameters + allied projects (no instrument citations)', () => {
    const params = model.measures.reduce((n, m) => n + m.params.length, 0)
    expect(c.total).toBe(model.assumptions.length + params + model.projects.length)
    // Confidence codes cover the same inputs, so they add up to the denominator.
    const conf = content.sources.provenance.byConfidence
    expect((conf.H ?? 0) + (conf.M ?? 0) + (conf.L ?? 0)).toBe(c.total)
  })

  it('counts a new GUESS once, wherever it is shown', () => {
    const i = model.assumptions.findIndex((a) => !a.source.includes('GUESS'))
    const assumptions = model.assumptions.map((a, j) => (j === i ? { ...a, source: 'GUESS — a test rationale long enough to pass', confidence: 'L' as const } : a))
    const edited = { ...model, assumptions }
    expect(guessInputShare(edited).guess).toBe(c.guess + 1)
    expect(guessInputShare(edited).ids).toContain(`assumption:${model.assumptions[i]!.id}`)
  })
})
