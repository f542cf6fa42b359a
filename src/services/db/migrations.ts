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
  }
]
