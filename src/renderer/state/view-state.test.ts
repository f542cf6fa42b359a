import { describe, expect, it } from 'vitest'
import { SLIDES, initialView, viewReducer, yLocked } from './view-state'

describe('view state', () => {
  it('flips economy, stacking, band and baseline when no value is given', () => {
    const v = viewReducer(viewReducer(initialView, { type: 'economy' }), { type: 'stacking' })
    expect(v.economy).toBe('cn')
    expect(v.stacking).toBe('measure')
    expect(viewReducer(v, { type: 'economy' }).economy).toBe('us')
    expect(viewReducer(v, { type: 'economy', economy: 'cn' }).economy).toBe('cn')
    expect(viewReducer(initialView, { type: 'band' }).showBand).toBe(!initialView.showBand)
    expect(viewReducer(initialView, { type: 'baseline', on: true }).showBaseline).toBe(true)
  })

  it('steps slides only while presenting, within bounds', () => {
    expect(viewReducer(initialView, { type: 'step', by: 1 }).slide).toBe(0)
    let v = viewReducer(initialView, { type: 'present' })
    expect(v.presenting).toBe(true)
    v = viewReducer(v, { type: 'step', by: -1 })
    expect(v.slide).toBe(0)
    for (let i = 0; i < 20; i++) v = viewReducer(v, { type: 'step', by: 1 })
    expect(v.slide).toBe(SLIDES.length - 1)
    expect(viewReducer(v, { type: 'present', on: false }).presenting).toBe(false)
  })

  it('keeps the threshold a whole number within 0–100 and ignores nonsense', () => {
    expect(viewReducer(initialView, { type: 'threshold', value: 33.6 }).threshold).toBe(34)
    expect(viewReducer(initialView, { type: 'threshold', value: 140 }).threshold).toBe(100)
    expect(viewReducer(initialView, { type: 'threshold', value: Number.NaN })).toBe(initialView)
  })

  it('closes the help overlay when presentation starts', () => {
    const v = viewReducer(viewReducer(initialView, { type: 'help' }), { type: 'present', on: true })
    expect(v.help).toBe(false)
  })

  it('locks the y-axis by default in presentation only, and each mode keeps its own setting', () => {
    expect(yLocked(initialView)).toBe(false)
    const presenting = viewReducer(initialView, { type: 'present', on: true })
    expect(yLocked(presenting)).toBe(true)
    const freed = viewReducer(presenting, { type: 'lock-y' })
    expect(yLocked(freed)).toBe(false)
    const back = viewReducer(freed, { type: 'present', on: false })
    expect(yLocked(back)).toBe(false)
    expect(yLocked(viewReducer(back, { type: 'lock-y', on: true }))).toBe(true)
  })
})
