import { describe, expect, it } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS, startingNameFromLabel } from './migrations'

// Found by name, not position: another branch may append its own migration first when both are merged.
const index = MIGRATIONS.findIndex((m) => m.name.startsWith('workshops: the starting scenario'))

describe('migration: a workshop keeps its starting scenario’s name', () => {
  it('exists, after the workshops migration', () => {
    expect(index).toBeGreaterThan(MIGRATIONS.findIndex((m) => m.name.startsWith('workshops: teams')))
  })

  it('reads the name back from the label the workshop’s scenario got at creation; leaves it unknown otherwise', () => {
    const db = new BetterSqlite3(':memory:')
    MIGRATIONS.slice(0, index).forEach((m) => m.up(db))
    // Versions without their scenario rows: only the labels matter here.
    db.pragma('foreign_keys = OFF')
    const workshop = db.prepare(`INSERT INTO workshops (id, name, scenario_id, teams, created_at, updated_at) VALUES (?, ?, ?, '[]', 'now', 'now')`)
    const version = db.prepare(`INSERT INTO scenario_versions (scenario_id, version, label, doc, schema_version, created_at) VALUES (?, ?, ?, '{}', 1, 'now')`)
    // Created in the app: the first version's label names the start (a name with quotes and a “ of its own too).
    workshop.run('w1', 'Seminar', 's1')
    version.run('s1', 1, 'Workshop “Seminar” started from “As known”')
    version.run('s1', 2, 'Workshop round 1 applied (1 move)')
    workshop.run('w2', 'Quoted “W”', 's2')
    version.run('s2', 1, 'Workshop “Quoted “W”” started from “The “hawk” case, 2026”')
    // Imported from a file: another label. Its scenario purged: no version at all.
    workshop.run('w3', 'Imported', 's3')
    version.run('s3', 1, 'Imported from portable.workshop.json')
    workshop.run('w4', 'Purged', 's4')
    MIGRATIONS[index].up(db)
    const names = db.prepare(`SELECT id, source_name FROM workshops ORDER BY id`).all()
    expect(names).toEqual([
      { id: 'w1', source_name: 'As known' },
      { id: 'w2', source_name: 'The “hawk” case, 2026' },
      { id: 'w3', source_name: null },
      { id: 'w4', source_name: null }
    ])
    db.close()
  })

  it('parses only the creation label of that very workshop', () => {
    expect(startingNameFromLabel('A', 'Workshop “A” started from “B”')).toBe('B')
    expect(startingNameFromLabel('A', 'Workshop “Other” started from “B”')).toBeNull()
    expect(startingNameFromLabel('A', 'Workshop “A” started from “”')).toBeNull()
    expect(startingNameFromLabel('A', 'Workshop “A” started from “B')).toBeNull()
    expect(startingNameFromLabel('A', null)).toBeNull()
  })
})
