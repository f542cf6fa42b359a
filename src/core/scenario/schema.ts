import { z } from 'zod'
import { refuseXmlForbidden } from './safe-text'

/**
 * The scenario document: what the app saves, imports, exports and what the CLI runs.
 * Versioned; older documents are upgraded by pure functions in `upgrade.ts`, newer ones are refused.
 * See docs/SCENARIO-FORMAT.md.
 */
export const SCENARIO_SCHEMA_VERSION = 2
/** Value of the `format` field of every scenario document. */
export const SCENARIO_FORMAT = 'chokepoint.scenario'

/** ISO calendar date, `YYYY-MM-DD`, validated as a real date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'not a real calendar date')

/** A quarter label, `YYYY-Qn`. */
export const quarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected a quarter as YYYY-Qn, e.g. 2025-Q1')

const identifier = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case identifier')
/**
 * Hard bound on every free number of a document (parameter values, assumption overrides): far beyond any
 * real quantity here (the largest base value is ≈ 60,000 t), and far enough from overflow that no product
 * the engine forms reaches Infinity. The catalogue check narrows each to its own range.
 */
export const HARD_NUMBER_LIMIT = 1e9
const finite = z.number().finite().min(-HARD_NUMBER_LIMIT).max(HARD_NUMBER_LIMIT)

/** A pause in a measure: it is inactive from `from` (inclusive) until `until` (exclusive); `until` null = open-ended. */
export const suspensionSchema = z
  .object({ from: isoDate, until: isoDate.nullable(), note: z.string().max(500).superRefine(refuseXmlForbidden('the note')).default('') })
  .strict()
  .refine((s) => s.until === null || s.until > s.from, { message: 'suspension ends before it starts', path: ['until'] })

/** A planner's setting for one catalogue measure. Parameters absent here take the catalogue default. */
export const measureSettingSchema = z
  .object({
    id: identifier,
    enabled: z.boolean(),
    params: z.record(identifier, finite).default({}),
    start: isoDate,
    end: isoDate.nullable().default(null),
    suspensions: z.array(suspensionSchema).max(20).default([])
  })
  .strict()
  .refine((m) => m.end === null || m.end > m.start, { message: 'end is before start', path: ['end'] })

/** "If measure `ifMeasure` is active, measure `thenMeasure` starts `lagQuarters` later at `intensity`." */
export const triggerSchema = z
  .object({
    id: identifier,
    ifMeasure: identifier,
    thenMeasure: identifier,
    lagQuarters: z.number().int().min(0).max(20),
    intensity: z.number().min(0).max(1)
  })
  .strict()
  .refine((t) => t.ifMeasure !== t.thenMeasure, { message: 'a measure cannot trigger itself', path: ['thenMeasure'] })

/**
 * A branch's patch of one measure: the fields given replace the scenario's setting (`params` are merged
 * over it, `suspensions` replace the list). A measure the scenario does not list is patched over its
 * catalogue default.
 */
export const branchMeasurePatchSchema = z
  .object({
    id: identifier,
    enabled: z.boolean().optional(),
    start: isoDate.optional(),
    end: isoDate.nullable().optional(),
    params: z.record(identifier, finite).optional(),
    suspensions: z.array(suspensionSchema).max(20).optional()
  })
  .strict()

/** Most branches a scenario may carry. */
export const MAX_BRANCHES = 8
/** Tolerance on "branch probabilities sum to 1". */
export const BRANCH_PROBABILITY_TOLERANCE = 1e-6

/**
 * One branch of a discrete uncertainty (e.g. what Beijing does when the No. 70 suspension ends):
 * a label, its probability and the measure settings it patches. `note` says why that probability.
 */
export const branchSchema = z
  .object({
    id: identifier.refine((id) => id !== 'mixture', '"mixture" is reserved for the probability-weighted view'),
    label: z.string().trim().min(1).max(80).superRefine(refuseXmlForbidden('the branch label')),
    probability: z.number().min(0).max(1),
    note: z.string().max(2000).superRefine(refuseXmlForbidden('the branch note')).default(''),
    measures: z.array(branchMeasurePatchSchema).max(200).default([])
  })
  .strict()
  .superRefine((b, ctx) => {
    const seen = new Set<string>()
    b.measures.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `measure "${m.id}" is patched twice in this branch`, path: ['measures', i, 'id'] })
      seen.add(m.id)
      if (m.start !== undefined && m.end !== undefined && m.end !== null && m.end <= m.start) {
        ctx.addIssue({ code: 'custom', message: 'end is before start', path: ['measures', i, 'end'] })
      }
    })
  })

/** Simulated period: first quarter and number of quarters (4–40). */
export const horizonSchema = z
  .object({ start: quarterId, quarters: z.number().int().min(4).max(40) })
  .strict()

/** A scenario document (current version); measure ids must be unique. */
export const scenarioDocSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    name: z.string().trim().min(1, 'a scenario needs a name').max(200).superRefine(refuseXmlForbidden('the name')),
    notes: z.string().max(20_000).superRefine(refuseXmlForbidden('the notes')).default(''),
    tags: z.array(z.string().trim().min(1).max(40).superRefine(refuseXmlForbidden('a tag'))).max(30).default([]),
    /** Dataset version the scenario was built against (informational; the current dataset is used to run it). */
    datasetVersion: z.string().max(40),
    horizon: horizonSchema,
    /** Seed of the Monte Carlo bands: same seed, same bands. */
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    measures: z.array(measureSettingSchema).max(200),
    /** Assumption id → overriding base value (same unit as the assumption). */
    overrides: z.record(identifier, finite).default({}),
    triggers: z.array(triggerSchema).max(50).default([]),
    /** Discrete branches (0 or 2–8); their probabilities sum to 1. Empty = one certain path. */
    branches: z.array(branchSchema).max(MAX_BRANCHES).default([]),
    /** What the screen shows: `'mixture'` (probability-weighted mean of the branches) or one branch id. */
    branchView: z.string().min(1).max(64).default('mixture')
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>()
    doc.measures.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `measure "${m.id}" appears twice`, path: ['measures', i, 'id'] })
      seen.add(m.id)
    })
    const ids = new Set<string>()
    doc.branches.forEach((b, i) => {
      if (ids.has(b.id)) ctx.addIssue({ code: 'custom', message: `branch "${b.id}" appears twice`, path: ['branches', i, 'id'] })
      ids.add(b.id)
    })
    if (doc.branches.length > 0) {
      const total = doc.branches.reduce((acc, b) => acc + b.probability, 0)
      if (Math.abs(total - 1) > BRANCH_PROBABILITY_TOLERANCE) {
        ctx.addIssue({ code: 'custom', message: `branch probabilities must sum to 1 (they sum to ${Number(total.toFixed(6))})`, path: ['branches'] })
      }
    }
    if (doc.branchView !== 'mixture' && !ids.has(doc.branchView)) {
      ctx.addIssue({ code: 'custom', message: `branchView "${doc.branchView}" is neither "mixture" nor a branch id`, path: ['branchView'] })
    }
  })

/** Inferred types of the scenario schema. */
export type IsoDate = string
export type QuarterId = string
export type Suspension = z.infer<typeof suspensionSchema>
export type MeasureSetting = z.infer<typeof measureSettingSchema>
export type Trigger = z.infer<typeof triggerSchema>
export type BranchMeasurePatch = z.infer<typeof branchMeasurePatchSchema>
export type Branch = z.infer<typeof branchSchema>
export type Horizon = z.infer<typeof horizonSchema>
export type ScenarioDoc = z.infer<typeof scenarioDocSchema>
