import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

// Found by name, not position: another branch may append its own migration first when both are merged.
const index = MIGRATIONS.findIndex((m) => m.name.startsWith('workshops:'))

describe('migration: workshops, rounds, moves log, predictions', () => {
  it('exists, after the four library migrations', () => {
    expect(index).toBeGreaterThanOrEqual(4)
  })

  it('creates tables whose constraints hold: unique names, valid round states, moves and predictions belong to a round and cascade', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma('foreign_keys = ON')
    MIGRATIONS.slice(0, index + 1).forEach((m) => m.up(db))
    const ws = db.prepare(`INSERT INTO workshops (id, name, scenario_id, teams, created_at, updated_at) VALUES (?, ?, 's', '[]', 'now', 'now')`)
    ws.run('w1', 'Seminar')
    expect(() => ws.run('w2', 'SEMINAR')).toThrow(/UNIQUE/)
    const round = db.prepare(`INSERT INTO workshop_rounds (workshop_id, number, status, hidden, revealed, kpi, doc_before, started_at) VALUES ('w1', ?, ?, ?, 0, '{}', '{}', 'now')`)
    round.run(1, 'open', 0)
    expect(() => round.run(2, 'closed', 0)).toThrow(/CHECK/)
    expect(() => round.run(2, 'open', 2)).toThrow(/CHECK/)
    expect(() => round.run(0, 'open', 0)).toThrow(/CHECK/)
    const move = db.prepare(`INSERT INTO workshop_moves (id, workshop_id, round, seq, team_id, change, description, rationale, created_at) VALUES (?, 'w1', ?, ?, 'beijing', '{}', 'd', 'r', 'now')`)
    move.run('m1', 1, 1)
    expect(() => move.run('m2', 3, 2)).toThrow(/FOREIGN KEY/) // no round 3
    expect(() => move.run('m3', 1, 1)).toThrow(/UNIQUE/) // order is unique within a workshop
    const predict = db.prepare(`INSERT INTO workshop_predictions (workshop_id, round, team_id, sector, figure, created_at) VALUES ('w1', 1, ?, 'defense', 12.5, 'now')`)
    predict.run('beijing')
    expect(() => predict.run('beijing')).toThrow(/UNIQUE|PRIMARY/)
    db.prepare(`DELETE FROM workshops WHERE id = 'w1'`).run()
    for (const table of ['workshop_rounds', 'workshop_moves', 'workshop_predictions']) expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0)
    db.close()
  })
})
