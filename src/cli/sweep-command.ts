import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ECONOMIES, SECTORS, SWEEP_KPIS, SWEEP_KPI_LABELS, SweepError, timingSweep } from '../core'
import { sweepOptionsSchema } from '../shared/contract/workshop'
import { model } from '../shared/dataset'
import { writeFileAtomic } from '../services/export/write-file'
import { ScenarioFileError, parseScenarioFile } from '../services/scenario-files'
import { sweepCsv, sweepExport } from '../services/workshop/sweep-export'
import pkg from '../../package.json' with { type: 'json' }

/**
 * `chokepoint sweep`: the timing sweep from a scenario file — a KPI against a measure's start (or a trigger's
 * lag) shifted earlier and later. Prints CSV (or JSON), or writes CSV/PNG/SVG with --out. Exit code 0 on
 * success, 1 when the sweep or the write failed, 2 for a usage error or an invalid scenario file.
 */
export const SWEEP_USAGE = `Usage: npm run cli -- sweep <scenario.json> (--measure ID | --trigger ID) [options]

  --measure ID      sweep this measure's start (it is switched on for the sweep)
  --trigger ID      sweep this trigger's lag instead
  --quarters N      shift up to N quarters earlier and later (1–20, default 12: 24 start quarters)
  --kpi K           ${SWEEP_KPIS.join('|')} (default peakExposure)
  --sector S        ${SECTORS.join('|')} (default defense)
  --economy E       ${ECONOMIES.join('|')} (default us)
  --threshold T     exposure threshold of quartersAbove (default 20)
  --format F        csv (default) | json | png | svg (png/svg need --out)
  --out FILE        write to FILE instead of standard output
`

type Io = { out: (text: string) => void; err: (text: string) => void }

/** Runs the command; resolves to the exit code. */
export async function sweepCommand(argv: readonly string[], io: Io): Promise<number> {
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        measure: { type: 'string' }, trigger: { type: 'string' }, quarters: { type: 'string' }, kpi: { type: 'string' }, sector: { type: 'string' },
        economy: { type: 'string' }, threshold: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' }
      }
    }))
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${SWEEP_USAGE}`)
    return 2
  }
  if (values.help) {
    io.out(SWEEP_USAGE)
    return 0
  }
  const file = positionals[0]
  const usage = (message: string) => {
    io.err(`${message}\n\n${SWEEP_USAGE}`)
    return 2
  }
  if (!file) return usage('sweep: give a scenario file')
  if (!values.measure === !values.trigger) return usage('sweep: give exactly one of --measure ID or --trigger ID')
  const format = (values.format as string | undefined) ?? 'csv'
  if (!['csv', 'json', 'png', 'svg'].includes(format)) return usage(`--format must be csv, json, png or svg, not "${format}"`)
  if ((format === 'png' || format === 'svg') && !values.out) return usage(`--format ${format} needs --out FILE`)
  const options = sweepOptionsSchema.safeParse({
    target: values.measure ? { kind: 'measure', id: values.measure } : { kind: 'trigger', id: values.trigger },
    economy: values.economy ?? 'us',
    sector: values.sector ?? 'defense',
    kpi: values.kpi ?? 'peakExposure',
    quarters: values.quarters === undefined ? 12 : Number(values.quarters),
    threshold: values.threshold === undefined ? 20 : Number(values.threshold)
  })
  if (!options.success) return usage(options.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'))
  let doc
  try {
    const parsed = parseScenarioFile(file, readFileSync(file, 'utf8'), model)
    if (parsed.docs.length !== 1) return usage(`${file} holds ${parsed.docs.length} scenarios; sweep one scenario at a time`)
    doc = parsed.docs[0]
  } catch (e) {
    if (e instanceof ScenarioFileError) {
      io.err(`${e.message}\n`)
      return 2
    }
    io.err(`${file}: ${(e as Error).message}\n`)
    return 2
  }
  try {
    const out = values.out as string | undefined
    if (format === 'json' || (format === 'csv' && !out)) {
      const sweep = timingSweep(model, doc, options.data)
      const text = format === 'json' ? `${JSON.stringify({ ...sweep, kpiLabel: SWEEP_KPI_LABELS[sweep.kpi] }, null, 2)}\n` : sweepCsv(sweep)
      if (out) await writeFileAtomic(out, text)
      else io.out(text)
    } else {
      const exported = sweepExport(model, { clock: () => new Date(), appVersion: pkg.version }, doc, options.data, format as 'csv' | 'png' | 'svg')
      await writeFileAtomic(out as string, exported.bytes)
    }
    if (out) io.err(`wrote the sweep of ${values.measure ?? values.trigger} to ${out}\n`)
    return 0
  } catch (e) {
    io.err(`${e instanceof SweepError ? e.message : `sweep failed: ${(e as Error).message}`}\n`)
    return 1
  }
}
