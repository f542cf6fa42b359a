import type { Model } from '../model/load-model'
import { isGuessSource } from '../model/guess'
import { countGuessInputs as countGuesses } from '../model/provenance'

/**
 * GUESS inputs with their denominators, for the CLI line and the evidence view. Which inputs are GUESS
 * is the provenance module's rule (`src/core/model/guess.ts`: the source says `GUESS — <rationale>`);
 * this adds how many inputs there are of each kind, so a share can be printed.
 */
export { isGuessSource }

/** GUESS inputs of a model by kind (assumptions, measure parameters, allied projects) and in all. */
export type GuessShare = {
  assumptions: { guess: number; total: number }
  params: { guess: number; total: number }
  projects: { guess: number; total: number }
  guess: number
  total: number
}

/** Count GUESS inputs of a model and all its inputs. */
export const guessShare = (model: Model): GuessShare => {
  const c = countGuesses(model)
  const params = model.measures.reduce((n, m) => n + m.params.length, 0)
  const total = model.assumptions.length + params + model.projects.length
  return {
    assumptions: { guess: c.assumptions, total: model.assumptions.length },
    params: { guess: c.params, total: params },
    projects: { guess: c.projects, total: model.projects.length },
    guess: c.total,
    total
  }
}
