import { describe, expect, it } from 'vitest'
import { defaultScenario, SCENARIO_SCHEMA_VERSION } from '../core'
import { model } from '../shared/dataset'
import { BUNDLE_FORMAT, fileNameFor, parseScenarioFile, ScenarioFileError, serializeScenarios } from './scenario-files'

const doc = (name: string) => defaultScenario(model, name)

function failure(fileName: string, text: string): ScenarioFileError {
  try {
    parseScenarioFile(fileName, text, model)
  } catch (e) {
    if (e instanceof ScenarioFileError) return e
    throw e
  }
  throw new Error('expected the file to be refused')
}

describe('serializeScenarios / parseScenarioFile', () => {
  it('round-trips one scenario as a plain document and several as a bundle', () => {
    const one = serializeScenarios([doc('Alpha')], '2026-11-28T12:00:00.000Z')
    expect(one.fileName).toBe('Alpha.chokepoint.json')
    expect(JSON.parse(one.contents).format).toBe('chokepoint.scenario')
    expect(parseScenarioFile(one.fileName, one.contents, model)).toEqual({ docs: [doc('Alpha')], upgraded: 0, notes: [] })

    const two = serializeScenarios([doc('Alpha'), doc('Beta')], '2026-11-28T12:00:00.000Z')
    expect(two.fileName).toBe('chokepoint-2-scenarios-2026-11-28.chokepoint.json')
    expect(JSON.parse(two.contents)).toMatchObject({ format: BUNDLE_FORMAT, bundleVersion: 1, scenarios: [{ name: 'Alpha' }, { name: 'Beta' }] })
    expect(parseScenarioFile(two.fileName, two.contents, model).docs).toEqual([doc('Alpha'), doc('Beta')])
  })

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseScenarioFile('bom.json', `\ufeff${JSON.stringify(doc('Bom'))}`, model).docs[0].name).toBe('Bom')
  })

  it('names the line and column of a JSON syntax error', () => {
    const e = failure('broken.chokepoint.json', '{\n  "format": "chokepoint.scenario",\n  "name": oops\n}')
    expect(e.kind).toBe('syntax')
    expect(e.message).toMatch(/“broken\.chokepoint\.json” is not valid JSON \(the problem is at line 3, column \d+\)\. Nothing was imported\./)
  })

  it('lists every schema problem with its path inside the bundle', () => {
    const bad = { ...doc('Bad'), horizon: { start: '2025-Q5', quarters: 24 }, measures: [{ ...doc('x').measures[0], start: '2025-02-30' }] }
    const text = JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: 1, exportedAt: 'x', scenarios: [doc('Good'), bad] })
    const e = failure('two.chokepoint.json', text)
    expect(e.kind).toBe('invalid')
    expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['scenarios[1].horizon.start', 'scenarios[1].measures[0].start']))
    expect(e.message).toContain('scenarios[1].measures[0].start: not a real calendar date')
    expect(e.message).toMatch(/Nothing was imported/)
  })

  it('refuses references this build does not know: measures, parameters, assumptions, triggers, out-of-range values', () => {
    const base = doc('Refs')
    const first = base.measures[0]
    const param = Object.keys(first.params)[0]
    const spec = model.measures[0].params.find((p) => p.id === param)!
    const bad = {
      ...base,
      measures: [{ ...first, params: { ...first.params, [param]: spec.max + 1, 'no-such-param': 1 } }, { ...base.measures[1], id: 'cn-unknown-measure' }],
      overrides: { 'no-such-assumption': 1 },
      triggers: [{ id: 't1', ifMeasure: first.id, thenMeasure: 'us-nothing', lagQuarters: 1, intensity: 1 }]
    }
    const e = failure('refs.json', JSON.stringify(bad))
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: `measures[0].params.${param}`, message: expect.stringMatching(/is outside/) },
        { path: 'measures[0].params.no-such-param', message: expect.stringMatching(/has no parameter/) },
        { path: 'measures[1].id', message: expect.stringMatching(/^unknown measure "cn-unknown-measure"/) },
        { path: 'overrides.no-such-assumption', message: 'unknown assumption "no-such-assumption"' },
        { path: 'triggers[0].thenMeasure', message: 'unknown measure "us-nothing"' }
      ])
    )
  })

  it('refuses a document from a newer version clearly, naming both versions', () => {
    const e = failure('future.chokepoint.json', JSON.stringify({ ...doc('Future'), schemaVersion: SCENARIO_SCHEMA_VERSION + 1, hoverboards: true }))
    expect(e.kind).toBe('newer')
    expect(e.message).toMatch(new RegExp(`newer version of Chokepoint \\(scenario schema ${SCENARIO_SCHEMA_VERSION + 1}; this version reads schema ${SCENARIO_SCHEMA_VERSION} and older\\)`))
    const bundle = failure('future-bundle.json', JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: 9, scenarios: [] }))
    expect(bundle.kind).toBe('newer')
  })

  it('refuses files that are not scenarios, and hostile shapes, without throwing anything else', () => {
    expect(failure('list.json', '[1,2,3]').message).toMatch(/not a Chokepoint scenario file \(it holds a list/)
    expect(failure('other.json', '{"format":"excel"}').message).toMatch(/its format is "excel"/)
    expect(failure('null.json', 'null').kind).toBe('format')
    expect(failure('package.json', '{"name": "chokepoint", "version": "0.1.0"}').kind).toBe('format')
    // Prototype keys are just unexpected fields; nothing is polluted.
    const proto = failure('proto.json', `{"__proto__":{"polluted":true},${JSON.stringify(doc('P')).slice(1)}`)
    expect(proto.issues.some((i) => /__proto__/.test(i.message) || /__proto__/.test(i.path))).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Deep nesting is refused as a wrong type, not a stack overflow.
    const deep = `{"format":"chokepoint.scenario","schemaVersion":1,"notes":${'['.repeat(50_000)}${']'.repeat(50_000)}}`
    expect(failure('deep.json', deep).kind).toBe('invalid')
    expect(failure('huge.json', ' '.repeat(5_000_001)).kind).toBe('too_large')
    expect(failure('empty-bundle.json', JSON.stringify({ format: BUNDLE_FORMAT, bundleVersion: 1, scenarios: [] })).message).toMatch(/holds no scenarios/)
  })

  it('makes file names every file system accepts', () => {
    expect(fileNameFor('Tariffs: 100% / "worst" case?')).toBe('Tariffs- 100% - -worst- case-.chokepoint.json')
    expect(fileNameFor('...')).toBe('scenario.chokepoint.json')
    expect(fileNameFor('x'.repeat(300))).toHaveLength(80 + '.chokepoint.json'.length)
  })
})
