import { z } from 'zod'
import { confidenceSchema } from '../model/catalogue-schema'
import type { Model } from '../model/load-model'
import { isoDate } from '../scenario/schema'
import { groupMembers, policyRange } from './uncertainty-lookup'

/**
 * The uncertainty structure (`resources/data/uncertainty.json`, docs/MODEL.md §6): which measure
 * parameters are sampled and how they load on the Beijing / Washington posture factors, the odds a
 * suspension is extended, which assumptions move together (groups with a stated rank correlation),
 * and how posture tilts scenario branches. Data, validated here against the model it is used with.
 */

const identifier = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case identifier')
/** A rank correlation or loading in [−1, 1] (Spearman). */
const correlation = z.number().min(-1).max(1)

/** The two latent posture factors (hawkish = high). */
export const POSTURES = ['beijing', 'washington'] as const
/** One of POSTURES. */
export type Posture = (typeof POSTURES)[number]

const policySchema = z
  .object({
    measure: identifier,
    param: identifier,
    posture: z.enum(POSTURES),
    /** Rank correlation between the posture and the parameter (+: hawkish raises it). */
    loading: correlation,
    /** Why the parameter moves with the posture, in that direction. */
    reasoning: z.string().min(10),
    /** Fallback sampling range for a catalogue param without its own `low`/`high` (the catalogue's win). */
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    source: z.string().min(3).optional(),
    confidence: confidenceSchema.optional()
  })
  .strict()
  .refine((p) => (p.low === undefined) === (p.high === undefined), { message: 'give both low and high, or neither', path: ['low'] })
  .refine((p) => p.low === undefined || p.high === undefined || p.low <= p.high, { message: 'low above high', path: ['low'] })

const extensionSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    posture: z.enum(POSTURES),
    /** Suspensions ending on one of these dates (in the listed measures) are the ones that may be extended. */
    until: z.array(isoDate).min(1),
    measures: z.array(identifier).min(1),
    /** Probability the suspensions are extended. */
    probability: z.number().min(0).max(1),
    /** Rank correlation between the posture and the suspension lapsing (+: hawkish lets it lapse). */
    loading: correlation,
    extendMonths: z.number().int().min(1).max(60),
    source: z.string().min(3),
    confidence: confidenceSchema
  })
  .strict()

const groupSchema = z
  .object({
    id: identifier,
    label: z.string().min(1),
    /** Members: every assumption whose dataset `group` is this one … */
    assumptionGroup: z.string().min(1).optional(),
    /** … and/or these assumption ids (a trailing `*` matches a prefix). */
    match: z.array(z.string().min(1)).min(1).optional(),
    /** Members entering with the opposite sign (they fall when the others rise). */
    negative: z.array(identifier).default([]),
    /** Rank correlation between any two members (exchangeable), 0–0.95. */
    spearman: z.number().min(0).max(0.95),
    reasoning: z.string().min(10)
  })
  .strict()
  .refine((g) => g.assumptionGroup !== undefined || g.match !== undefined, { message: 'give assumptionGroup, match, or both', path: ['match'] })

/** The whole uncertainty file (after loading, `skipped` lists entries that did not apply to the model). */
export const uncertaintySpecSchema = z
  .object({
    uncertaintyVersion: z.string().min(1),
    about: z.string().optional(),
    postures: z.object({ retaliation: z.number().min(-0.95).max(0.95), reasoning: z.string().min(10), source: z.string().min(3), confidence: confidenceSchema }).strict(),
    policy: z.array(policySchema),
    extensions: z.array(extensionSchema),
    groups: z.array(groupSchema),
    branchTilt: z
      .object({ posture: z.enum(POSTURES), loading: correlation, hawkishness: z.record(identifier, z.number().finite()), reasoning: z.string().min(10) })
      .strict()
  })
  .strict()
/** A validated uncertainty file; `skipped` (set by a lenient load) names entries dropped because they do not fit the model. */
export type UncertaintySpec = z.infer<typeof uncertaintySpecSchema> & { skipped?: readonly string[] }
/** One sampled measure parameter. */
export type PolicySpec = UncertaintySpec['policy'][number]
/** One extension package. */
export type ExtensionSpec = UncertaintySpec['extensions'][number]
/** One correlated assumption group. */
export type GroupSpec = UncertaintySpec['groups'][number]

/** Thrown by `loadUncertainty` with every problem and its path. */
export class UncertaintySpecError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(`invalid uncertainty.json (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.slice(0, 5).join('; ')}`)
    this.name = 'UncertaintySpecError'
    this.problems = problems
  }
}

export { matchesPattern, groupMembers, policyRange } from './uncertainty-lookup'

/**
 * Validate the uncertainty file (untrusted JSON) and check it against the model: every measure and
 * parameter exists, has a sampling range (the catalogue's, else the file's) holding its default, every
 * group matches at least two assumptions and no assumption sits in two groups. Malformed JSON always
 * throws `UncertaintySpecError`. Entries that do not fit the model throw too when `strict` (tests, the
 * CLI's checks); the app loads leniently so a catalogue change cannot stop it from starting: such
 * entries are dropped and named in `skipped` (a unit test keeps the shipped files strict-clean).
 */
export const loadUncertainty = (json: unknown, model: Model, opts: { strict?: boolean } = {}): UncertaintySpec => {
  const parsed = uncertaintySpecSchema.safeParse(json)
  if (!parsed.success) throw new UncertaintySpecError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`))
  const spec = parsed.data
  const problems: string[] = []
  const seenParam = new Set<string>()
  const policy = spec.policy.filter((p, i) => {
    const before = problems.length
    const mi = model.measureIndex.get(p.measure)
    const param = mi === undefined ? undefined : model.measures[mi]?.params.find((x) => x.id === p.param)
    if (mi === undefined) problems.push(`policy[${i}].measure: unknown measure "${p.measure}"`)
    else if (!param) problems.push(`policy[${i}].param: measure "${p.measure}" has no param "${p.param}"`)
    else {
      const range = policyRange(p, param)
      if (range === null) problems.push(`policy[${i}]: ${p.measure}.${p.param} has no sampling range (none in the catalogue, none here)`)
      else {
        const { low, high } = range
        if (param.default < low || param.default > high) problems.push(`policy[${i}]: the catalogue default ${param.default} of ${p.measure}.${p.param} lies outside [${low}, ${high}]`)
        if (low < param.min || high > param.max) problems.push(`policy[${i}]: range [${low}, ${high}] leaves the param's bounds [${param.min}, ${param.max}]`)
      }
    }
    const key = `${p.measure}.${p.param}`
    if (seenParam.has(key)) problems.push(`policy[${i}]: ${key} listed twice`)
    seenParam.add(key)
    return problems.length === before
  })
  const extensions = spec.extensions.filter((x, i) => {
    const before = problems.length
    x.measures.forEach((m, j) => {
      if (!model.measureIndex.has(m)) problems.push(`extensions[${i}].measures[${j}]: unknown measure "${m}"`)
    })
    return problems.length === before
  })
  const owner = new Map<string, string>()
  const groups = spec.groups.filter((g, i) => {
    const before = problems.length
    const members = groupMembers(model, g)
    if (members.length < 2) problems.push(`groups[${i}] (${g.id}): matches ${members.length} assumption(s); a group needs at least two`)
    for (const id of members) {
      const prev = owner.get(id)
      if (prev !== undefined) problems.push(`groups[${i}] (${g.id}): assumption "${id}" is already in group "${prev}"`)
    }
    g.negative.forEach((id, j) => {
      if (!members.includes(id)) problems.push(`groups[${i}].negative[${j}]: "${id}" is not a member of the group`)
    })
    const ok = problems.length === before
    if (ok) for (const id of members) owner.set(id, g.id)
    return ok
  })
  if (problems.length > 0 && opts.strict !== false) throw new UncertaintySpecError(problems)
  return { ...spec, policy, extensions, groups, skipped: problems }
}
