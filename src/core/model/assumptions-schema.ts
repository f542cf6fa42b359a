import { z } from 'zod'
import { CHANNELS } from '../engine/types'
import { isoDate } from '../scenario/schema'
import { confidenceSchema } from './catalogue-schema'

/**
 * The baseline dataset (`resources/data/assumptions.json`): every figure with its source.
 * `value` is the base case; `low`/`high` bound the uncertainty used by Monte Carlo and the tornado.
 * Invariant (checked): low ≤ value ≤ high when both are present.
 */

const identifier = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case identifier')

/** Groups used to organise the assumptions view. */
export const ASSUMPTION_GROUPS = [
  'supply-shares', 'capacity', 'sector-intensity', 'buffers', 'substitution',
  'chips', 'coverage', 'trade', 'prices', 'flows'
] as const
/** One of ASSUMPTION_GROUPS. */
export type AssumptionGroup = (typeof ASSUMPTION_GROUPS)[number]

/** One sourced figure. */
export const assumptionSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    value: z.number().finite(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: z.string(),
    year: z.union([z.number().int(), z.string()]),
    /** Source text (URL where known) or "GUESS — modelling judgement". Never empty. */
    source: z.string().min(3),
    confidence: confidenceSchema,
    group: z.enum(ASSUMPTION_GROUPS),
    note: z.string().optional()
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.low === undefined) !== (a.high === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give both low and high, or neither', path: ['low'] })
    }
    if (a.low !== undefined && a.low > a.value) ctx.addIssue({ code: 'custom', message: `low ${a.low} is above the base value ${a.value}`, path: ['low'] })
    if (a.high !== undefined && a.high < a.value) ctx.addIssue({ code: 'custom', message: `high ${a.high} is below the base value ${a.value}`, path: ['high'] })
    if (/guess/i.test(a.source) && a.confidence !== 'L') {
      ctx.addIssue({ code: 'custom', message: 'a GUESS must carry confidence L', path: ['confidence'] })
    }
  })
/** A validated assumption. */
export type Assumption = z.infer<typeof assumptionSchema>

/** An announced allied (ex-China) project, held as data; the capacity measure brings it on stream. */
export const projectSchema = z
  .object({
    id: identifier,
    name: z.string().min(1),
    operator: z.string().min(1),
    country: z.string().min(1),
    stage: z.enum(['separation', 'metal-alloy', 'magnets']),
    /** Exposure channel whose China dependence the output displaces. */
    channel: z.enum(CHANNELS),
    /** Nameplate capacity in `unit` per year (incremental to what existed in 2024). */
    capacity: z.number().positive(),
    unit: z.string(),
    /** Date commissioning starts (ramp begins). */
    commissioning: isoDate,
    /** Multiplier on the generic ramp time (1 = `ramp-quarters`). */
    rampScale: z.number().positive().default(1),
    /** True when the US government takes the output first (defence priority). */
    defensePriority: z.boolean().default(false),
    source: z.string().min(3),
    confidence: confidenceSchema,
    note: z.string().optional()
  })
  .strict()
/** A validated allied project. */
export type Project = z.infer<typeof projectSchema>

/** The whole dataset file; assumption ids are unique. */
export const datasetSchema = z
  .object({
    datasetVersion: z.string().min(1),
    asOf: isoDate,
    assumptions: z.array(assumptionSchema).min(1),
    projects: z.array(projectSchema)
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>()
    d.assumptions.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', message: `assumption "${a.id}" appears twice`, path: ['assumptions', i, 'id'] })
      seen.add(a.id)
    })
  })
/** A validated dataset. */
export type Dataset = z.infer<typeof datasetSchema>
