import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkOverrideRanges, checkScenario, evaluateView, parseScenarioDoc, SCENARIO_SCHEMA_VERSION } from '../core'
import { model } from '../shared/dataset'

/**
 * The example scenarios shipped in resources/scenarios: each one loads without an upgrade, validates
 * against this build's catalogue and dataset, names every catalogue measure (a lever a file does not
 * name would apply silently at its catalogue default), says in its notes what the last upgrade added,
 * and runs.
 */
const folder = join(process.cwd(), 'resources', 'scenarios')
const files = readdirSync(folder).filter((f) => f.endsWith('.chokepoint.json'))
/** The levers dataset 2026.12.1 added: the 2026.12.2 upgrade of the bundled scenarios lists them. */
const ADDED_IN_2026_12_1 = ['cn-mofcom-10', 'cn-gagesb-licensing', 'cn-nexperia-stop', 'us-aero-engine-licences', 'us-ai-accelerator-licences', 'us-sme-servicing', 'us-concentrate-stop']

describe('bundled scenarios', () => {
  it('holds the four documented examples (and any added since: each is checked below)', () => {
    expect(files).toEqual(expect.arrayContaining(['2025-as-it-happened.chokepoint.json', 'allied-build-out.chokepoint.json', 'escalation-14nm-symmetry.chokepoint.json', 'truce-holds.chokepoint.json']))
  })

  for (const file of files) {
    describe(file, () => {
      const raw = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>
      const parsed = parseScenarioDoc(raw)

      it('loads as the current format, for the current dataset, with no upgrade step', () => {
        if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '))
        expect(raw.schemaVersion).toBe(SCENARIO_SCHEMA_VERSION)
        expect(parsed.upgradedFrom).toBeNull()
        expect(parsed.doc.datasetVersion).toBe(model.datasetVersion)
      })

      it('validates: known measures, parameters in range, known assumptions, overrides in range', () => {
        if (!parsed.ok) throw new Error('does not parse')
        expect(checkScenario(model, parsed.doc)).toEqual([])
        expect(checkOverrideRanges(model, parsed.doc)).toEqual([])
      })

      it('lists every catalogue measure exactly once', () => {
        if (!parsed.ok) throw new Error('does not parse')
        const ids = parsed.doc.measures.map((m) => m.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect([...ids].sort()).toEqual(model.measures.map((m) => m.id).sort())
      })

      it('says in its notes what the 2026.12.2 upgrade added', () => {
        if (!parsed.ok) throw new Error('does not parse')
        expect(parsed.doc.notes).toMatch(/Upgraded for dataset 2026\.12\.2/)
        for (const id of ADDED_IN_2026_12_1) expect(parsed.doc.notes).toContain(id)
      })

      it('runs: every series is a finite index in [0, 100]', () => {
        if (!parsed.ok) throw new Error('does not parse')
        const r = evaluateView(model, parsed.doc)
        for (const e of ['us', 'cn'] as const) {
          for (const s of ['defense', 'autos', 'electronics'] as const) {
            for (const v of [...r.economies[e][s].exposure, ...r.economies[e][s].cost]) {
              expect(Number.isFinite(v)).toBe(true)
              expect(v).toBeGreaterThanOrEqual(0)
              expect(v).toBeLessThanOrEqual(100)
            }
          }
        }
      })
    })
  }
})
