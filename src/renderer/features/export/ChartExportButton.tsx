import { memo, useState } from 'react'
import { ECONOMY_LABELS, SECTOR_LABELS } from '../../../core'
import type { ChartConfigInput, ChartFormat } from '../../../shared/contract'
import { ExportDialog } from './ExportDialog'
import { useExportRunner } from './use-export'

type Props = {
  chart: ChartConfigInput
  /** Text on the button where "Export" alone would be ambiguous (several charts' buttons side by side). */
  visibleLabel?: string
}

type Choice = { label: string; format: ChartFormat; scale: 1 | 2; note: string }

const CHOICES: Choice[] = [
  { label: 'PNG 1920×1080', format: 'png', scale: 1, note: 'for slides' },
  { label: 'PNG 3840×2160 (2×)', format: 'png', scale: 2, note: 'for print and 4K screens' },
  { label: 'SVG', format: 'svg', scale: 1, note: 'vector, editable' },
  { label: 'CSV data', format: 'csv', scale: 1, note: 'the numbers behind the chart' }
]

/**
 * The export control of one chart: a small button that opens a dialog of formats. The chart is exported
 * as configured now (sector, economy, stacking, band, reference, compared scenarios), with a legend and
 * the scenario stamp. Hidden outside an `ExportProvider`.
 */
export const ChartExportButton = memo(function ChartExportButton({ chart, visibleLabel }: Props) {
  const { run, busy, available } = useExportRunner()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!available) return null
  const name = `${SECTOR_LABELS[chart.sector]} ${chart.metric === 'cost' ? 'cost-pressure' : 'exposure'} chart`
  const exportAs = async (c: Choice) => {
    const outcome = await run(`${name} as ${c.label}`, (api, { doc, compare }) => api.call('export.chart', { doc, compare, chart, format: c.format, scale: c.scale }))
    setError(outcome.kind === 'error' ? outcome.text : null)
    if (outcome.kind !== 'error') setOpen(false)
  }
  return (
    <>
      <button
        type="button"
        className="chart-export"
        onClick={() => {
          setError(null)
          setOpen(true)
        }}
        aria-haspopup="dialog"
        // The accessible name starts with the visible text (WCAG "label in name").
        aria-label={visibleLabel ? undefined : `Export ${name}`}
        title={`Export ${name}`}
      >
        {visibleLabel ?? 'Export'}
      </button>
      {open && (
        <ExportDialog title={`Export ${name}`} onClose={() => setOpen(false)}>
          <p className="export-what">
            {SECTOR_LABELS[chart.sector]}, {ECONOMY_LABELS[chart.economy ?? 'us']}, as shown now, with legend and the scenario stamp.
          </p>
          <ul className="export-choices">
            {CHOICES.map((c) => (
              <li key={c.label}>
                <button type="button" onClick={() => void exportAs(c)} disabled={busy !== null}>
                  {c.label}
                </button>
                <span className="export-note">{c.note}</span>
              </li>
            ))}
          </ul>
          {busy && <p className="export-busy">Exporting…</p>}
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
        </ExportDialog>
      )}
    </>
  )
})
