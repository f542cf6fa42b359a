import type { Model } from '../model/load-model'

/**
 * Which inputs are GUESS (modelling judgement, confidence L) rather than sourced. Inputs = assumptions
 * (assumptions.json) and measure parameters (measures.json); an input is a GUESS when its source says
 * so. Stand-in until the provenance module of src/core/model exports its own (issue 11 item 2): swap the
 * body of `isGuessSource` / `countGuessInputs` for it, callers stay.
 */
export const isGuessSource = (source: string | undefined): boolean => source !== undefined && /\bguess\b/i.test(source)

/** GUESS inputs of a model, by kind and in all. */
export type GuessCount = { assumptions: { guess: number; total: number }; params: { guess: number; total: number }; guess: number; total: number }

/** Count GUESS inputs of a model. */
export const countGuessInputs = (model: Model): GuessCount => {
  const params = model.measures.flatMap((m) => m.params)
  const assumptions = { guess: model.assumptions.filter((a) => isGuessSource(a.source)).length, total: model.assumptions.length }
  const p = { guess: params.filter((x) => isGuessSource(x.source)).length, total: params.length }
  return { assumptions, params: p, guess: assumptions.guess + p.guess, total: assumptions.total + p.total }
}
