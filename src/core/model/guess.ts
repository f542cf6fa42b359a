/**
 * GUESS provenance: a figure with no source that supports it is written
 * `GUESS — <one-line rationale>` and carries confidence L. The rationale must say why this value
 * (what it leans on), so "GUESS — modelling judgement" alone is refused.
 */

/** True when a source text marks its figure as a GUESS (unsourced modelling judgement). */
export const isGuessSource = (source: string): boolean => /\bGUESS\b/.test(source)

/** Characters of rationale a GUESS needs beyond the word GUESS and boilerplate. */
export const GUESS_RATIONALE_MIN = 15

const BOILERPLATE = /\bGUESS\b|modelling judgement|modeling judgement|[\s—–\-:;,.()]/gi

/**
 * Problems with a source text given its confidence: a GUESS must carry confidence L and a
 * rationale of at least GUESS_RATIONALE_MIN characters. Empty when the text is acceptable.
 */
export const guessProblems = (source: string, confidence: string): string[] => {
  if (!isGuessSource(source)) return []
  const problems: string[] = []
  if (confidence !== 'L') problems.push('a GUESS must carry confidence L')
  if (source.replace(BOILERPLATE, '').length < GUESS_RATIONALE_MIN) {
    problems.push('a GUESS needs a one-line rationale (what the value leans on), not just "GUESS — modelling judgement"')
  }
  return problems
}

/** A sourced input as the GUESS count sees it: an id, its source text and its confidence code. */
type SourcedInput = { id: string; source: string; confidence?: string }

/**
 * GUESS inputs of a dataset with their one shared denominator. The inputs are the figures the engine
 * reads: assumptions, measure parameters and allied projects — not legal-instrument citations, which
 * date a measure but carry no number. The CLI line, the evidence view and the decks all count with this
 * function, so "N of M" is the same everywhere.
 */
export type GuessInputShare = {
  assumptions: { guess: number; total: number }
  params: { guess: number; total: number }
  projects: { guess: number; total: number }
  /** GUESS inputs in all, and all inputs (the one denominator). */
  guess: number
  total: number
  /** Inputs by confidence code (H, M, L) over the same denominator. */
  byConfidence: Record<string, number>
  /** Which inputs are GUESS: `assumption:<id>`, `measure:<id>.<param>`, `project:<id>`. */
  ids: string[]
}

/** Count the GUESS inputs of a dataset over assumptions, measure parameters and allied projects. */
export const guessInputShare = (model: {
  assumptions: readonly SourcedInput[]
  measures: readonly { id: string; params: readonly SourcedInput[] }[]
  projects: readonly SourcedInput[]
}): GuessInputShare => {
  const byConfidence: Record<string, number> = {}
  const ids: string[] = []
  const tally = (inputs: readonly SourcedInput[], key: (x: SourcedInput) => string) => {
    let guess = 0
    for (const x of inputs) {
      if (x.confidence !== undefined) byConfidence[x.confidence] = (byConfidence[x.confidence] ?? 0) + 1
      if (isGuessSource(x.source)) {
        guess++
        ids.push(key(x))
      }
    }
    return { guess, total: inputs.length }
  }
  const assumptions = tally(model.assumptions, (x) => `assumption:${x.id}`)
  const params = { guess: 0, total: 0 }
  for (const m of model.measures) {
    const c = tally(m.params, (x) => `measure:${m.id}.${x.id}`)
    params.guess += c.guess
    params.total += c.total
  }
  const projects = tally(model.projects, (x) => `project:${x.id}`)
  return {
    assumptions, params, projects,
    guess: assumptions.guess + params.guess + projects.guess,
    total: assumptions.total + params.total + projects.total,
    byConfidence, ids
  }
}
