import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { indexModel, loadModel, ModelLoadError } from '../src/core'
import { validatedDatasetSource } from './validated-dataset'

const ROOT = resolve(import.meta.dirname, '..')
const data = (f: string) => JSON.parse(readFileSync(join(ROOT, 'resources', 'data', f), 'utf8')) as unknown

/** The two exports of the emitted module, read back the way the page reads them. */
function exportsOf(source: string): { catalogue: unknown; dataset: unknown } {
  const m = source.match(/^export const catalogue = JSON\.parse\((".*")\)\nexport const dataset = JSON\.parse\((".*")\)\n$/s)
  if (!m) throw new Error('unexpected module shape')
  return { catalogue: JSON.parse(JSON.parse(m[1]) as string), dataset: JSON.parse(JSON.parse(m[2]) as string) }
}

describe('the renderer’s build-time validated dataset', () => {
  it('indexes to the same model as loading the shipped files at run time', () => {
    const { catalogue, dataset } = exportsOf(validatedDatasetSource(ROOT))
    expect(indexModel(catalogue as never, dataset as never)).toEqual(loadModel(data('measures.json'), data('assumptions.json')))
  })

  it('fails the build on invalid data, naming the path', () => {
    const root = mkdtempSync(join(tmpdir(), 'chokepoint-dataset-'))
    try {
      mkdirSync(join(root, 'resources', 'data'), { recursive: true })
      const measures = data('measures.json') as { measures: { params: { default: unknown }[] }[] }
      measures.measures[0].params[0].default = 'ninety'
      writeFileSync(join(root, 'resources', 'data', 'measures.json'), JSON.stringify(measures))
      writeFileSync(join(root, 'resources', 'data', 'assumptions.json'), JSON.stringify(data('assumptions.json')))
      expect(() => validatedDatasetSource(root)).toThrow(ModelLoadError)
      expect(() => validatedDatasetSource(root)).toThrow(/measures\.json measures\[0\]\.params\[0\]\.default/)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
