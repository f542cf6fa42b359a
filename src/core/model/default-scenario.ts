import { SCENARIO_FORMAT, SCENARIO_SCHEMA_VERSION, type Branch, type BranchMeasurePatch, type ScenarioDoc } from '../scenario/schema'
import type { Model } from './load-model'

/** Default horizon: 2025-Q1 plus 24 quarters (through 2030-Q4). */
export const DEFAULT_HORIZON = { start: '2025-Q1', quarters: 24 } as const

/**
 * The dated suspensions of the Busan package (Oct–Nov 2025) end in November 2026: MOFCOM/GAC No. 70
 * (Nos. 56, 57, 61, 62 to 10 Nov), the Ga/Ge/Sb US-ban suspension (to 27 Nov) and, on Washington's
 * side, the Affiliates-rule suspension (to 10 Nov). What happens then is a choice, not a date: the
 * default carries it as three branches (docs/MODEL.md §"What the default says and why").
 */
const SUSPENSION_ENDS_FROM = '2026-11-01'
const SUSPENSION_ENDS_TO = '2026-11-30'

/** Branch ids of the default scenario and the one it shows. */
export const DEFAULT_BRANCHES = { extended: 'extended', reactivated: 'reactivated', lapsed: 'lapsed' } as const
export const DEFAULT_BRANCH_VIEW = DEFAULT_BRANCHES.extended

/** Probabilities (GUESS, confidence L) and the argument for each; they sum to 1. */
const BRANCH_SPECS = [
  {
    id: DEFAULT_BRANCHES.extended,
    label: 'Suspensions extended a year',
    probability: 0.6,
    note: 'GUESS (L), argued from 2025: every truce deadline was extended rather than left to snap back — the Geneva 90-day tariff truce (12 May) was extended on 11 Aug and folded into the one-year Busan package (30 Oct; No. 70 of 7 Nov); both sides keep the measures as suspended levers, which is cheaper to prolong than to re-impose. Shown by default as the most likely branch.'
  },
  {
    id: DEFAULT_BRANCHES.reactivated,
    label: 'Re-activated on the end dates',
    probability: 0.25,
    note: 'GUESS (L): the legal default if nothing is announced — the suspended measures return on 10 Nov (Ga/Ge/Sb ban 27 Nov) 2026, as Beijing escalated on 9 Oct 2025 when talks stalled. This is the documented state of every measure (no patches).'
  },
  {
    id: DEFAULT_BRANCHES.lapsed,
    label: 'Suspended measures lapse',
    probability: 0.15,
    note: 'GUESS (L): Beijing (and Washington for the Affiliates rule) let the suspended measures lapse for good as part of a wider deal; least likely because MOFCOM framed No. 70 as a suspension that keeps the lever, not a repeal.'
  }
] as const

const plusOneYear = (iso: string): string => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`

/** The branch set over the November 2026 suspension ends, built from the catalogue's dated suspensions. */
export const suspensionBranches = (model: Model): Branch[] => {
  const ending = model.measures.filter((m) => m.default.suspensions.some((s) => s.until !== null && s.until >= SUSPENSION_ENDS_FROM && s.until <= SUSPENSION_ENDS_TO))
  const patch = (until: (u: string) => string | null): BranchMeasurePatch[] => ending.map((m) => ({
    id: m.id,
    suspensions: m.default.suspensions.map((s) => (s.until !== null && s.until >= SUSPENSION_ENDS_FROM && s.until <= SUSPENSION_ENDS_TO ? { ...s, until: until(s.until) } : { ...s }))
  }))
  if (ending.length === 0) return []
  return BRANCH_SPECS.map((b) => ({
    id: b.id,
    label: b.label,
    probability: b.probability,
    note: b.note,
    measures: b.id === DEFAULT_BRANCHES.extended ? patch(plusOneYear) : b.id === DEFAULT_BRANCHES.lapsed ? patch(() => null) : []
  }))
}

/**
 * The "as known" scenario: every catalogue measure in its documented state (dates, suspensions
 * such as MOFCOM No. 70, default parameters), no overrides, no triggers, seed 1, plus the branch set
 * over the November 2026 suspension ends; it shows the `extended` branch (the most likely one).
 * Every measure is listed explicitly so the document stays meaningful if the catalogue changes.
 */
export const defaultScenario = (model: Model, name = 'As known (baseline)'): ScenarioDoc => {
  const branches = suspensionBranches(model)
  return {
    format: SCENARIO_FORMAT,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    name,
    notes: `Measures as documented on ${model.asOf} (dataset ${model.datasetVersion}). The suspensions ending in November 2026 are a branch: ${branches.map((b) => `${b.label} (${Math.round(b.probability * 100)} %)`).join(', ')}; the screen shows "${branches.find((b) => b.id === DEFAULT_BRANCH_VIEW)?.label ?? DEFAULT_BRANCH_VIEW}", the most likely one — pick another branch or the mixture to compare.`,
    tags: ['baseline'],
    datasetVersion: model.datasetVersion,
    horizon: { ...DEFAULT_HORIZON },
    seed: 1,
    measures: model.measures.map((m) => ({
      id: m.id,
      enabled: m.default.enabled,
      params: Object.fromEntries(m.params.map((p) => [p.id, p.default])),
      start: m.default.start,
      end: m.default.end,
      suspensions: m.default.suspensions.map((s) => ({ ...s }))
    })),
    overrides: {},
    triggers: [],
    branches,
    branchView: branches.length > 0 ? DEFAULT_BRANCH_VIEW : 'mixture'
  }
}
