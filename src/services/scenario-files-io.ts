import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Model, ScenarioDoc } from '../core'
import { FILE_EXTENSION, parseScenarioFile, ScenarioFileError } from './scenario-files'
import type { Log } from './dispatch'

/**
 * File-system side of portable scenario files: the bundled examples, and reading files a person picked
 * in a native dialog. Plain Node (the desktop shell calls it), no electron.
 */

export type Example = { id: string; doc: ScenarioDoc }

/**
 * The example scenarios in `dir` (`*.chokepoint.json`, or `*.json`), validated like an import. A broken
 * example is logged and skipped, never fatal: the library still opens.
 */
export function readExamples(dir: string, model: Model, log: Log): Example[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
  } catch {
    return []
  }
  const out: Example[] = []
  for (const name of names) {
    try {
      const { docs } = parseScenarioFile(name, readFileSync(join(dir, name), 'utf8'), model)
      const stem = name.endsWith(FILE_EXTENSION) ? name.slice(0, -FILE_EXTENSION.length) : name.slice(0, -'.json'.length)
      docs.forEach((doc, i) => out.push({ id: docs.length === 1 ? stem : `${stem}#${i + 1}`, doc }))
    } catch (e) {
      log('warn', `example scenario ${name} skipped: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return out
}

/** Reads picked files for import; one too large is refused before it is read. */
export function readPickedFiles(paths: readonly string[], maxChars: number): { name: string; contents: string }[] {
  return paths.map((path) => {
    const size = statSync(path).size
    if (size > maxChars) {
      throw new ScenarioFileError(`“${basename(path)}” is ${(size / 1e6).toFixed(1)} MB; the largest scenario file accepted is ${(maxChars / 1e6).toFixed(0)} MB. Nothing was imported.`, 'too_large')
    }
    return { name: basename(path), contents: readFileSync(path, 'utf8') }
  })
}
