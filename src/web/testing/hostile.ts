// Test support for the hostile-input suites (*.fuzz.test.ts, hostile*.test.ts): valid seeds for every
// contract method, hostile values, mutations, and a digest of the whole database. Not used by the app.
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import BetterSqlite3 from 'better-sqlite3'
import { defaultScenario, type ScenarioDoc } from '../../core'
import { contract, METHODS, type Method } from '../../shared/contract'
import { ERROR_CODES, type Result } from '../../shared/result'
import { model } from '../../shared/dataset'

export { METHODS }
export type Path = (string | number)[]

/**
 * A valid input per method, to be mutated into near-misses. A method added later without a seed is still
 * fuzzed from `{}` and with arbitrary values; `seedFor` falls back to that.
 */
export function validSeeds(id: string): Partial<Record<Method, unknown>> {
  const doc: ScenarioDoc = defaultScenario(model, 'Fuzz seed')
  const report = { doc, compare: [], options: { economy: 'us', band: false, threshold: 20 } }
  return {
    'app.info': {},
    'scenario.list': { query: 'seed' },
    'scenario.search': { query: 'a', tag: 'tag', measure: 'm', sort: 'name', limit: 10, offset: 0 },
    'scenario.tags': {},
    'scenario.get': { id },
    'scenario.save': { id, doc, label: 'label', baseVersion: 1 },
    'scenario.update': { id, name: 'Renamed', notes: 'n', tags: ['a'] },
    'scenario.duplicate': { id },
    'scenario.delete': { id },
    'scenario.trash': {},
    'scenario.untrash': { id },
    'scenario.emptyTrash': { ids: [id] },
    'scenario.versions': { id },
    'scenario.version': { id, version: 1 },
    'scenario.restoreVersion': { id, version: 1 },
    'scenario.exportFile': { ids: [id], dialog: false },
    'scenario.importFile': { files: [{ name: 'a.chokepoint.json', contents: JSON.stringify(doc) }] },
    'scenario.examples': {},
    'scenario.example': { id: 'example' },
    'draft.load': {},
    'draft.list': {},
    'draft.save': { doc, scenarioId: id, baseVersion: 1, dirty: true },
    'draft.discard': {},
    'export.chart': { doc, compare: [], chart: { sector: 'defense', economy: 'us', metric: 'exposure', stacking: 'channel', band: false, reference: true }, format: 'svg', scale: 1 },
    'export.csv': report,
    'export.pptx': report,
    'export.reportHtml': report,
    'export.pdf': report,
    'workshop.list': {},
    'workshop.create': { name: 'Seminar', teams: ['Beijing', 'Washington'], from: { doc }, kpi: { economy: 'us', sector: 'defense', kpi: 'peakExposure', threshold: 20 } },
    'workshop.get': { id },
    'workshop.delete': { id },
    'workshop.addTeam': { id, name: 'Allies' },
    'workshop.recordMoves': { id, teamId: 'beijing', rationale: 'why', doc },
    'workshop.withdrawMove': { id, moveId: 'm-1' },
    'workshop.configureRound': { id, hidden: true, kpi: { economy: 'cn', sector: 'autos', kpi: 'meanExposure', threshold: 10 } },
    'workshop.predict': { id, teamId: 'beijing', sector: 'autos', figure: 12.5 },
    'workshop.applyRound': { id },
    'workshop.reveal': { id },
    'workshop.undoRound': { id },
    'workshop.startRound': { id },
    'workshop.exportFile': { id, dialog: false },
    'workshop.importFile': { name: 'a.workshop.json', contents: '{}' },
    'workshop.exportMoves': { id },
    'workshop.afterAction': { id, format: 'pptx' },
    'sweep.export': { doc, options: { target: { kind: 'measure', id: 'cn-mofcom-18' }, economy: 'us', sector: 'defense', kpi: 'peakExposure', quarters: 2, threshold: 20 }, format: 'csv' }
  }
}

export const isValidInput = (method: Method, input: unknown): boolean => {
  try {
    return contract[method].input.safeParse(input).success
  } catch {
    return false
  }
}

/** An object whose own key is literally "__proto__", as JSON.parse (or structured clone) would deliver it. */
export const protoKeyed = (value: unknown): Record<string, unknown> => JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "a": 1}`)

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v }
  return v
}

/** Values that have broken parsers and handlers elsewhere: non-finite numbers, huge and odd strings, deep and wide structures, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 53), 1e-320),
  fc.constantFrom<unknown>(null, undefined, true, false, '', ' ', '\u0000', '\ud800', '\uffff', '%00', '../../etc/passwd', "'; DROP TABLE scenarios; --", '<script>alert(1)</script>', '2025-02-30', '9999-Q9'),
  fc.constantFrom<unknown>(BigInt(1), new Date(NaN), new Map([['a', 1]]), new Set([1]), new Uint8Array(8), Object.create(null), [], {}),
  fc.constantFrom(1_000, 100_000, 2_000_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(10, 1_000, 20_000).map((n) => new Array(n).fill(0)),
  fc.constantFrom(100, 2_000).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
  fc.constantFrom(100, 5_000).chain((d) => fc.constantFrom(nested(d, 'array'), nested(d, 'object'))),
  fc.constantFrom<unknown>(protoKeyed({ polluted: true }), { constructor: { prototype: { polluted: true } } }, { prototype: { polluted: true } }, { toString: 'x', valueOf: 1, hasOwnProperty: 2 }),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 })
)

/** Every path to a value inside `v` (root included), so a mutation can hit any field. */
export function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

const clone = (v: unknown): unknown => structuredClone(v)

/** Replaces, removes or adds one field of `seed`. */
export function mutate(seed: unknown, path: Path, op: 'replace' | 'remove' | 'add', value: unknown, key: string): unknown {
  if (path.length === 0) return op === 'add' && seed && typeof seed === 'object' ? withKey(clone(seed) as object, key, value) : value
  const root = clone(seed) as Record<string | number, unknown>
  let parent = root
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (op === 'replace') parent[last] = value
  else if (op === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  } else {
    const target = parent[last]
    if (target && typeof target === 'object') withKey(target as object, key, value)
    else parent[last] = value
  }
  return root
}

/** defineProperty, so "__proto__" becomes an own key rather than a prototype swap. */
function withKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
  return target
}

export const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', '', 'x'.repeat(10_000))

/** A near-miss of a method's seed: one field replaced by a hostile value, removed, or an unexpected key added. */
export function nearMiss(seed: unknown): fc.Arbitrary<unknown> {
  const all = paths(seed)
  return fc.tuple(fc.constantFrom(...all), fc.constantFrom<'replace' | 'remove' | 'add'>('replace', 'replace', 'remove', 'add'), hostileValue, extraKey).map(([path, op, value, key]) => mutate(seed, path, op, value, key))
}

/** What every refusal must look like: a known code, a bounded message with no stack, bounded issues. */
export function expectCleanRefusal(result: Result<unknown>, expectCode: (code: string) => void = () => {}) {
  if (result.ok) throw new Error('expected a refusal, got ok')
  const { error } = result
  if (!(ERROR_CODES as readonly string[]).includes(error.code)) throw new Error(`unknown error code ${error.code}`)
  expectCode(error.code)
  if (typeof error.message !== 'string' || error.message.length === 0 || error.message.length > 2100) throw new Error(`bad message length ${error.message?.length}`)
  const text = JSON.stringify(result)
  if (/\n\s+at |at .*\.(ts|js):\d+|node_modules|\/work\//.test(text)) throw new Error(`stack or path leaked: ${text.slice(0, 300)}`)
  if (error.issues && (error.issues.length > 20 || error.issues.some((i) => i.path.length > 200 || i.message.length > 200))) throw new Error('issues not bounded')
}

/** Order-stable digest of every row of every table: equal digests, same data. */
export function databaseDigest(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const hash = createHash('sha256')
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`)
      hash.update(`${table}\n`)
      for (const row of db.prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.join(', ')}`).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`)
    }
    return hash.digest('hex')
  } finally {
    db.close()
  }
}

/** The names Object.prototype has: a polluted prototype would show a new one. */
export const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',')
