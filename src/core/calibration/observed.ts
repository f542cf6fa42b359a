import { z } from 'zod'

/**
 * What happened in 2025 (`resources/data/observed-2025.json`): China's magnet exports, globally and to
 * the US, with their 2024 bases, and dated industry events. Every figure carries its source; `derived`
 * marks arithmetic on reported figures. Validated here so a typo in the data fails loudly.
 */

const sourced = { derived: z.boolean(), source: z.string().min(3) }
const tonnes = z.number().finite().nonnegative()
const monthSchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), tonnes, ...sourced }).strict()
const quarterSchema = z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/), tonnes, ...sourced }).strict()
const totalSchema = z.object({ tonnes, ...sourced }).strict()

const flowSchema = z
  .object({
    label: z.string().min(1),
    months: z.array(monthSchema),
    quarters: z.array(quarterSchema).length(4),
    year: totalSchema,
    base2024: z.object({ quarters: z.array(quarterSchema).length(4), year: totalSchema }).strict()
  })
  .strict()

/** A dated event the model should reproduce in direction and timing. */
export const observedEventSchema = z
  .object({
    id: z.string().min(1),
    /** ISO date; for a month-long or year-long event, a representative day (`dateNote` says which period). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dateNote: z.string().optional(),
    what: z.string().min(1),
    economy: z.enum(['us', 'cn']),
    sector: z.enum(['defense', 'autos', 'electronics']),
    /** `stoppage`: production lines stopped; `absence`: the period passed without one. */
    kind: z.enum(['stoppage', 'absence']),
    /** The channel the event came through, when it was not magnets (e.g. `legacy_chips` for Nexperia). */
    channel: z.string().optional(),
    source: z.string().min(3)
  })
  .strict()
/** One validated event. */
export type ObservedEvent = z.infer<typeof observedEventSchema>

/** The whole observed-2025 file. */
export const observedSchema = z
  .object({
    format: z.literal('chokepoint.observed'),
    version: z.string().min(1),
    about: z.string(),
    unit: z.literal('t'),
    flows: z.object({ global: flowSchema, usBound: flowSchema }).strict(),
    events: z.array(observedEventSchema)
  })
  .strict()
/** The validated observed-2025 data. */
export type Observed = z.infer<typeof observedSchema>
/** One flow (global or US-bound). */
export type ObservedFlow = Observed['flows']['global']

/** Validate untrusted JSON; throws an Error naming each offending path. */
export const parseObserved = (json: unknown): Observed => {
  const r = observedSchema.safeParse(json)
  if (!r.success) throw new Error(`invalid observed data: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
  return r.data
}

/** Observed ratios to 2024, the same definition as the engine's `magnetExportsIndex` (quarter ÷ same quarter of 2024). */
export type ObservedRatios = { quarters: string[]; quarter: number[]; year: number }

/** Quarterly ratios to the same quarter of 2024 and the full-year ratio of one flow. */
export const observedRatios = (flow: ObservedFlow): ObservedRatios => ({
  quarters: flow.quarters.map((q) => q.quarter),
  quarter: flow.quarters.map((q, i) => q.tonnes / (flow.base2024.quarters[i]?.tonnes ?? Number.NaN)),
  year: flow.year.tonnes / flow.base2024.year.tonnes
})

/** `2025-05` → `2025-Q2`. */
export const quarterOfMonth = (month: string): string => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
