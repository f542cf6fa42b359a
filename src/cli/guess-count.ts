import { guessInputShare, type GuessInputShare } from '../core/model/guess'

/** The shared GUESS count (src/core/model/guess.ts): the CLI, the evidence view and the decks print the same "N of M". */
export const guessShare = guessInputShare
export type GuessShare = GuessInputShare

/** One line for the CLI: "GUESS inputs (dataset …): 101 of 153 (66 %) — 83 of 108 assumptions, 18 of 45 measure parameters, 0 of 9 allied projects". */
export const guessLine = (c: GuessShare, datasetVersion: string): string =>
  `GUESS inputs (dataset ${datasetVersion}): ${c.guess} of ${c.total} (${c.total === 0 ? 0 : Math.round((100 * c.guess) / c.total)} %) — ` +
  `${c.assumptions.guess} of ${c.assumptions.total} assumptions, ${c.params.guess} of ${c.params.total} measure parameters, ` +
  `${c.projects.guess} of ${c.projects.total} allied projects`
