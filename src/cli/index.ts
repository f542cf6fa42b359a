import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { checkOverrideRanges, checkScenario, evaluateView, loadModel, parseScenarioDoc, simulate, type Model, type ScenarioIssue } from '../core/index'
import { jsonErrorOffset, lineColumn } from '../services/scenario-files-json'
import { toCsv, toJson, type Run } from './format'
import { guessLine, guessShare } from './guess-count'
import { VARIANCE_USAGE, loadShippedUncertainty, parseStructure, varianceCommand } from './variance-command'

/**
 * `chokepoint` command line: run scenario files through the engine, or validate them.
 *   npx tsx src/cli/index.ts run <scenario.json|dir> [--format csv|json] [--samples N] [--branch ID|mixture] [--structure …] [--out FILE]
 *   npx tsx src/cli/index.ts variance <scenario.json> [--economy …] [--sector …] [--kpi …] (see variance-command.ts)
 *   npx tsx src/cli/index.ts validate <file>
 * The only part of the model work that touches the file system.
 */
export type Io = { stdout: (s: string) => void; stderr: (s: string) => void }

/** Help text printed by `chokepoint help` and on usage errors. */
export const USAGE = `Usage:
  chokepoint run <scenario.json|directory> [--format csv|json] [--samples N] [--branch ID|mixture]
                 [--structure independent|correlated|policy|full] [--out FILE]
  chokepoint validate <scenario.json>
  chokepoint export <scenario.json|directory> --format pptx|pdf|png|svg|csv --out FILE|FOLDER   (see: export --help)
  chokepoint sweep <scenario.json> (--measure ID | --trigger ID) [--quarters N] [--kpi K] [--format csv|json|png|svg]   (see: sweep --help)

run       evaluates one scenario file, or every *.json file in a directory, and prints the series
          (CSV by default; units in the headers). --samples N adds Monte Carlo P10/P50/P90 bands
          (seeded by each scenario's seed; --samples 200 gives the app's bands exactly). --branch picks
          one branch of a branched scenario, or the probability-weighted mixture (the default, or the
          scenario's own branchView). --structure switches layers of the uncertainty structure off
          (default full). --out writes to FILE instead of standard output.
          Refuses (exit code 1) a file that import would refuse: unknown measures, parameters,
          assumptions or triggers, parameters out of range. An assumption override outside its
          documented range is a warning: it runs clamped into the range.
validate  explains what is wrong with a scenario file, out-of-range overrides included (exit code 1
          if anything is).
Both print how many of the model's inputs are GUESS (on standard error for run).
${VARIANCE_USAGE}`

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Load the shipped model from resources/data (relative to the repository root). */
export const loadShippedModel = (root = REPO_ROOT): Model =>
  loadModel(
    JSON.parse(readFileSync(join(root, 'resources', 'data', 'measures.json'), 'utf8')),
    JSON.parse(readFileSync(join(root, 'resources', 'data', 'assumptions.json'), 'utf8'))
  )

type Parsed = { command: string | undefined; positional: string[]; flags: Map<string, string> }

const parseArgs = (argv: readonly string[]): Parsed => {
  const positional: string[] = []
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
      const v = inline ?? argv[i + 1]
      if (inline === undefined) i++
      flags.set(k, v ?? '')
    } else positional.push(a)
  }
  return { command: positional.shift(), positional, flags }
}

class CliError extends Error {}

/** Where a JSON text goes wrong, as import says it ("line 3, column 14"). */
const syntaxWhere = (text: string): string => {
  const offset = jsonErrorOffset(text)
  return offset < 0 ? 'an unknown place' : offset >= text.length ? 'the end of the file (it stops too early)' : lineColumn(text, offset)
}

/** Run `f`, turning a plain Error (bad flag, unknown branch) into a CliError prefixed with `where`. */
const cliTry = <T>(f: () => T, where?: string): T => {
  try {
    return f()
  } catch (e) {
    if (e instanceof Error && !(e instanceof CliError)) throw new CliError(where ? `${where}: ${e.message}` : e.message)
    throw e
  }
}

const variance = (p: Parsed, io: Io, model: Model): number => {
  const file = p.positional[0]
  if (!file) throw new CliError('variance: give a scenario file')
  const { doc, issues, ranges } = readScenario(model, file)
  if (issues.length > 0) throw new CliError(listIssues(`${file}: cannot run against dataset ${model.datasetVersion} (as import would refuse it):`, issues))
  for (const i of ranges) io.stderr(`warning: ${file}: ${i.path}: ${i.message}\n`)
  const text = cliTry(() => varianceCommand(model, loadShippedUncertainty(model, REPO_ROOT), doc, p.flags), file)
  const out = p.flags.get('out')
  if (out) writeFileSync(out, text)
  else io.stdout(text)
  return 0
}

/**
 * Read and parse a scenario file; throws CliError listing every problem with its path. `issues` are
 * model-level errors (import refuses them), `ranges` the overrides the engine will clamp.
 */
const readScenario = (model: Model, file: string) => {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    throw new CliError(`${file}: not valid JSON (the problem is at ${syntaxWhere(text)})`)
  }
  const parsed = parseScenarioDoc(json)
  if (!parsed.ok) throw new CliError([`${file}: invalid scenario`, ...parsed.errors.map((x) => `  ${x.path || '(document)'}: ${x.message}`)].join('\n'))
  return { doc: parsed.doc, upgradedFrom: parsed.upgradedFrom, issues: checkScenario(model, parsed.doc), ranges: checkOverrideRanges(model, parsed.doc) }
}

const listIssues = (head: string, issues: readonly ScenarioIssue[]): string => [head, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n')

const scenarioFiles = (target: string): string[] => {
  let st
  try {
    st = statSync(target)
  } catch {
    throw new CliError(`${target}: no such file or directory`)
  }
  if (!st.isDirectory()) return [target]
  const files = readdirSync(target).filter((f) => f.endsWith('.json')).sort().map((f) => join(target, f))
  if (files.length === 0) throw new CliError(`${target}: no .json scenario files in this directory`)
  return files
}

const run = (p: Parsed, io: Io, model: Model): number => {
  const target = p.positional[0]
  if (!target) throw new CliError('run: give a scenario file or a directory')
  const format = p.flags.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, not "${format}"`)
  const samplesRaw = p.flags.get('samples')
  const samples = samplesRaw === undefined ? 0 : Number(samplesRaw)
  if (!Number.isInteger(samples) || samples < 0 || samples > 100_000) throw new CliError(`--samples must be a whole number 0–100000, not "${samplesRaw}"`)
  const layers = cliTry(() => parseStructure(p.flags.get('structure')))
  const uncertainty = loadShippedUncertainty(model, REPO_ROOT)
  const runs: Run[] = scenarioFiles(target).map((file) => {
    const { doc: read, issues, ranges } = readScenario(model, file)
    if (issues.length > 0) throw new CliError(listIssues(`${file}: cannot run against dataset ${model.datasetVersion} (as import would refuse it):`, issues))
    for (const i of ranges) io.stderr(`warning: ${file}: ${i.path}: ${i.message}\n`)
    const branch = p.flags.get('branch')
    if (branch !== undefined && branch !== 'mixture' && !read.branches.some((b) => b.id === branch)) {
      const known = read.branches.length === 0 ? 'this scenario has no branches (use mixture)' : `this scenario has: ${read.branches.map((b) => b.id).join(', ')}, or mixture`
      throw new CliError(`${file}: unknown branch "${branch}": ${known}`)
    }
    const doc = branch === undefined ? read : { ...read, branchView: branch }
    const bands = samples > 0 ? simulate(model, doc, { samples, uncertainty, layers }) : null
    return { file: basename(file), name: doc.name, result: evaluateView(model, doc), bands, branch: doc.branches.length > 0 ? doc.branchView : null }
  })
  io.stderr(`${guessLine(guessShare(model), model.datasetVersion)}\n`)
  const text = format === 'csv' ? toCsv(runs) : toJson(runs, { datasetVersion: model.datasetVersion, catalogueVersion: model.catalogueVersion })
  const out = p.flags.get('out')
  if (out) {
    writeFileSync(out, text)
    io.stderr(`wrote ${runs.length} scenario${runs.length === 1 ? '' : 's'} to ${out}\n`)
  } else io.stdout(text)
  return 0
}

const validate = (p: Parsed, io: Io, model: Model): number => {
  const file = p.positional[0]
  if (!file) throw new CliError('validate: give a scenario file')
  const { doc, upgradedFrom, issues, ranges } = readScenario(model, file)
  const guesses = `${guessLine(guessShare(model), model.datasetVersion)}\n`
  if (issues.length + ranges.length > 0) {
    io.stderr(listIssues(`${file}: problems against dataset ${model.datasetVersion}`, [...issues, ...ranges]) + '\n')
    io.stdout(guesses)
    return 1
  }
  const note = upgradedFrom === null ? '' : ` (upgraded from format version ${upgradedFrom}; save it again to keep the upgrade)`
  io.stdout(`OK: "${doc.name}" — ${doc.measures.length} measures, ${doc.horizon.quarters} quarters from ${doc.horizon.start}${note}\n`)
  io.stdout(guesses)
  return 0
}

/** Entry point with injected argv and output, for tests. Resolves to the process exit code. */
export const main = async (argv: readonly string[], io: Io, model?: Model): Promise<number> => {
  if (argv[0] === 'export') {
    // Loaded on demand: the export command pulls in the services layer (PPTX/PDF/PNG builders).
    const { exportCommand } = await import('./export-command')
    return exportCommand(argv.slice(1), { out: (l) => io.stdout(`${l}\n`), err: (l) => io.stderr(`${l}\n`) })
  }
  if (argv[0] === 'sweep') {
    // Loaded on demand, like export: the sweep's PNG/SVG come from the services' export building blocks.
    const { sweepCommand } = await import('./sweep-command')
    return sweepCommand(argv.slice(1), { out: io.stdout, err: io.stderr })
  }
  const p = parseArgs(argv)
  if (p.command === undefined || p.command === 'help' || p.flags.has('help')) {
    io.stdout(USAGE)
    return p.command === undefined ? 2 : 0
  }
  try {
    const m = model ?? loadShippedModel()
    if (p.command === 'run') return run(p, io, m)
    if (p.command === 'validate') return validate(p, io, m)
    if (p.command === 'variance') return variance(p, io, m)
    io.stderr(`unknown command "${p.command}"\n\n${USAGE}`)
    return 2
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`)
      return 1
    }
    throw e
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // `… | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
  void main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }).then((code) => {
    process.exitCode = code
  })
}
