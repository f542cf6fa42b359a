import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { catalogueSchema } from '../src/core/model/catalogue-schema'
import { datasetSchema } from '../src/core/model/assumptions-schema'
import { loadModel } from '../src/core/model/load-model'

/** The module id the renderer imports the validated catalogue and dataset from (src/renderer/bundled-dataset.ts). */
export const DATASET_MODULE = 'virtual:chokepoint-dataset'
const RESOLVED = `\0${DATASET_MODULE}`

/**
 * The shipped catalogue and dataset, validated now (the full `loadModel`: schemas, cross-file and provenance
 * checks) and emitted as their schema output (defaults filled in) — so the renderer skips the schema pass at
 * every start (≈40 ms of the cold start, `npm run bench:bundle`). Invalid data fails here with `loadModel`'s
 * error, which names each path. Returns the module's source.
 */
export function validatedDatasetSource(root: string): string {
  const read = (f: string) => JSON.parse(readFileSync(resolve(root, 'resources', 'data', f), 'utf8')) as unknown
  const measures = read('measures.json')
  const assumptions = read('assumptions.json')
  loadModel(measures, assumptions) // throws ModelLoadError on any problem
  const catalogue = catalogueSchema.parse(measures)
  const dataset = datasetSchema.parse(assumptions)
  // JSON.parse of a string literal is the fastest way for a browser to build a large object.
  const literal = (v: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`
  return `export const catalogue = ${literal(catalogue)}\nexport const dataset = ${literal(dataset)}\n`
}

/** Vite plugin serving `virtual:chokepoint-dataset` to the renderer build (and dev server, re-run when the data changes). */
export function validatedDataset(root: string): Plugin {
  return {
    name: 'chokepoint-validated-dataset',
    resolveId: (id) => (id === DATASET_MODULE ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null
      for (const f of ['measures.json', 'assumptions.json']) this.addWatchFile(resolve(root, 'resources', 'data', f))
      return validatedDatasetSource(root)
    }
  }
}
