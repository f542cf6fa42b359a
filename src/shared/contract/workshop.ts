import { z } from 'zod'
import { ECONOMIES, MAX_SWEEP_QUARTERS, SECTORS, SWEEP_KPIS, measureSettingSchema, scenarioDocSchema, triggerSchema } from '../../core'
import { exportResultSchema } from './export'

/**
 * Workshop mode (issue 13): a workshop has teams and rounds, starts from a scenario, and keeps a log of
 * every team's moves with their rationale. The facilitator applies a round (a new version of the workshop's
 * scenario), may hide the results and take predictions first, reveals them, and can undo the last round
 * before the next one starts. Also the timing sweep's export. See docs/WORKSHOP-FORMAT.md.
 */

const id = z.string().uuid()
const timestamp = z.string()
const teamId = z.string().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case team id')
export const workshopName = z.string().trim().min(1, 'a workshop needs a name').max(200)
export const teamName = z.string().trim().min(1, 'a team needs a name').max(60)
const rationale = z.string().trim().max(2000)

/** Most teams a workshop can have (the Climate Action Simulation plays 6–8). */
export const MAX_TEAMS = 8
/** Largest workshop file accepted for import, in characters of JSON text. */
export const MAX_WORKSHOP_FILE_CHARS = 20_000_000

export const teamSchema = z.object({ id: teamId, name: teamName }).strict()

/** KPIs a round's prediction can be about (core `kpis`). */
export const ROUND_KPIS = SWEEP_KPIS
/** What a round's predictions are about: one KPI of one economy × sector. */
export const roundKpiSchema = z
  .object({ economy: z.enum(ECONOMIES), sector: z.enum(SECTORS), kpi: z.enum(ROUND_KPIS), threshold: z.number().min(0).max(100) })
  .strict()

/**
 * A move: one edit of the scenario a planner can make, as the resulting setting. `measure` replaces one
 * measure's setting (on/off, parameters, dates, suspensions); `trigger` adds or replaces a trigger;
 * `trigger-remove` removes one.
 */
export const moveChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('measure'), setting: measureSettingSchema }).strict(),
  z.object({ kind: z.literal('trigger'), trigger: triggerSchema }).strict(),
  z.object({ kind: z.literal('trigger-remove'), id: z.string().min(1).max(64) }).strict()
])

export const moveSchema = z
  .object({
    id: z.string().min(1).max(64),
    round: z.number().int().min(1),
    teamId,
    change: moveChangeSchema,
    /** The move in words ("Switched on Additional tariff from 2025-11-01"). */
    description: z.string().max(1000),
    rationale,
    createdAt: timestamp,
    /** Set when the facilitator withdrew the move before applying the round (kept in the log). */
    withdrawnAt: timestamp.nullable()
  })
  .strict()

export const predictionSchema = z
  .object({
    teamId,
    /** The sector the team expects to move most (on the round's KPI). */
    sector: z.enum(SECTORS),
    /** The team's figure for the round's KPI after the round. */
    figure: z.number().finite().min(-1000).max(1000),
    createdAt: timestamp
  })
  .strict()

/** What a round did, on its KPI: each sector before and after, the sector that moved most. */
export const outcomeSchema = z
  .object({
    sectors: z.array(z.object({ sector: z.enum(SECTORS), before: z.number(), after: z.number() }).strict()),
    mostMoved: z.enum(SECTORS),
    /** The KPI of the round's sector after the round (what the figures are scored against). */
    figure: z.number(),
    /** Points per team this round (see docs/WORKSHOP-FORMAT.md §scoring). */
    points: z.array(z.object({ teamId, sector: z.number().int(), figure: z.number().int() }).strict())
  })
  .strict()

export const roundSchema = z
  .object({
    number: z.number().int().min(1),
    status: z.enum(['open', 'applied']),
    /** Results hidden from the room until the reveal (predictions are taken meanwhile). */
    hidden: z.boolean(),
    revealed: z.boolean(),
    kpi: roundKpiSchema,
    startedAt: timestamp,
    appliedAt: timestamp.nullable(),
    /** The scenario when the round started, and after it was applied (null while open). */
    before: scenarioDocSchema,
    after: scenarioDocSchema.nullable(),
    moves: z.array(moveSchema),
    predictions: z.array(predictionSchema),
    outcome: outcomeSchema.nullable()
  })
  .strict()

export const workshopSummarySchema = z.object({
  id,
  name: z.string(),
  /** The library scenario each applied round writes a version of. */
  scenarioId: id,
  /**
   * The name of the scenario the workshop started from (its own copy is "<workshop> (workshop)"). Null for a
   * workshop stored or exported before this was kept, where it could not be recovered: say it is unknown.
   */
  sourceName: z.string().nullable(),
  teams: z.array(teamSchema),
  rounds: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp
})

export const workshopSchema = workshopSummarySchema.extend({
  rounds: z.array(roundSchema),
  /** Total points per team over revealed rounds. */
  scores: z.array(z.object({ teamId, points: z.number().int() })),
  /** The current round's scenario with its (not withdrawn) moves applied: what applying it would give. */
  pending: scenarioDocSchema
})

const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('measure'), id: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('trigger'), id: z.string().min(1).max(64) }).strict()
])
export const sweepOptionsSchema = z
  .object({
    target,
    economy: z.enum(ECONOMIES),
    sector: z.enum(SECTORS),
    kpi: z.enum(SWEEP_KPIS),
    quarters: z.number().int().min(1).max(MAX_SWEEP_QUARTERS),
    threshold: z.number().min(0).max(100)
  })
  .strict()

const ref = z.object({ id }).strict()
const withDetail = { output: workshopSchema }

export const workshopContract = {
  'workshop.list': { input: z.object({}).strict(), output: z.object({ items: z.array(workshopSummarySchema) }) },
  /**
   * Creates a workshop from a library scenario (`scenarioId`) or a document (an example, the open draft):
   * a copy named after the workshop goes into the library, and round 1 opens on it.
   */
  'workshop.create': {
    input: z
      .object({
        name: workshopName,
        teams: z.array(teamName).min(1).max(MAX_TEAMS).default(['Beijing', 'Washington']),
        from: z.union([z.object({ scenarioId: id }).strict(), z.object({ doc: scenarioDocSchema }).strict()]),
        kpi: roundKpiSchema.default({ economy: 'us', sector: 'defense', kpi: 'peakExposure', threshold: 20 })
      })
      .strict(),
    ...withDetail
  },
  'workshop.get': { input: ref, ...withDetail },
  'workshop.delete': { input: ref, output: z.object({ id, name: z.string() }) },
  'workshop.addTeam': { input: z.object({ id, name: teamName }).strict(), ...withDetail },
  /**
   * Records a team's moves: the differences between the round's pending scenario and `doc` (the draft as
   * the team left it), one move per changed measure or trigger, all with the same rationale.
   */
  'workshop.recordMoves': { input: z.object({ id, teamId, rationale, doc: scenarioDocSchema }).strict(), ...withDetail },
  'workshop.withdrawMove': { input: z.object({ id, moveId: z.string().min(1).max(64) }).strict(), ...withDetail },
  /** Hides or shows the current round's results and sets what its predictions are about. */
  'workshop.configureRound': { input: z.object({ id, hidden: z.boolean().optional(), kpi: roundKpiSchema.optional() }).strict(), ...withDetail },
  'workshop.predict': {
    input: z.object({ id, teamId, sector: z.enum(SECTORS), figure: z.number().finite().min(-1000).max(1000) }).strict(),
    ...withDetail
  },
  /** Applies the current round: a new version of the workshop's scenario, the outcome and the points. */
  'workshop.applyRound': { input: ref, ...withDetail },
  'workshop.reveal': { input: ref, ...withDetail },
  /** Undoes the last applied round (only before the next starts): the scenario gets its earlier state back as a new version. */
  'workshop.undoRound': { input: ref, ...withDetail },
  'workshop.startRound': { input: ref, ...withDetail },
  /** The whole workshop as one `.workshop.json` file (dialog: the desktop app asks where to save it). */
  'workshop.exportFile': {
    input: z.object({ id, dialog: z.boolean().default(false) }).strict(),
    output: z.object({ fileName: z.string(), contents: z.string(), savedTo: z.string().nullable() })
  },
  /** Imports a workshop file, all or nothing; a taken name becomes "Name (2)". */
  'workshop.importFile': {
    input: z.object({ name: z.string().max(300), contents: z.string().max(MAX_WORKSHOP_FILE_CHARS) }).strict(),
    output: z.object({ workshop: workshopSchema, renamedFrom: z.string().nullable() })
  },
  /** The moves log as CSV (round, team, move, rationale, time). */
  'workshop.exportMoves': { input: ref, output: exportResultSchema },
  /** The after-action report: a deck (.pptx) or a PDF. */
  'workshop.afterAction': { input: z.object({ id, format: z.enum(['pptx', 'pdf']) }).strict(), output: exportResultSchema },
  /** A timing sweep of `doc` as a chart (PNG 1920×1080, SVG) or its data (CSV). */
  'sweep.export': {
    input: z.object({ doc: scenarioDocSchema, options: sweepOptionsSchema, format: z.enum(['png', 'svg', 'csv']) }).strict(),
    output: exportResultSchema
  }
} as const

export type Team = z.output<typeof teamSchema>
export type RoundKpi = z.output<typeof roundKpiSchema>
export type MoveChange = z.output<typeof moveChangeSchema>
export type Move = z.output<typeof moveSchema>
export type Prediction = z.output<typeof predictionSchema>
export type Outcome = z.output<typeof outcomeSchema>
export type Round = z.output<typeof roundSchema>
export type WorkshopSummary = z.output<typeof workshopSummarySchema>
export type Workshop = z.output<typeof workshopSchema>
export type SweepOptionsInput = z.output<typeof sweepOptionsSchema>
