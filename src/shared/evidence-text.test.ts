import { describe, expect, it } from 'vitest'
import type { Evidence } from '../core'
import { evidenceText } from './evidence-text'

const base: Evidence = {
  economy: 'us', sector: 'defense', quarter: '2027-Q1', title: 'Defense, US & allies, 2027 Q1: 56.3', value: 56.3,
  meaning: ['…', '…'],
  channels: [{ id: 'dy_tb', label: 'Dy/Tb', points: 20.04 }, { id: 'ndfeb', label: 'NdFeB magnets', points: 15.16 }],
  structural: 0,
  measures: [{ id: 'a', label: 'A', side: 'beijing', points: 12.34, instrument: null, source: 's', confidence: 'H' }, { id: 'b', label: 'B', side: 'washington', points: -3.06, instrument: null, source: 's', confidence: 'M' }],
  inputs: [{ kind: 'assumption', id: 'x', label: 'X', range: '1–2', low: 50.04, high: 61.96, swing: 11.92, source: 'GUESS', confidence: 'L', guess: true }],
  guess: { share: 0.625, guessSwing: 5, totalSwing: 8, movers: 4, guessMovers: 3 }
}

describe('evidenceText', () => {
  it('rounds figures as the dialog prints them, signs measure points, and states the GUESS share', () => {
    const t = evidenceText(base)
    expect(t.quarter).toBe('2027 Q1')
    expect(t.channels).toBe('Dy/Tb 20.0 · NdFeB magnets 15.2')
    expect(t.measurePoints).toEqual(['+12.3', '−3.1'])
    expect(t.inputMoves).toEqual(['50.0 → 62.0'])
    expect(t.guessShare).toBe('63 %')
    expect(t.guessSentence).toContain('(3 of the 4 inputs that move it)')
    expect(t.structural).toBe('')
  })

  it('says so when no input moves the figure, and shows a structural part when there is one', () => {
    const t = evidenceText({ ...base, structural: 2.04, guess: { share: null, guessSwing: 0, totalSwing: 0, movers: 0, guessMovers: 0 } })
    expect(t.guessShare).toBe('None:')
    expect(t.guessSentence).toMatch(/no input within its documented range moves this figure/)
    expect(t.structural).toMatch(/2\.0 of the figure would remain/)
  })
})
