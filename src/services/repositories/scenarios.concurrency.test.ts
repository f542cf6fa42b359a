import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database, Statement } from 'better-sqlite3'
import { defaultScenario } from '../../core'
import { model } from '../../shared/dataset'
import { openDatabase } from '../db/open'
import { createScenarioRepository } from './scenarios'

/**
 * Two connections on one file stand for the desktop app and the web host. These tests place the other
 * process's write at the exact moment that used to go wrong, so they fail every time without the fix
 * (the two-host test in src/web shows the same under real load, but only by chance).
 */
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const clock = () => new Date('2026-12-01T00:00:00Z')
const doc = (name: string, notes: string) => ({ ...defaultScenario(model, name), notes })

function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'cp-conc-'))
  dirs.push(dir)
  const file = join(dir, 'db.sqlite')
  const a = openDatabase(file)
  const b = openDatabase(file)
  return { a, b, file }
}

const SUMMARY_QUERY = /WHERE s\.id = \? AND s\.deleted_at IS NULL/
const STATE_QUERY = /^SELECT name, deleted_at, version FROM scenarios WHERE id = \?$/

/** Wraps `db` so that `interfere(inTransaction)` runs just before each execution of the statements whose SQL matches `which`. */
function withInterference(db: Database, which: RegExp, interfere: (inTransaction: boolean) => void): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') {
        const value = Reflect.get(target, key, target) as unknown
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      }
      return (sql: string) => {
        const statement = target.prepare(sql)
        if (!which.test(sql)) return statement
        return new Proxy(statement, {
          get(st, k) {
            const v = Reflect.get(st, k, st) as unknown
            if (k !== 'get') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(st) : v
            return (...args: unknown[]) => {
              interfere(target.inTransaction)
              return (st as Statement).get(...args)
            }
          }
        })
      }
    }
  })
}

describe('saves from two processes on one library', () => {
  it('a save answers with the version it wrote, even when another process saves right after its commit', () => {
    const { a, b } = twoConnections()
    const other = createScenarioRepository(b, clock)
    const created = other.save({ doc: doc('Shared', 'first') })
    let armed = true
    const mine = createScenarioRepository(
      // Just before the summary is read outside a transaction: between a save's commit and its answer.
      withInterference(a, SUMMARY_QUERY, (inTransaction) => {
        if (!armed || inTransaction) return
        armed = false
        other.save({ id: created.id, doc: doc('Shared', 'theirs'), baseVersion: 2 })
      }),
      clock
    )
    const saved = mine.save({ id: created.id, doc: doc('Shared', 'mine'), baseVersion: 1 })
    expect(saved.version).toBe(2)
    expect(mine.version(created.id, saved.version).doc.notes).toBe('mine')
    a.close()
    b.close()
  })

  it('a save holds the write lock from its first read, so another process cannot slip a write in and make it fail', () => {
    const { a, b } = twoConnections()
    const other = createScenarioRepository(b, clock)
    const created = other.save({ doc: doc('Shared', 'first') })
    let otherWrote: boolean | null = null
    const mine = createScenarioRepository(
      // Just as the save reads the scenario's state for its conflict check, the other process tries to write.
      withInterference(a, STATE_QUERY, (inTransaction) => {
        if (!inTransaction || otherWrote !== null) return
        b.pragma('busy_timeout = 0')
        try {
          b.prepare(`INSERT INTO settings (key, value) VALUES ('other', '1')`).run()
          otherWrote = true
        } catch (e) {
          expect((e as { code?: string }).code).toMatch(/^SQLITE_BUSY/)
          otherWrote = false
        } finally {
          b.pragma('busy_timeout = 5000')
        }
      }),
      clock
    )
    // A deferred transaction had only a read snapshot here: the other write went in, and this save then failed
    // with SQLITE_BUSY at once (no waiting helps: its snapshot is stale). BEGIN IMMEDIATE holds the write lock.
    const saved = mine.save({ id: created.id, doc: doc('Shared', 'mine'), baseVersion: 1 })
    expect(otherWrote).toBe(false)
    expect(saved.version).toBe(2)
    a.close()
    b.close()
  })
})
