import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { defaultScenario, evaluate, evaluateView, kpis, type ScenarioDoc } from '../../core'
import { afterActionContent } from './after-action-content'
import { niceCeiling } from '../../shared/axis'
import { model } from '../../shared/dataset'
import type { Method } from '../../shared/contract'
import type { Workshop } from '../../shared/contract/workshop'
import type { Services } from '..'
import { call, servicesHarness } from '../testing/services-harness'
import { parseCsv } from '../export/testing/csv'

const { make: makeServices, close: closeServices } = servicesHarness('cp-ws-')
async function failure(s: Services, method: Method, input: unknown) {
  const r = await s.dispatch(method, input)
  if (r.ok) throw new Error(`${method} should have failed`)
  return r.error
}

const withMeasure = (doc: ScenarioDoc, id: string, patch: Partial<ScenarioDoc['measures'][number]>): ScenarioDoc => ({
  ...doc,
  measures: doc.measures.map((m) => (m.id === id ? { ...m, ...patch } : m))
})

describe('workshops over real SQLite', () => {
  it('creates a workshop from a library scenario with the default teams and round 1 open on a copy', async () => {
    const s = makeServices()
    const base = await call(s, 'scenario.save', { doc: defaultScenario(model, 'As known') })
    const w = await call(s, 'workshop.create', { name: 'Seminar A', from: { scenarioId: base.id } })
    expect(w.teams).toEqual([{ id: 'beijing', name: 'Beijing' }, { id: 'washington', name: 'Washington' }])
    expect(w.rounds).toHaveLength(1)
    expect(w.rounds[0]).toMatchObject({ number: 1, status: 'open', hidden: false, moves: [] })
    const scenario = await call(s, 'scenario.get', { id: w.scenarioId })
    expect(scenario.name).toBe('Seminar A (workshop)')
    expect(scenario.doc.measures).toEqual(defaultScenario(model).measures)
    expect((await call(s, 'workshop.list', {})).items.map((x) => x.name)).toEqual(['Seminar A'])
    expect((await failure(s, 'workshop.create', { name: 'seminar a', from: { scenarioId: base.id } })).code).toBe('conflict')
    const more = await call(s, 'workshop.addTeam', { id: w.id, name: 'Allies' })
    expect(more.teams.map((t) => t.id)).toEqual(['beijing', 'washington', 'allies'])
  })

  it('plays a round: moves with rationales, hidden results, predictions, apply as a version, reveal with points, undo, next round', async () => {
    const s = makeServices()
    const start = defaultScenario(model, 'Start')
    let w: Workshop = await call(s, 'workshop.create', { name: 'Game', from: { doc: start }, kpi: { economy: 'us', sector: 'defense', kpi: 'peakExposure', threshold: 20 } })
    // Washington switches the additional tariff on; Beijing moves No. 18 earlier and adds a trigger.
    const afterUs = withMeasure(w.pending, 'us-tariff-additional', { enabled: true, start: '2025-11-01' })
    w = await call(s, 'workshop.recordMoves', { id: w.id, teamId: 'washington', rationale: 'Raise the cost of coercion', doc: afterUs })
    const afterCn = { ...withMeasure(w.pending, 'cn-mofcom-18', { start: '2025-01-15' }), triggers: [{ id: 't-1', ifMeasure: 'us-tariff-additional', thenMeasure: 'cn-mofcom-57', lagQuarters: 1, intensity: 1 }] }
    w = await call(s, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: 'Answer in kind', doc: afterCn })
    const moves = w.rounds[0].moves
    expect(moves.map((m) => [m.teamId, m.description])).toEqual([
      ['washington', 'Switched on Additional tariff'],
      ['beijing', 'REE licensing (No. 18): start 2025-04-04 → 2025-01-15'],
      ['beijing', 'Trigger added: Additional tariff triggers Five more REEs (No. 57) after 1 quarter at 100 %']
    ])
    expect(moves[1].rationale).toBe('Answer in kind')
    expect(w.pending.measures).toEqual(afterCn.measures)
    // Recording the same document again is not a move.
    expect((await failure(s, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: '', doc: afterCn })).message).toMatch(/Nothing to record/)
    expect((await failure(s, 'workshop.recordMoves', { id: w.id, teamId: 'moscow', rationale: '', doc: start })).code).toBe('not_found')
    // A draft naming a measure this build does not know is refused (as a save would be), naming it; nothing recorded.
    const unknown = { ...afterCn, measures: [...afterCn.measures, { ...afterCn.measures[0], id: 'cn-no-such-measure' }] }
    const refused = await failure(s, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: '', doc: unknown })
    expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('cn-no-such-measure') })
    expect((await call(s, 'workshop.get', { id: w.id })).rounds[0].moves).toHaveLength(3)

    w = await call(s, 'workshop.configureRound', { id: w.id, hidden: true })
    w = await call(s, 'workshop.predict', { id: w.id, teamId: 'washington', sector: 'defense', figure: 40 })
    w = await call(s, 'workshop.predict', { id: w.id, teamId: 'beijing', sector: 'autos', figure: 10 })
    w = await call(s, 'workshop.applyRound', { id: w.id })
    const r1 = w.rounds[0]
    expect(r1).toMatchObject({ status: 'applied', hidden: true, revealed: false })
    // The outcome is the engine's own figure, and points follow the documented bands.
    const before = evaluateView(model, start).economies.us
    const after = evaluateView(model, { ...afterCn, name: 'x' }).economies.us
    const figure = kpis(after.defense, 20).peakExposure
    expect(r1.outcome!.figure).toBeCloseTo(figure, 10)
    const delta = (k: 'defense' | 'autos' | 'electronics') => Math.abs(kpis(after[k], 20).peakExposure - kpis(before[k], 20).peakExposure)
    const most = (['defense', 'autos', 'electronics'] as const).reduce((a, b) => (delta(b) > delta(a) ? b : a))
    expect(r1.outcome!.mostMoved).toBe(most)
    const expectedFigure = (p: number) => (Math.abs(p - figure) <= 2 ? 2 : Math.abs(p - figure) <= 5 ? 1 : 0)
    expect(r1.outcome!.points).toEqual([
      { teamId: 'beijing', sector: most === 'autos' ? 1 : 0, figure: expectedFigure(10) },
      { teamId: 'washington', sector: most === 'defense' ? 1 : 0, figure: expectedFigure(40) }
    ])
    // Not revealed: no points counted yet.
    expect(w.scores.every((x) => x.points === 0)).toBe(true)
    w = await call(s, 'workshop.reveal', { id: w.id })
    const total = r1.outcome!.points.reduce((n, p) => n + p.sector + p.figure, 0)
    expect(w.scores.reduce((n, x) => n + x.points, 0)).toBe(total)

    // Applying wrote a version of the workshop's scenario.
    const versions = await call(s, 'scenario.versions', { id: w.scenarioId })
    expect(versions.items[0]).toMatchObject({ version: 2, label: 'Workshop round 1 applied (3 moves)' })
    expect((await call(s, 'scenario.get', { id: w.scenarioId })).doc.triggers).toHaveLength(1)

    // Undo before the next round: the scenario is back, the round reopens with its moves.
    w = await call(s, 'workshop.undoRound', { id: w.id })
    expect(w.rounds[0]).toMatchObject({ status: 'open', outcome: null, after: null })
    expect(w.rounds[0].moves).toHaveLength(3)
    expect((await call(s, 'scenario.get', { id: w.scenarioId })).doc.measures).toEqual(start.measures)
    expect((await call(s, 'scenario.versions', { id: w.scenarioId })).items[0].label).toBe('Workshop round 1 undone')

    // Withdraw one move, re-apply, start round 2: round 1 can no longer be undone.
    w = await call(s, 'workshop.withdrawMove', { id: w.id, moveId: moves[2].id })
    expect(w.pending.triggers).toEqual([])
    w = await call(s, 'workshop.applyRound', { id: w.id })
    w = await call(s, 'workshop.startRound', { id: w.id })
    expect(w.rounds[1]).toMatchObject({ number: 2, status: 'open', hidden: true })
    expect(w.rounds[1].before.measures).toEqual(w.rounds[0].after!.measures)
    expect((await failure(s, 'workshop.undoRound', { id: w.id })).message).toMatch(/Round 2 has started/)
    expect((await failure(s, 'workshop.reveal', { id: w.id })).code).toBe('conflict')
  })

  it('scores and reports the figures the room sees: the scenario as the charts show it (its branch view), not the document without its branches', async () => {
    const s = makeServices()
    const start = defaultScenario(model, 'Start')
    expect(start.branches.length).toBeGreaterThan(1)
    // China's electronics: its peak differs between the branch view and the bare document. (US peaks sit in
    // 2025, before the branches part, since dataset 2026.12.3 lowered the US-bound share of Ga/Ge/Sb flows.)
    const kpi = { economy: 'cn' as const, sector: 'electronics' as const, kpi: 'peakExposure' as const, threshold: 20 }
    let w: Workshop = await call(s, 'workshop.create', { name: 'Views', from: { doc: start }, kpi })
    const moved = withMeasure(w.pending, 'cn-14nm-approval', { enabled: true })
    w = await call(s, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: 'r', doc: moved })
    w = await call(s, 'workshop.applyRound', { id: w.id })
    const shown = (d: ScenarioDoc) => kpis(evaluateView(model, d).economies.cn.electronics, 20).peakExposure
    const bare = (d: ScenarioDoc) => kpis(evaluate(model, d).economies.cn.electronics, 20).peakExposure
    // The two readings differ for this scenario (else this test would prove nothing)…
    expect(Math.abs(shown(start) - bare(start))).toBeGreaterThan(0.5)
    // …and the outcome, the reveal's before/after and the after-action report all read the one on screen.
    const o = w.rounds[0].outcome!
    expect(o.figure).toBeCloseTo(shown(moved), 10)
    expect(o.sectors.find((x) => x.sector === 'electronics')).toMatchObject({ before: shown(start), after: shown(moved) })
    const report = afterActionContent(model, w, '2026-12-01')
    expect(report.rounds[0].exposure.find((x) => x.economy === 'cn' && x.sector === 'electronics')).toMatchObject({ before: shown(start), after: shown(moved) })
    expect(Math.max(...report.path.start.electronics)).toBeCloseTo(shown(start), 10)
  })

  it('exports the moves log as CSV and the after-action deck with a slide per round and the whole path', async () => {
    const s = makeServices()
    let w = await call(s, 'workshop.create', { name: 'Report, "quoted"', from: { doc: defaultScenario(model, 'S') } })
    w = await call(s, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: 'Line one, with a comma', doc: withMeasure(w.pending, 'cn-14nm-approval', { enabled: true }) })
    w = await call(s, 'workshop.applyRound', { id: w.id })
    const csv = await call(s, 'workshop.exportMoves', { id: w.id })
    if (csv.kind !== 'file') throw new Error('expected a file')
    const rows = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'))
    expect(rows[0]).toEqual(['Round', 'Team', 'Move', 'Rationale', 'Recorded at (UTC)', 'Withdrawn at (UTC)'])
    expect(rows[1].slice(0, 4)).toEqual(['1', 'Beijing', 'Switched on CN approval of 14-nm chips', 'Line one, with a comma'])
    const deck = await call(s, 'workshop.afterAction', { id: w.id, format: 'pptx' })
    if (deck.kind !== 'file') throw new Error('expected a file')
    expect(deck.fileName).toBe('report-quoted_after-action.pptx')
    const zip = await JSZip.loadAsync(Buffer.from(deck.base64, 'base64'))
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    expect(slides).toHaveLength(4) // title, round 1 moves, round 1 outcome, the whole path
    const text = await zip.file('ppt/slides/slide2.xml')!.async('string')
    expect(text).toContain('Switched on CN approval of 14-nm chips')
    expect(text).toContain('Line one, with a comma')
    expect(Object.keys(zip.files).some((f) => f.startsWith('ppt/media/'))).toBe(true)
    // The round's bar chart uses the screen's y-axis steps (a fixed 0–100 hid a 1.8 → 1.9 change).
    const chartXml = await zip.file(Object.keys(zip.files).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))!)!.async('string')
    const top = niceCeiling(Math.max(...afterActionContent(model, w, '2026-12-01').rounds[0].exposure.flatMap((x) => [x.before, x.after])))
    expect(top).toBeLessThan(100)
    expect(chartXml).toContain(`<c:max val="${top}"/>`)
    const pdf = await call(s, 'workshop.afterAction', { id: w.id, format: 'pdf' })
    expect(pdf.kind === 'file' && Buffer.from(pdf.base64, 'base64').toString().startsWith('%PDF')).toBe(true)
  })

  it('round-trips a workshop file into another library, and refuses a bad file naming the path, importing nothing', async () => {
    const a = makeServices()
    let w = await call(a, 'workshop.create', { name: 'Portable', from: { doc: defaultScenario(model, 'S') }, teams: ['Beijing', 'Washington', 'Industry'] })
    w = await call(a, 'workshop.recordMoves', { id: w.id, teamId: 'industry', rationale: 'Stockpile', doc: withMeasure(w.pending, 'us-stockpiles', { enabled: false }) })
    w = await call(a, 'workshop.predict', { id: w.id, teamId: 'industry', sector: 'electronics', figure: 12 })
    w = await call(a, 'workshop.applyRound', { id: w.id })
    w = await call(a, 'workshop.startRound', { id: w.id })
    const file = await call(a, 'workshop.exportFile', { id: w.id })
    expect(file.fileName).toBe('portable.workshop.json')

    const b = makeServices()
    const imported = await call(b, 'workshop.importFile', { name: file.fileName, contents: file.contents })
    expect(imported.renamedFrom).toBeNull()
    const strip = (x: Workshop) => ({ ...x, id: '', scenarioId: '', createdAt: '', updatedAt: '', rounds: x.rounds.map((r) => ({ ...r, moves: r.moves.map((m) => ({ ...m, id: '' })) })) })
    const norm = (x: Workshop) => JSON.parse(JSON.stringify(strip(x)).replaceAll('Portable (workshop)', 'N')) as unknown
    expect(norm(imported.workshop)).toEqual(norm(w))
    expect((await call(b, 'scenario.versions', { id: imported.workshop.scenarioId })).items).toHaveLength(2)
    const again = await call(b, 'workshop.importFile', { name: file.fileName, contents: file.contents })
    expect(again).toMatchObject({ renamedFrom: 'Portable', workshop: { name: 'Portable (2)' } })

    const bad = JSON.parse(file.contents)
    bad.workshop.rounds[0].moves[0].teamId = 'nobody'
    bad.workshop.rounds[1].before.measures[0].start = '2025-13-01'
    const err = await failure(b, 'workshop.importFile', { name: 'bad.workshop.json', contents: JSON.stringify(bad) })
    expect(err.code).toBe('invalid_input')
    expect(err.message).toContain('workshop.rounds[0].moves[0].teamId: no team "nobody"')
    expect(err.message).toContain('workshop.rounds[1].before.measures[0].start')
    expect(err.message).toContain('Nothing was imported')
    expect((await failure(b, 'workshop.importFile', { name: 'x.json', contents: '{"format": "chokepoint.workshop", "formatVersion": 9}' })).message).toMatch(/newer Chokepoint/)
    expect((await failure(b, 'workshop.importFile', { name: 'x.json', contents: '{"format": ' })).message).toMatch(/not valid JSON/)
    expect((await call(b, 'workshop.list', {})).items).toHaveLength(2)
    expect((await call(b, 'scenario.list', {})).items).toHaveLength(2)
  })

  it('keeps workshops across a restart of the services (same SQLite file)', async () => {
    const first = makeServices()
    const w = await call(first, 'workshop.create', { name: 'Durable', from: { doc: defaultScenario(model, 'S') } })
    await call(first, 'workshop.recordMoves', { id: w.id, teamId: 'beijing', rationale: 'r', doc: withMeasure(w.pending, 'cn-14nm-approval', { enabled: true }) })
    closeServices(first)
    const second = makeServices(first.dataDir)
    const again = await call(second, 'workshop.get', { id: w.id })
    expect(again.rounds[0].moves.map((m) => m.description)).toEqual(['Switched on CN approval of 14-nm chips'])
  })

  it('exports a timing sweep as CSV and PNG, and names a missing target', async () => {
    const s = makeServices()
    const doc = defaultScenario(model, 'Sweep me')
    const options = { target: { kind: 'measure' as const, id: 'cn-mofcom-18' }, economy: 'us' as const, sector: 'defense' as const, kpi: 'peakExposure' as const, quarters: 3, threshold: 20 }
    const csv = await call(s, 'sweep.export', { doc, options, format: 'csv' })
    if (csv.kind !== 'file') throw new Error('expected a file')
    const rows = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'))
    expect(rows[0]).toEqual(['Shift (quarters)', 'Start date', 'Peak exposure (index 0–100)'])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['-3', '-2', '-1', '0', '1', '2', '3'])
    expect(Number(rows[4][2])).toBeCloseTo(kpis(evaluateView(model, doc).economies.us.defense, 20).peakExposure, 9)
    const png = await call(s, 'sweep.export', { doc, options, format: 'png' })
    expect(png.kind === 'file' && Buffer.from(png.base64, 'base64').subarray(1, 4).toString()).toBe('PNG')
    expect((await failure(s, 'sweep.export', { doc, options: { ...options, target: { kind: 'trigger', id: 't-9' } }, format: 'csv' })).message).toMatch(/no trigger “t-9”/)
  })
})
