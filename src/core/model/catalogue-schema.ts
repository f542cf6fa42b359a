import { z } from 'zod'
import { CHANNELS, ECONOMIES, SECTORS } from '../engine/types'
import { isoDate, suspensionSchema } from '../scenario/schema'
import { guessProblems } from './guess'

/**
 * The measures catalogue (`resources/data/measures.json`): data, not code. Each measure names the
 * engine mechanism that interprets it and the parameters that mechanism reads; see docs/MODEL.md §2.
 */

const identifier = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case identifier')

/** Which side takes the measure. */
export const SIDES = ['beijing', 'washington'] as const
/** One of SIDES. */
export type Side = (typeof SIDES)[number]

/** Policy family, used by the UI to group measures. */
export const MEASURE_KINDS = [
  'materials-licensing', 'extraterritorial', 'technology', 'chips', 'tariffs',
  'software-cloud', 'capacity', 'stockpiles', 'sourcing-rules'
] as const
/** One of MEASURE_KINDS. */
export type MeasureKind = (typeof MEASURE_KINDS)[number]

/**
 * How the engine interprets a measure:
 * - `licensing`: a licence gate on flows (approval rate, lag, adaptation) — also bans (approval ≈ 0);
 * - `tariff`: trade loss ε·ln((1+τ0+rate)/(1+τ0)) on the covered share;
 * - `sourcing-rule`: self-imposed exclusion of China-origin material (DFARS);
 * - `capacity`: allied projects (from the dataset) come on stream, funding moves timing and odds;
 * - `tech-ramp`: equipment/technology bans slowing allied ramps (not flows);
 * - `stockpile`: government stocks filled and released against gaps.
 */
export const MECHANISMS = ['licensing', 'tariff', 'sourcing-rule', 'capacity', 'tech-ramp', 'stockpile'] as const
/** One of MECHANISMS. */
export type Mechanism = (typeof MECHANISMS)[number]

/** Parameter ids each mechanism reads; the primary (slider) param must be the first listed. */
export const MECHANISM_PARAMS: Record<Mechanism, { required: readonly string[]; optional: readonly string[] }> = {
  licensing: { required: ['approval'], optional: ['initial-approval', 'initial-weeks', 'lag-weeks', 'us-initial-factor', 'us-initial-weeks', 'defense-approval', 'chip-approval', 'approval-y-sc'] },
  tariff: { required: ['rate', 'scope'], optional: [] },
  'sourcing-rule': { required: ['enforcement'], optional: ['waiver', 'waiver-weeks', 'prestock-quarters'] },
  capacity: { required: ['funding'], optional: [] },
  'tech-ramp': { required: ['intensity'], optional: ['odds-penalty'] },
  stockpile: { required: ['fill'], optional: ['release'] }
}

/** Confidence code: H (primary or ≥2 sources), M (one credible source), L (weak source or GUESS). */
export const confidenceSchema = z.enum(['H', 'M', 'L'])
/** H | M | L. */
export type Confidence = z.infer<typeof confidenceSchema>

/**
 * A typed, bounded parameter. Exactly one per measure is `primary` (the intensity slider).
 * `low`/`high` bound what is plausible for the default (sampled by the uncertainty analysis);
 * `min`/`max` bound what a user may choose. Invariant: min ≤ low ≤ default ≤ high ≤ max.
 */
export const paramSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    unit: z.string(),
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().positive(),
    default: z.number().finite(),
    low: z.number().finite(),
    high: z.number().finite(),
    primary: z.boolean().optional(),
    /** Where the default comes from: a source supporting this value for this side, or `GUESS — <rationale>`. */
    source: z.string().min(3),
    confidence: confidenceSchema,
    /**
     * `both`: the source text genuinely covers both sides (e.g. a treaty text), so it may be shared
     * with a parameter of the other side; otherwise sharing a source across sides is refused.
     */
    covers: z.literal('both').optional()
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.min > p.default || p.default > p.max) ctx.addIssue({ code: 'custom', message: 'default outside [min, max]', path: ['default'] })
    if (p.low > p.default) ctx.addIssue({ code: 'custom', message: `low ${p.low} is above the default ${p.default}`, path: ['low'] })
    if (p.high < p.default) ctx.addIssue({ code: 'custom', message: `high ${p.high} is below the default ${p.default}`, path: ['high'] })
    if (p.low < p.min || p.high > p.max) ctx.addIssue({ code: 'custom', message: `range ${p.low}–${p.high} outside [${p.min}, ${p.max}]`, path: ['low'] })
    for (const problem of guessProblems(p.source, p.confidence)) ctx.addIssue({ code: 'custom', message: problem, path: problem.startsWith('a GUESS must carry') ? ['confidence'] : ['source'] })
  })
/** A validated measure parameter. */
export type MeasureParam = z.infer<typeof paramSchema>

/** One channel a measure acts on, for one economy. `coverage` names the assumption holding κ. */
export const effectSchema = z
  .object({
    economy: z.enum(ECONOMIES),
    channel: z.enum(CHANNELS),
    how: z.string().min(1),
    /** `direct`: the China-origin (or US-controlled) share; `indirect`: third-country goods caught extraterritorially. */
    pool: z.enum(['direct', 'indirect']).default('direct'),
    /** Assumption id whose value is the share of the pool the measure covers (κ, 0–1). */
    coverage: identifier.optional(),
    /** Restrict to these sectors (default: all three). */
    sectors: z.array(z.enum(SECTORS)).min(1).optional(),
    /** Param id holding the approval rate for this effect (default `approval`). */
    approvalParam: identifier.optional()
  })
  .strict()
/** A validated channel effect. */
export type MeasureEffect = z.infer<typeof effectSchema>

/** The legal instrument behind a measure, where one exists. */
export const instrumentSchema = z
  .object({
    name: z.string().min(1),
    announced: isoDate.optional(),
    effective: isoDate.optional(),
    suspendedUntil: isoDate.optional(),
    url: z.string().optional(),
    source: z.string().min(1)
  })
  .strict()

/** The measure's documented ('as known') state. */
export const measureDefaultSchema = z
  .object({ enabled: z.boolean(), start: isoDate, end: isoDate.nullable(), suspensions: z.array(suspensionSchema) })
  .strict()

/** One catalogue measure; checks the primary param and the params its mechanism reads. */
export const measureSchema = z
  .object({
    id: identifier,
    side: z.enum(SIDES),
    kind: z.enum(MEASURE_KINDS),
    mechanism: z.enum(MECHANISMS),
    title: z.string().min(1),
    /** The name legends and the timeline use, short enough for a projector legend. */
    short: z.string().min(1).max(32),
    description: z.string().min(1),
    instrument: instrumentSchema.nullable(),
    confidence: confidenceSchema,
    channels: z.array(effectSchema),
    default: measureDefaultSchema,
    params: z.array(paramSchema).min(1)
  })
  .strict()
  .superRefine((m, ctx) => {
    const primaries = m.params.filter((p) => p.primary === true)
    if (primaries.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `exactly one param must be primary (found ${primaries.length})`, path: ['params'] })
    }
    const spec = MECHANISM_PARAMS[m.mechanism]
    const ids = new Set(m.params.map((p) => p.id))
    for (const req of spec.required) {
      if (!ids.has(req)) ctx.addIssue({ code: 'custom', message: `mechanism "${m.mechanism}" needs param "${req}"`, path: ['params'] })
    }
    m.params.forEach((p, i) => {
      if (!spec.required.includes(p.id) && !spec.optional.includes(p.id)) {
        ctx.addIssue({ code: 'custom', message: `param "${p.id}" is not read by mechanism "${m.mechanism}"`, path: ['params', i, 'id'] })
      }
    })
    if (primaries.length === 1 && primaries[0]?.id !== spec.required[0]) {
      ctx.addIssue({ code: 'custom', message: `the primary param of a "${m.mechanism}" measure must be "${spec.required[0]}"`, path: ['params'] })
    }
    m.channels.forEach((c, i) => {
      if (c.approvalParam !== undefined && !ids.has(c.approvalParam)) {
        ctx.addIssue({ code: 'custom', message: `unknown approvalParam "${c.approvalParam}"`, path: ['channels', i, 'approvalParam'] })
      }
    })
  })
/** A validated catalogue measure. */
export type Measure = z.infer<typeof measureSchema>

/** The whole catalogue file; measure ids are unique. */
export const catalogueSchema = z
  .object({
    catalogueVersion: z.string().min(1),
    measures: z.array(measureSchema).min(1)
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>()
    c.measures.forEach((m, i) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `measure "${m.id}" appears twice`, path: ['measures', i, 'id'] })
      seen.add(m.id)
    })
  })
/** A validated catalogue. */
export type Catalogue = z.infer<typeof catalogueSchema>
