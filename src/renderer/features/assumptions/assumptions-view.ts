import { ASSUMPTION_GROUP_LABELS, type Assumption, type AssumptionGroup } from '../../../core'

/** Headings for the dataset's assumption groups (defined in core with the groups themselves). */
export const GROUP_LABELS: Record<AssumptionGroup, string> = ASSUMPTION_GROUP_LABELS

export type Filter = { text: string; onlyOverridden: boolean }

/** Assumptions matching the filter (label, id, unit or source text; case-insensitive), grouped in dataset order. */
export function filterAssumptions(all: readonly Assumption[], overrides: Readonly<Record<string, number>>, f: Filter) {
  const needle = f.text.trim().toLowerCase()
  const hit = (a: Assumption) =>
    (!f.onlyOverridden || a.id in overrides) &&
    (needle === '' || [a.label, a.id, a.unit, a.source, GROUP_LABELS[a.group]].some((s) => s.toLowerCase().includes(needle)))
  const groups = new Map<AssumptionGroup, Assumption[]>()
  for (const a of all) {
    if (!hit(a)) continue
    const list = groups.get(a.group) ?? []
    list.push(a)
    groups.set(a.group, list)
  }
  return [...groups.entries()].map(([group, items]) => ({ group, label: GROUP_LABELS[group], items }))
}

/** A sensible input step for an assumption: a hundredth of its range (or of its value), rounded to 1-2-5. */
export function stepFor(a: Pick<Assumption, 'value' | 'low' | 'high'>): number {
  const span = a.low !== undefined && a.high !== undefined && a.high > a.low ? a.high - a.low : Math.abs(a.value) || 1
  const raw = span / 100
  const p = 10 ** Math.floor(Math.log10(raw))
  const m = raw / p
  return Number(((m < 2 ? 1 : m < 5 ? 2 : 5) * p).toPrecision(1))
}

/** Outside the documented low–high range? (Allowed, but flagged: the Monte Carlo range no longer brackets it.) */
export const outsideRange = (a: Pick<Assumption, 'low' | 'high'>, v: number) => (a.low !== undefined && v < a.low) || (a.high !== undefined && v > a.high)
