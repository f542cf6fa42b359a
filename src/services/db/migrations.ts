import type { Database } from 'better-sqlite3'

/**
 * Append-only, numbered schema migrations. Migration N (1-based, its index + 1) brings the database
 * from user_version N-1 to N. Never edit a migration that has shipped; add a new one.
 */
export type Migration = { name: string; up: (db: Database) => void }

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'scenarios and their version history',
    up: (db) => {
      db.exec(`
        CREATE TABLE scenarios (
          id              TEXT PRIMARY KEY,
          name            TEXT NOT NULL,
          notes           TEXT NOT NULL DEFAULT '',
          tags            TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
          doc             TEXT NOT NULL,                -- validated scenario document (JSON)
          schema_version  INTEGER NOT NULL,
          version         INTEGER NOT NULL,             -- latest version number
          created_at      TEXT NOT NULL,
          updated_at      TEXT NOT NULL,
          deleted_at      TEXT                          -- set when moved to the trash
        ) STRICT;
        CREATE INDEX scenarios_name ON scenarios (name COLLATE NOCASE);
        CREATE UNIQUE INDEX scenarios_live_name ON scenarios (name COLLATE NOCASE) WHERE deleted_at IS NULL;
        CREATE TABLE scenario_versions (
          scenario_id     TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
          version         INTEGER NOT NULL,
          label           TEXT,
          doc             TEXT NOT NULL,
          schema_version  INTEGER NOT NULL,
          created_at      TEXT NOT NULL,
          PRIMARY KEY (scenario_id, version)
        ) STRICT;
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL                            -- JSON
        ) STRICT;
      `)
    }
  },
  {
    // Library search at scale (10,000 scenarios): tags and switched-on measures get lookup tables with
    // indexes (filled from the existing rows), and the live list gets an index in its display order.
    name: 'library search: tag and measure lookup tables, list order index',
    up: (db) => {
      db.exec(`
        CREATE TABLE scenario_tags (
          scenario_id  TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
          tag          TEXT NOT NULL COLLATE NOCASE,
          PRIMARY KEY (scenario_id, tag)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX scenario_tags_tag ON scenario_tags (tag, scenario_id);
        CREATE TABLE scenario_measures (
          scenario_id  TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
          measure_id   TEXT NOT NULL,
          PRIMARY KEY (scenario_id, measure_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX scenario_measures_measure ON scenario_measures (measure_id, scenario_id);
        CREATE INDEX scenarios_live_updated ON scenarios (updated_at DESC, name, id) WHERE deleted_at IS NULL;
        CREATE INDEX scenarios_trash ON scenarios (deleted_at) WHERE deleted_at IS NOT NULL;
        INSERT OR IGNORE INTO scenario_tags (scenario_id, tag)
          SELECT s.id, trim(t.value) FROM scenarios s, json_each(s.tags) t WHERE t.type = 'text' AND trim(t.value) <> '';
        -- Materialized so json_each never sees a malformed document (it would abort the migration).
        WITH valid AS MATERIALIZED (SELECT id, doc FROM scenarios WHERE json_valid(doc))
        INSERT OR IGNORE INTO scenario_measures (scenario_id, measure_id)
          SELECT v.id, json_extract(m.value, '$.id') FROM valid v, json_each(v.doc, '$.measures') m
          WHERE json_extract(m.value, '$.enabled') = 1 AND json_type(m.value, '$.id') = 'text';
      `)
    }
  },
  {
    // The autosaved working draft, so a crash or kill loses at most the last moments of editing.
    name: 'autosaved working draft',
    up: (db) => {
      db.exec(`
        CREATE TABLE drafts (
          slot          TEXT PRIMARY KEY,
          doc           TEXT NOT NULL,                -- scenario document (JSON), validated on the way in and out
          scenario_id   TEXT,                         -- saved scenario it was opened from (no FK: it may be trashed)
          base_version  INTEGER,
          dirty         INTEGER NOT NULL CHECK (dirty IN (0, 1)),
          saved_at      TEXT NOT NULL
        ) STRICT;
      `)
    }
  },
  {
    // Measured at 10,000 scenarios × 20 versions (bench/library.bench.ts): a scenario row is ~3 KB (its
    // document), so any search that had to read rows cost 30–130 ms. Two covering indexes over the live
    // rows hold what the list filters and sorts on (id, name, notes, time — and deleted_at, always null here,
    // because SQLite still tests the partial index's condition), so a search reads only index pages; and the
    // tag/measure lookups now hold live scenarios only, so the tag counts need no join.
    name: 'library search: covering indexes for the live list; lookups only for live scenarios',
    up: (db) => {
      db.exec(`
        DROP INDEX IF EXISTS scenarios_live_updated;
        CREATE INDEX scenarios_live_by_updated ON scenarios (updated_at DESC, id, name, notes, deleted_at) WHERE deleted_at IS NULL;
        CREATE INDEX scenarios_live_by_name ON scenarios (name COLLATE NOCASE, id, notes, deleted_at) WHERE deleted_at IS NULL;
        DELETE FROM scenario_tags WHERE scenario_id IN (SELECT id FROM scenarios WHERE deleted_at IS NOT NULL);
        DELETE FROM scenario_measures WHERE scenario_id IN (SELECT id FROM scenarios WHERE deleted_at IS NOT NULL);
      `)
    }
  },
  {
    // Workshop mode (issue 13): teams, rounds, the moves log and predictions. A workshop points at the library
    // scenario its applied rounds are versions of; each round also keeps its own before/after documents, so
    // the workshop (its log, report and file) stands on its own even if that scenario is trashed.
    name: 'workshops: teams, rounds, moves log, predictions',
    up: (db) => {
      db.exec(`
        CREATE TABLE workshops (
          id            TEXT PRIMARY KEY,
          name          TEXT NOT NULL,
          scenario_id   TEXT NOT NULL,                 -- no FK: the scenario may be trashed or purged later
          teams         TEXT NOT NULL,                 -- JSON array of {id, name}
          created_at    TEXT NOT NULL,
          updated_at    TEXT NOT NULL
        ) STRICT;
        CREATE UNIQUE INDEX workshops_name ON workshops (name COLLATE NOCASE);
        CREATE TABLE workshop_rounds (
          workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
          number        INTEGER NOT NULL CHECK (number >= 1),
          status        TEXT NOT NULL CHECK (status IN ('open', 'applied')),
          hidden        INTEGER NOT NULL CHECK (hidden IN (0, 1)),
          revealed      INTEGER NOT NULL CHECK (revealed IN (0, 1)),
          kpi           TEXT NOT NULL,                 -- JSON {economy, sector, kpi, threshold}
          doc_before    TEXT NOT NULL,                 -- scenario document (JSON) when the round started
          doc_after     TEXT,                          -- … and once applied
          outcome       TEXT,                          -- JSON, once applied
          started_at    TEXT NOT NULL,
          applied_at    TEXT,
          PRIMARY KEY (workshop_id, number)
        ) STRICT;
        CREATE TABLE workshop_moves (
          id            TEXT PRIMARY KEY,
          workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
          round         INTEGER NOT NULL,
          seq           INTEGER NOT NULL,              -- order of recording within the workshop
          team_id       TEXT NOT NULL,
          change        TEXT NOT NULL,                 -- JSON move (measure setting, trigger, trigger removal)
          description   TEXT NOT NULL,
          rationale     TEXT NOT NULL,
          created_at    TEXT NOT NULL,
          withdrawn_at  TEXT,
          FOREIGN KEY (workshop_id, round) REFERENCES workshop_rounds (workshop_id, number) ON DELETE CASCADE
        ) STRICT;
        CREATE UNIQUE INDEX workshop_moves_order ON workshop_moves (workshop_id, seq);
        CREATE TABLE workshop_predictions (
          workshop_id   TEXT NOT NULL,
          round         INTEGER NOT NULL,
          team_id       TEXT NOT NULL,
          sector        TEXT NOT NULL,
          figure        REAL NOT NULL,
          created_at    TEXT NOT NULL,
          PRIMARY KEY (workshop_id, round, team_id),
          FOREIGN KEY (workshop_id, round) REFERENCES workshop_rounds (workshop_id, number) ON DELETE CASCADE
        ) STRICT;
      `)
    }
  },
  {
    // Drafts belong to a window or tab (its draft id is the slot), so two tabs never share one. `seq` orders a
    // tab's own writes: a slow autosave that lands after a newer save or discard of the same draft is ignored.
    // A discarded draft stays as a row with dirty = 0 (a tombstone with its seq) until it is written again.
    name: 'drafts per window or tab, with write order',
    up: (db) => {
      db.exec(`ALTER TABLE drafts ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;`)
    }
  },
  {
    // A workshop keeps the name of the scenario it started from (its own copy is called "<workshop> (workshop)",
    // which the after-action report used to show as the start). Workshops stored before: the name is read back
    // from the label their scenario's first version was given at creation (`Workshop “W” started from “S”`);
    // where that label is gone or different (an imported workshop, a purged scenario) it stays NULL, unknown.
    name: 'workshops: the starting scenario’s name',
    up: (db) => {
      db.exec(`ALTER TABLE workshops ADD COLUMN source_name TEXT;`)
      const rows = db
        .prepare<[], { id: string; name: string; label: string | null }>(
          `SELECT w.id, w.name, v.label FROM workshops w JOIN scenario_versions v ON v.scenario_id = w.scenario_id AND v.version = 1`
        )
        .all()
      const set = db.prepare(`UPDATE workshops SET source_name = ? WHERE id = ?`)
      for (const r of rows) {
        const source = startingNameFromLabel(r.name, r.label)
        if (source !== null) set.run(source, r.id)
      }
    }
  }
]

/**
 * The starting scenario's name in the label a workshop's scenario got at creation, `Workshop “W” started from
 * “S”` (the repository's wording since workshops exist), or null when the label is not that one.
 */
export function startingNameFromLabel(workshop: string, label: string | null): string | null {
  const head = `Workshop “${workshop}” started from “`
  if (label === null || !label.startsWith(head) || !label.endsWith('”') || label.length <= head.length + 1) return null
  return label.slice(head.length, -1)
}
