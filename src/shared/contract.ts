import { z } from 'zod'
import { scenarioDocSchema } from '../core'

/**
 * The one API contract: method → zod input/output. Served by `dispatch` in src/services, reached from
 * the renderer through Electron IPC or HTTP (`POST /api/<method>`). Add a method here and nowhere else;
 * handler maps use `satisfies Handlers`.
 */
const scenarioId = z.string().uuid()
const timestamp = z.string() // ISO-8601 with milliseconds, UTC

export const scenarioSummarySchema = z.object({
  id: scenarioId,
  name: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp
})

export const scenarioRecordSchema = scenarioSummarySchema.extend({ doc: scenarioDocSchema })

export const contract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({ appVersion: z.string(), datasetVersion: z.string(), dataDir: z.string(), runtime: z.enum(['electron', 'web']) })
  },
  'scenario.list': {
    input: z.object({ query: z.string().max(200).default('') }).strict(),
    output: z.object({ items: z.array(scenarioSummarySchema) })
  },
  'scenario.get': {
    input: z.object({ id: scenarioId }).strict(),
    output: scenarioRecordSchema
  },
  'scenario.save': {
    input: z
      .object({ id: scenarioId.optional(), doc: scenarioDocSchema, label: z.string().max(200).optional() })
      .strict(),
    output: scenarioSummarySchema
  },
  'scenario.delete': {
    input: z.object({ id: scenarioId }).strict(),
    output: z.object({ id: scenarioId })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type Method = keyof Contract
export const METHODS = Object.keys(contract) as Method[]
export const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(contract, name)

/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<Contract[M]['input']>
/** What a handler receives after validation (defaults applied). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>
export type ScenarioSummary = z.output<typeof scenarioSummarySchema>
export type ScenarioRecord = z.output<typeof scenarioRecordSchema>
