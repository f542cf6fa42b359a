import { z } from 'zod'
import { CHANNELS } from '../engine/types'
import { isoDate } from '../scenario/schema'
import { confidenceSchema } from './catalogue-schema'
import { guessProblems } from './guess'

/**
 * The baseline dataset (`resources/data/assumptions.json`): every figure with its source.
 * `value` is the base case; `low`/`high` bound the uncertainty used by Monte Carlo and the tornado.
 * Invariant (checked): low ≤ value ≤ high when both are present.
 */

const identifier = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case identifier')

/**
 * Assumption groups: the assumptions view's headings and the units of correlated sampling
 * (issue 12 draws one shared factor per group, so members move together). A small fixed set:
 * - `china-shares`: China's share of allied supply by material and stage (σ) and related content shares;
 * - `tech-shares`: US-controlled shares of China's chips/software supply, and node shares of chip needs;
 * - `policy`: the reach of a measure (coverage κ, DFARS scope, end-use dependence);
 * - `buffers`: firm inventories, restocking headroom, government stocks;
 * - `substitution`: thrift, redesign and trade diversion;
 * - `criticality`: how much a sector's output depends on a channel (`crit-*`);
 * - `project-timing`: ramp, on-schedule odds, delays of allied projects;
 * - `demand`: allied demand denominators, defence share, export trend;
 * - `price-multiples`: ex-China price multiples in a shock;
 * - `cost`: cost-share scales and reference prices;
 * - `trade`: tariff base, elasticity, pass-through and bilateral trade shares.
 */
export const ASSUMPTION_GROUPS = [
  'china-shares', 'tech-shares', 'policy', 'buffers', 'substitution', 'criticality',
  'project-timing', 'demand', 'price-multiples', 'cost', 'trade'
] as const
/** One of ASSUMPTION_GROUPS. */
export type AssumptionGroup = (typeof ASSUMPTION_GROUPS)[number]
/** Display heading of each group (the assumptions view and exports read these). */
export const ASSUMPTION_GROUP_LABELS: Record<AssumptionGroup, string> = {
  'china-shares': 'China supply shares',
  'tech-shares': 'US technology shares',
  policy: 'Reach of measures',
  buffers: 'Buffers and stocks',
  substitution: 'Substitution',
  criticality: 'Sector criticality',
  'project-timing': 'Allied project timing',
  demand: 'Demand',
  'price-multiples': 'Shock price multiples',
  cost: 'Costs and prices',
  trade: 'Trade and tariffs'
}

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
    for (const problem of guessProblems(a.source, a.confidence)) ctx.addIssue({ code: 'custom', message: problem, path: problem.startsWith('a GUESS must carry') ? ['confidence'] : ['source'] })
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
    /**
     * `metal-alloy` projects feed ex-China magnet makers (capacity in t RE metal/yr, channel `ndfeb`) and
     * never count as magnet supply themselves; `recycling` makes magnets (or magnet alloy) from scrap, so it
     * needs neither China feed nor bought metal (docs/MODEL.md §3.3).
     */
    stage: z.enum(['separation', 'metal-alloy', 'magnets', 'recycling']),
    /** Magnet makers that reduce their own NdPr metal (MP: mine-to-magnet) do not draw on the metal stage. */
    ownMetal: z.boolean().default(false),
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
