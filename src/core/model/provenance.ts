import { CHANNELS, ECONOMIES, SECTORS } from '../engine/types'
import type { Dataset } from './assumptions-schema'
import type { Catalogue, Side } from './catalogue-schema'
import { guessInputShare } from './guess'
import { REQUIRED_ASSUMPTIONS, costShareKey, critKey, requiredForCatalogue } from './keys'

/**
 * Provenance rules that span both data files (docs/MODEL.md §2.1):
 * 1. every assumption is read by the engine (no sourced figure that moves nothing);
 * 2. no source text is shared by a Beijing-side and a Washington-side input unless it is marked
 *    `covers: "both"` (a MOFCOM licensing figure says nothing about BIS);
 * plus `countGuessInputs`, the count of inputs that rest on judgement rather than a source.
 */

/** One provenance problem: which file, where, and why. */
export type ProvenanceIssue = { file: 'measures' | 'assumptions'; path: string; message: string }

/**
 * Every assumption id the engine may read: the required ids, every criticality weight and cost
 * share (optional, absent = 0) and every coverage κ the catalogue names. The engine-reads test
 * (provenance.test.ts) checks this against what the engine actually looks up.
 */
export const engineReadIds = (catalogue: { readonly measures: readonly Catalogue['measures'][number][] }): Set<string> => {
  const ids = new Set<string>([...REQUIRED_ASSUMPTIONS, ...requiredForCatalogue(catalogue)])
  for (const e of ECONOMIES) for (const s of SECTORS) for (const k of CHANNELS) {
    ids.add(critKey(e, s, k))
    ids.add(costShareKey(e, s, k))
  }
  for (const m of catalogue.measures) for (const c of m.channels) if (c.coverage !== undefined) ids.add(c.coverage)
  return ids
}

/** Assumptions no engine path reads (refused by the loader: remove them or wire them in). */
export const unreadAssumptions = (catalogue: { readonly measures: readonly Catalogue['measures'][number][] }, dataset: Pick<Dataset, 'assumptions'>): ProvenanceIssue[] => {
  const read = engineReadIds(catalogue)
  return dataset.assumptions.flatMap((a, i) => (read.has(a.id)
    ? []
    : [{ file: 'assumptions' as const, path: `assumptions[${i}].id`, message: `assumption "${a.id}" is never read by the engine: wire it in (keys.ts) or remove it` }]))
}

/** Citation segments of a source text: split on ";" and lower-cased; short fragments ("GAC") ignored. */
const SEGMENT_MIN = 25
const segments = (source: string): string[] =>
  source.split(';').map((s) => s.trim().toLowerCase().replace(/\s+/g, ' ')).filter((s) => s.length >= SEGMENT_MIN)

type Citation = { side: Side; file: ProvenanceIssue['file']; path: string }

/**
 * Source segments shared between a Beijing-side and a Washington-side input. Inputs: measure
 * parameters (side = the measure's) and coverage assumptions (side = the measures naming them).
 * A parameter marked `covers: "both"` is exempt.
 */
export const sharedAcrossSides = (catalogue: Pick<Catalogue, 'measures'>, dataset: Pick<Dataset, 'assumptions'>): ProvenanceIssue[] => {
  const bySegment = new Map<string, Citation[]>()
  const cite = (source: string, c: Citation): void => {
    for (const seg of segments(source)) bySegment.set(seg, [...(bySegment.get(seg) ?? []), c])
  }
  const coverageSides = new Map<string, Set<Side>>()
  catalogue.measures.forEach((m, i) => {
    m.params.forEach((p, j) => {
      if (p.covers !== 'both') cite(p.source, { side: m.side, file: 'measures', path: `measures[${i}].params[${j}].source` })
    })
    for (const c of m.channels) {
      if (c.coverage === undefined) continue
      coverageSides.set(c.coverage, (coverageSides.get(c.coverage) ?? new Set<Side>()).add(m.side))
    }
  })
  dataset.assumptions.forEach((a, i) => {
    for (const side of coverageSides.get(a.id) ?? []) cite(a.source, { side, file: 'assumptions', path: `assumptions[${i}].source` })
  })
  const issues: ProvenanceIssue[] = []
  for (const [seg, cites] of bySegment) {
    const bj = cites.find((c) => c.side === 'beijing')
    const wa = cites.find((c) => c.side === 'washington')
    if (bj && wa) {
      issues.push({ file: wa.file, path: wa.path, message: `source "${seg.slice(0, 60)}…" is also cited by Beijing-side ${bj.path}: find evidence for this side, mark it GUESS, or mark the parameter covers: "both"` })
    }
  }
  return issues
}

/** GUESS inputs of a model: how many, and which (`assumption:<id>`, `measure:<id>.<param>`, `project:<id>`). */
export type GuessCount = { assumptions: number; params: number; projects: number; total: number; ids: string[] }

/**
 * Count the inputs whose source is a GUESS (judgement, confidence L): assumptions, measure
 * parameters and allied projects. A view of `guessInputShare` (guess.ts), the one count the CLI, the
 * evidence view and the decks share.
 */
export const countGuessInputs = (model: Parameters<typeof guessInputShare>[0]): GuessCount => {
  const c = guessInputShare(model)
  return { assumptions: c.assumptions.guess, params: c.params.guess, projects: c.projects.guess, total: c.guess, ids: c.ids }
}
