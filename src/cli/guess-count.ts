import { countGuessInputs, type GuessCount } from '../core/evidence/guess'

export { countGuessInputs, type GuessCount }

/** One line for the CLI: "GUESS inputs (dataset …): 101 of 153 (66 %) — 83 of 108 assumptions, 18 of 45 measure parameters". */
export const guessLine = (c: GuessCount, datasetVersion: string): string =>
  `GUESS inputs (dataset ${datasetVersion}): ${c.guess} of ${c.total} (${c.total === 0 ? 0 : Math.round((100 * c.guess) / c.total)} %) — ` +
  `${c.assumptions.guess} of ${c.assumptions.total} assumptions, ${c.params.guess} of ${c.params.total} measure parameters`
