import type { Evidence } from '../core'

/** The evidence view's words and rounded figures: everything the dialog prints that is not data as is. */
export type EvidenceText = {
  title: string
  quarter: string
  channels: string
  guessShare: string
  guessSentence: string
  guessDefinition: string
  measurePoints: string[]
  inputMoves: string[]
  structural: string
}

const one = (v: number) => (Math.round(v * 10) / 10).toFixed(1)
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${one(Math.abs(v))}`

/** Pure: evidence → the text the dialog shows. */
export function evidenceText(ev: Evidence): EvidenceText {
  const g = ev.guess
  return {
    title: ev.title,
    quarter: ev.quarter.replace('-', ' '),
    channels: ev.channels.slice(0, 4).map((c) => `${c.label} ${one(c.points)}`).join(' · '),
    guessShare: g.share === null ? 'None:' : `${Math.round(g.share * 100)} %`,
    guessSentence:
      g.share === null
        ? 'no input within its documented range moves this figure.'
        : `of how much this figure moves when its inputs are varied comes from GUESS inputs (${g.guessMovers} of the ${g.movers} inputs that move it).`,
    guessDefinition:
      'Measured as the share of the one-at-a-time swing: each assumption with a range is set to its low and its high, each active measure\'s main ' +
      'setting moved ±25 % of its range; the swings of inputs marked GUESS (modelling judgement, no source) are divided by the swings of all inputs.',
    measurePoints: ev.measures.map((m) => signed(m.points)),
    inputMoves: ev.inputs.map((x) => `${one(x.low)} → ${one(x.high)}`),
    structural: Math.abs(ev.structural) > 0.05 ? `Without any measure, ${one(ev.structural)} of the figure would remain (structural exposure).` : ''
  }
}
