import type { ScenarioDoc } from '../../core'
import { attribute } from '../../core/analysis/attribution'
import { model } from '../../shared/dataset'
import type { JobKind } from './protocol'

export type TornadoBar = { id: string; label: string; kind: 'assumption' | 'measure'; lowInput: string; highInput: string; lowValue: number; highValue: number }
/** The tornado as the view draws it, largest swing first. */
export type TornadoResult = { base: number; unit: string; bars: TornadoBar[] }

type DocInput = { doc: ScenarioDoc }

/**
 * The work the engine worker does, as plain functions of plain data (the doc crosses by structured
 * clone). Also called on the main thread when a worker cannot start.
 */
export function runJob(kind: JobKind, input: unknown): unknown {
  switch (kind) {
    case 'attribution':
      return attribute(model, (input as DocInput).doc)
    default:
      throw new Error(`${kind} is not available in this version of the model`)
  }
}
