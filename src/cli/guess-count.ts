import type { Model } from '../core/index'

/**
 * How many of the model's inputs are GUESS (modelling judgement, confidence L) rather than sourced.
 * Inputs = assumptions (resources/data/assumptions.json) + measure parameters (measures.json); an
 * input is a GUESS when its source says so. Stand-in until src/core/model exports the provenance
 * module's own count (model-data); the CLI only needs `{ guess, total }` per kind.
 */
export type GuessCount = { assumptions: { guess: number; total: number }; params: { guess: number; total: number }; guess: number; total: number }

const isGuess = (source: string | undefined): boolean => source !== undefined && /\bguess\b/i.test(source)

/** Count GUESS inputs of a model. */
export const countGuessInputs = (model: Model): GuessCount => {
  const params = model.measures.flatMap((m) => m.params)
  const assumptions = { guess: model.assumptions.filter((a) => isGuess(a.source)).length, total: model.assumptions.length }
  const p = { guess: params.filter((x) => isGuess(x.source)).length, total: params.length }
  return { assumptions, params: p, guess: assumptions.guess + p.guess, total: assumptions.total + p.total }
}

/** One line for the CLI: "GUESS inputs: 101 of 153 (66 %) — 83 of 108 assumptions, 18 of 45 measure parameters". */
export const guessLine = (c: GuessCount, datasetVersion: string): string =>
  `GUESS inputs (dataset ${datasetVersion}): ${c.guess} of ${c.total} (${c.total === 0 ? 0 : Math.round((100 * c.guess) / c.total)} %) — ` +
  `${c.assumptions.guess} of ${c.assumptions.total} assumptions, ${c.params.guess} of ${c.params.total} measure parameters`
