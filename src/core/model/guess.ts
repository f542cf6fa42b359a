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
