import type { Model } from '../model/load-model'
import type { GroupSpec, PolicySpec } from './uncertainty-spec'

/*
 * Look-ups on a loaded uncertainty spec, kept apart from its zod schema (uncertainty-spec.ts) so the engine
 * worker, which draws samples but never validates a file, does not bundle zod (npm run bench:bundle).
 */

/** Does assumption id `id` match a group pattern (exact, or prefix with a trailing `*`)? */
export const matchesPattern = (pattern: string, id: string): boolean =>
  pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern

/** Members of a group among the model's assumptions, in model order. */
export const groupMembers = (model: Model, g: GroupSpec): string[] =>
  model.assumptions
    .filter((a) => (g.assumptionGroup !== undefined && (a as { group?: string }).group === g.assumptionGroup) || (g.match ?? []).some((p) => matchesPattern(p, a.id)))
    .map((a) => a.id)

/** Sampling range of a policy parameter: the catalogue's `low`/`high` when present, else the uncertainty file's, else null. */
export const policyRange = (p: PolicySpec, param: Readonly<Record<string, unknown>>): { low: number; high: number } | null =>
  typeof param.low === 'number' && typeof param.high === 'number'
    ? { low: param.low, high: param.high }
    : p.low !== undefined && p.high !== undefined ? { low: p.low, high: p.high } : null
