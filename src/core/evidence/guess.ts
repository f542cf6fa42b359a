import type { Model } from '../model/load-model'
import { guessInputShare, isGuessSource, type GuessInputShare } from '../model/guess'

/**
 * GUESS inputs with their denominators, for the CLI line and the evidence view. Which inputs are GUESS
 * is the provenance module's rule (`src/core/model/guess.ts`: the source says `GUESS — <rationale>`);
 * this adds how many inputs there are of each kind, so a share can be printed.
 */
export { isGuessSource }

/** GUESS inputs of a model by kind (assumptions, measure parameters, allied projects) and in all. */
export type GuessShare = Pick<GuessInputShare, 'assumptions' | 'params' | 'projects' | 'guess' | 'total'>

/** Count GUESS inputs of a model and all its inputs (the shared count of `src/core/model/guess.ts`). */
export const guessShare = (model: Model): GuessShare => {
  const { assumptions, params, projects, guess, total } = guessInputShare(model)
  return { assumptions, params, projects, guess, total }
}
