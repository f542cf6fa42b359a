import { describe, expect, it } from 'vitest'
import { checkShape, describeValue, MAX_DOC_DEPTH } from './shape-guard'
import { parseScenarioDoc } from './upgrade'

const nested = (levels: number) => {
  let v: unknown = 1
  for (let i = 0; i < levels; i++) v = { a: v }
  return v
}

describe('checkShape', () => {
  it('accepts ordinary documents and names the path where nesting goes too deep', () => {
    expect(checkShape({ a: [1, { b: 'x' }], c: null })).toBeNull()
    expect(checkShape(nested(MAX_DOC_DEPTH - 1))).toBeNull()
    const deep = checkShape({ notes: nested(MAX_DOC_DEPTH + 5) })
    expect(deep?.message).toMatch(/nested too deeply/)
    expect(deep?.path).toMatch(/^notes(\.a)+$/)
  })

  it('stops counting at the value limit', () => {
    expect(checkShape(Array.from({ length: 50 }, () => 0), 32, 40)?.message).toMatch(/too large/)
  })
})

describe('parseScenarioDoc on hostile shapes', () => {
  it('refuses a format nested 200,000 levels deep with a validation error, not a stack overflow', () => {
    const r = parseScenarioDoc({ format: nested(200_000), schemaVersion: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].message).toMatch(/nested too deeply/)
  })

  it('refuses 300,000 override keys quickly', () => {
    const overrides = Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1]))
    const started = performance.now()
    const r = parseScenarioDoc({ format: 'chokepoint.scenario', schemaVersion: 1, overrides })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].message).toMatch(/too large/)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('describes values without echoing them at length', () => {
    expect(describeValue('x'.repeat(10_000)).length).toBeLessThanOrEqual(61)
    expect(describeValue(nested(100_000))).toBe('an object')
    expect(describeValue([[[1]]])).toBe('an array')
    const r = parseScenarioDoc({ format: 'chokepoint.scenario', schemaVersion: 'v'.repeat(10_000) })
    expect(!r.ok && r.errors[0].message.length).toBeLessThan(200)
  })
})
