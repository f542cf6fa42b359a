import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ECONOMIES, SECTORS, type ScenarioDoc, type Sector } from '../core'
import { chartConfigSchema, reportOptionsSchema, type ChartConfig } from '../shared/contract/export'
import { model } from '../shared/dataset'
import { createExporter, type ExportFile } from '../services/export/exporter'
import { writeFileAtomic } from '../services/export/write-file'
import { ScenarioFileError, parseScenarioFile } from '../services/scenario-files'
import pkg from '../../package.json' with { type: 'json' }

/**
 * `chokepoint export`: the app's exports from scenario files, for batch runs (a workshop's decks regenerated
 * from a folder of scenarios). Files are written atomically; exit code 0 when everything was written,
 * 1 when an export or a write failed, 2 for a usage error or an invalid scenario file (path named).
 */

export const EXPORT_FORMATS = ['pptx', 'pdf', 'png', 'svg', 'csv'] as const
type Format = (typeof EXPORT_FORMATS)[number]

export const EXPORT_USAGE = `Usage: npm run cli -- export <scenario.json | folder> --format pptx|pdf|png|svg|csv --out FILE|FOLDER [options]

  <scenario.json>   a .chokepoint.json file (one scenario, or a bundle: each scenario is exported)
  <folder>          every *.json file in it, each exported (--out must then be a folder)
  --format          pptx (slide deck), pdf (report), png/svg (one chart), csv (chart data, or every series)
  --out             the file to write, or a folder (existing, or a name without extension) for one file per scenario/chart
Options:
  --sector S        defense|autos|electronics: the chart for png/svg/csv (png/svg into a folder: all three)
  --economy E       us|cn (default us)
  --metric M        exposure|cost (default exposure)
  --stacking K      channel|measure|total (default channel)
  --band            draw the P10–P90 band (seeded Monte Carlo)
  --no-reference    leave out the "No measures" line
  --scale N         1 (1920×1080, default) or 2 (3840×2160), png only
  --threshold T     "quarters above" threshold for the deck/report KPIs (default 20)
  --axis A          shared|each: one value axis for all sector charts of the deck/report (default), or each scaled to its data
  --compare FILE    compare with the scenario(s) in FILE (repeatable, up to 3 scenarios)
`

type Io = { out: (line: string) => void; err: (line: string) => void }
const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }

class UsageError extends Error {}

/** Reads scenario documents from a file (one or a bundle) or every *.json file of a folder. */
function readScenarios(path: string): { docs: ScenarioDoc[]; fromFolder: boolean } {
  if (!existsSync(path)) throw new UsageError(`No such file or folder: ${path}`)
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path).filter((f) => f.toLowerCase().endsWith('.json')).sort()
    if (files.length === 0) throw new UsageError(`No .json scenario files in ${path}`)
    return { docs: files.flatMap((f) => readScenarios(join(path, f)).docs), fromFolder: true }
  }
  return { docs: parseScenarioFile(basename(path), readFileSync(path, 'utf8'), model).docs, fromFolder: false }
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`

/** Runs `export` with its arguments (after the word `export`); returns the process exit code. */
export async function exportCommand(argv: string[], io: Io = consoleIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        sector: { type: 'string' },
        economy: { type: 'string', default: 'us' },
        metric: { type: 'string', default: 'exposure' },
        stacking: { type: 'string', default: 'channel' },
        band: { type: 'boolean', default: false },
        'no-reference': { type: 'boolean', default: false },
        scale: { type: 'string', default: '1' },
        threshold: { type: 'string', default: '20' },
        axis: { type: 'string', default: 'shared' },
        compare: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${EXPORT_USAGE}`)
    return 2
  }
  const { values: v, positionals } = parsed
  if (v.help) {
    io.out(EXPORT_USAGE)
    return 0
  }
  try {
    if (positionals.length !== 1) throw new UsageError('Give exactly one scenario file or folder.')
    const format = v.format as Format
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`)
    if (!v.out) throw new UsageError('--out is required (a file, or a folder).')
    if (v.sector !== undefined && !SECTORS.includes(v.sector as Sector)) throw new UsageError(`--sector must be one of ${SECTORS.join(', ')}.`)
    if (!ECONOMIES.includes(v.economy as (typeof ECONOMIES)[number])) throw new UsageError(`--economy must be one of ${ECONOMIES.join(', ')}.`)
    const scale = Number(v.scale)
    if (scale !== 1 && scale !== 2) throw new UsageError('--scale must be 1 or 2.')
    const options = reportOptionsSchema.safeParse({ economy: v.economy, band: v.band, threshold: Number(v.threshold), axis: v.axis })
    if (!options.success) throw new UsageError(`Invalid option: ${options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    const chartBase = { economy: v.economy, metric: v.metric, stacking: v.stacking, band: v.band, reference: !v['no-reference'] }
    const checkChart = chartConfigSchema.safeParse({ ...chartBase, sector: 'defense' })
    if (!checkChart.success) throw new UsageError(`Invalid chart option: ${checkChart.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}`)

    const input = readScenarios(resolve(positionals[0]))
    const compare = (v.compare as string[]).flatMap((f) => readScenarios(resolve(f)).docs)
    if (compare.length > 3) throw new UsageError(`--compare gives ${compare.length} scenarios; at most 3 can be compared.`)
    const out = resolve(v.out)
    const sectors: Sector[] = v.sector ? [v.sector as Sector] : format === 'png' || format === 'svg' ? [...SECTORS] : []
    const files = input.docs.length * Math.max(1, sectors.length)
    // --out is a folder when it is one already, or when it has no extension; else it is the one file to write.
    const intoFolder = existsSync(out) ? statSync(out).isDirectory() : extname(out) === ''
    if (!intoFolder && files > 1) {
      const why = input.docs.length > 1 ? `${input.docs.length} scenarios` : 'no --sector (png/svg write all three sectors)'
      throw new UsageError(`${files} files would be written (${why}): --out must be a folder, not ${out}.`)
    }
    if (intoFolder) mkdirSync(out, { recursive: true })

    const exporter = createExporter({ model, appVersion: pkg.version })
    let failures = 0
    for (const doc of input.docs) {
      const jobs: (() => Promise<ExportFile> | ExportFile)[] =
        format === 'pptx'
          ? [() => exporter.pptx(doc, compare, options.data)]
          : format === 'pdf'
            ? [() => exporter.pdf(doc, compare, options.data)]
            : format === 'csv' && sectors.length === 0
              ? [() => exporter.csv(doc, compare)]
              : sectors.map((sector) => () => exporter.chart(doc, compare, { ...checkChart.data, sector } as ChartConfig, format, scale as 1 | 2))
      for (const job of jobs) {
        try {
          const file = await job()
          const target = intoFolder ? join(out, file.fileName) : out
          await writeFileAtomic(target, file.bytes)
          io.out(`wrote ${target} (${kb(file.bytes.byteLength)})`)
        } catch (e) {
          failures++
          io.err(`“${doc.name}”: ${e instanceof Error ? e.message : String(e)}`)
        }
      }
    }
    return failures > 0 ? 1 : 0
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${EXPORT_USAGE}`)
      return 2
    }
    if (e instanceof ScenarioFileError) {
      io.err(e.message)
      return 2
    }
    throw e
  }
}
