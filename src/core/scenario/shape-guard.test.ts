import { describe, expect, it } from 'vitest'
import { cpuMs } from '../testing/cpu-time'
import { checkShape, describeValue, MAX_DOC_DEPTH, MAX_DOC_VALUES } from './shape-guard'
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

  it('refuses 300,000 override keys at the shape check, before the schema walks them, with work linear in the keys', () => {
    const overrides = Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1]))
    const hostile = { format: 'chokepoint.scenario', schemaVersion: 1, overrides }
    const results: ReturnType<typeof parseScenarioDoc>[] = []
    const refusal = cpuMs(() => results.push(parseScenarioDoc(hostile)))
    const r = results[0]!
    expect(r.ok).toBe(false)
    // The shape check's own words, and only them: without the check the schema walks the keys and answers
    // with its own issues (tried: "name: Invalid input…" and four more), so this fails if the check goes.
    if (!r.ok) expect(r.errors).toEqual([{ path: '', message: `the document is too large (more than ${MAX_DOC_VALUES.toLocaleString('en')} values)` }])
    // Quickly, measured so a loaded machine cannot fail it: CPU time (not wall time) against one plain pass
    // over the same keys, timed now in this process. The refusal reads each key about once (1.1–1.2 passes
    // at load 10; was "< 2 s wall", which failed under load); a check that went quadratic fails this.
    const onePass = cpuMs(() => {
      let n = 0
      for (const [k, v] of Object.entries(overrides)) n += k.length + (v as number)
      return n
    })
    expect(refusal).toBeLessThan(4 * onePass + 20)
  })

  it('describes values without echoing them at length', () => {
    expect(describeValue('x'.repeat(10_000)).length).toBeLessThanOrEqual(61)
    expect(describeValue(nested(100_000))).toBe('an object')
    expect(describeValue([[[1]]])).toBe('an array')
    const r = parseScenarioDoc({ format: 'chokepoint.scenario', schemaVersion: 'v'.repeat(10_000) })
    expect(!r.ok && r.errors[0].message.length).toBeLessThan(200)
  })
})
