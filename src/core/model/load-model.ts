import { z } from 'zod'
import { catalogueSchema, type Catalogue, type Measure } from './catalogue-schema'
import { datasetSchema, type Assumption, type Dataset, type Project } from './assumptions-schema'
import { REQUIRED_ASSUMPTIONS, requiredForCatalogue } from './keys'
import { sharedAcrossSides, unreadAssumptions } from './provenance'

/**
 * A validated, indexed model: the measures catalogue plus the baseline dataset.
 * Invariants: every assumption id the engine reads exists; every coverage reference in the
 * catalogue names an existing assumption; every assumption is read by the engine; no source text is
 * shared across sides unless marked so (provenance.ts); `baseValues[i]` is `assumptions[i].value`.
 */
export type Model = {
  catalogueVersion: string
  datasetVersion: string
  /** Date the dataset reflects (ISO). */
  asOf: string
  measures: readonly Measure[]
  measureIndex: ReadonlyMap<string, number>
  assumptions: readonly Assumption[]
  assumptionIndex: ReadonlyMap<string, number>
  /** Base values, aligned with `assumptions` (engine reads these unless overridden). */
  baseValues: Float64Array
  projects: readonly Project[]
}

/** One validation problem: a dotted/bracketed path into the offending file and a message. */
export type ModelIssue = { file: 'measures' | 'assumptions'; path: string; message: string }

/** Thrown by `loadModel`; `issues` lists every problem, `message` names the first few with paths. */
export class ModelLoadError extends Error {
  readonly issues: readonly ModelIssue[]
  constructor(issues: readonly ModelIssue[]) {
    const head = issues.slice(0, 5).map((i) => `${i.file}.json ${i.path || '(root)'}: ${i.message}`).join('; ')
    super(`invalid model data (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${head}`)
    this.name = 'ModelLoadError'
    this.issues = issues
  }
}

/** Format a zod issue path as `measures[3].params[0].default`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '')

const zodIssues = (file: ModelIssue['file'], err: z.ZodError): ModelIssue[] =>
  err.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message }))

/**
 * Validate and index the catalogue (`measures.json`) and dataset (`assumptions.json`).
 * Both arguments are untrusted (`unknown`); throws `ModelLoadError` naming each offending path.
 */
export const loadModel = (measuresJson: unknown, assumptionsJson: unknown): Model => {
  const cat = catalogueSchema.safeParse(measuresJson)
  const data = datasetSchema.safeParse(assumptionsJson)
  const issues: ModelIssue[] = []
  if (!cat.success) issues.push(...zodIssues('measures', cat.error))
  if (!data.success) issues.push(...zodIssues('assumptions', data.error))
  if (!cat.success || !data.success) throw new ModelLoadError(issues)
  return indexModel(cat.data, data.data)
}

/**
 * Index a catalogue and dataset that already passed their schemas (`catalogueSchema`/`datasetSchema` output,
 * defaults filled in) and run the cross-file checks. The renderer uses it on data validated when the app
 * was built (bench: the schema pass cost the page ≈40 ms of every cold start); throws `ModelLoadError`.
 */
export const indexModel = (catalogue: Catalogue, dataset: Dataset): Model => {
  const assumptionIndex = new Map(dataset.assumptions.map((a, i) => [a.id, i] as const))
  const issues: ModelIssue[] = []
  for (const id of new Set([...REQUIRED_ASSUMPTIONS, ...requiredForCatalogue(catalogue)])) {
    if (!assumptionIndex.has(id)) issues.push({ file: 'assumptions', path: 'assumptions', message: `missing assumption "${id}" (the engine reads it)` })
  }
  catalogue.measures.forEach((m, i) => {
    m.channels.forEach((c, j) => {
      if (c.coverage !== undefined && !assumptionIndex.has(c.coverage)) {
        issues.push({ file: 'measures', path: `measures[${i}].channels[${j}].coverage`, message: `unknown assumption "${c.coverage}"` })
      }
    })
  })
  issues.push(...unreadAssumptions(catalogue, dataset), ...sharedAcrossSides(catalogue, dataset))
  if (issues.length > 0) throw new ModelLoadError(issues)
  return {
    catalogueVersion: catalogue.catalogueVersion,
    datasetVersion: dataset.datasetVersion,
    asOf: dataset.asOf,
    measures: catalogue.measures,
    measureIndex: new Map(catalogue.measures.map((m, i) => [m.id, i] as const)),
    assumptions: dataset.assumptions,
    assumptionIndex,
    baseValues: Float64Array.from(dataset.assumptions.map((a) => a.value)),
    projects: dataset.projects
  }
}
