import type { z } from 'zod'
import { appContract } from './app'
import { scenarioContract } from './scenarios'
import { exportContract } from './export'
import { workshopContract } from './workshop'

/**
 * The one API contract: method → zod input/output, assembled from one file per feature. Served by
 * `dispatch` in src/services; reached from the renderer through Electron IPC or HTTP (`POST /api/<method>`).
 * A method is declared once, in its feature's file; handler maps use `satisfies Handlers`.
 */
export const contract = {
  ...appContract,
  ...scenarioContract,
  ...exportContract,
  ...workshopContract
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

export * from './scenarios'
export * from './export'
export * from './workshop'
