import { useState } from 'react'
import { ECONOMIES, ECONOMY_LABELS, type Economy } from '../../../core'
import { ExportDialog } from './ExportDialog'
import { printReport } from './print-report'
import { useExportRunner } from './use-export'
import { useExportSource } from './export-context'

type Props = {
  /** Start values: what the workspace shows now. */
  economy: Economy
  threshold: number
  band: boolean
  /** Dialog title: "Export scenario", or "Export comparison" in the comparison view. */
  title?: string
}

/**
 * "Export…" for the whole scenario: the slide deck with native charts, the PDF report, every series as
 * CSV, or the report through the browser's Print dialog. Options default to the workspace's view.
 */
export function ScenarioExportButton(props: Props) {
  const source = useExportSource()
  const { run, busy } = useExportRunner()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [economy, setEconomy] = useState<Economy>(props.economy)
  const [threshold, setThreshold] = useState(props.threshold)
  const [band, setBand] = useState(props.band)
  if (!source) return null

  const options = { economy, threshold, band }
  const finish = (kind: 'info' | 'error', text: string) => {
    setError(kind === 'error' ? text : null)
    if (kind !== 'error') setOpen(false)
  }
  const deck = async () => {
    const m = await run('slide deck', (api, s) => api.call('export.pptx', { ...s, options }))
    finish(m.kind, m.text)
  }
  const pdf = async () => {
    const m = await run('PDF report', (api, s) => api.call('export.pdf', { ...s, options }))
    finish(m.kind, m.text)
  }
  const csv = async () => {
    const m = await run('all series', (api, s) => api.call('export.csv', { ...s, options }))
    finish(m.kind, m.text)
  }
  const print = async () => {
    const { doc, compare } = source.snapshot()
    const r = await source.api.call('export.reportHtml', { doc, compare, options })
    if (!r.ok) return finish('error', `Export failed: ${r.error.message}`)
    setOpen(false)
    await printReport(r.value.html)
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setEconomy(props.economy)
          setThreshold(props.threshold)
          setBand(props.band)
          setError(null)
          setOpen(true)
        }}
        aria-haspopup="dialog"
        title="Export the scenario: slides, report, data"
      >
        Export…
      </button>
      {open && (
        <ExportDialog title={props.title ?? 'Export scenario'} onClose={() => setOpen(false)}>
          <fieldset className="export-options">
            <legend>Options</legend>
            <label>
              Economy
              <select value={economy} onChange={(e) => setEconomy(e.target.value as Economy)}>
                {ECONOMIES.map((e) => (
                  <option key={e} value={e}>
                    {ECONOMY_LABELS[e]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Threshold (index 0–100)
              <input type="number" min={0} max={100} step={1} value={threshold} onChange={(e) => setThreshold(Math.min(100, Math.max(0, Number(e.target.value) || 0)))} />
            </label>
            <label className="export-check">
              <input type="checkbox" checked={band} onChange={(e) => setBand(e.target.checked)} />
              P10–P90 band
            </label>
          </fieldset>
          <ul className="export-choices">
            <li>
              <button type="button" onClick={() => void deck()} disabled={busy !== null}>
                Slide deck (.pptx)
              </button>
              <span className="export-note">title, a native chart per sector, measures, assumptions{source.snapshot().compare.length > 0 ? ', comparison' : ''}</span>
            </li>
            <li>
              <button type="button" onClick={() => void pdf()} disabled={busy !== null}>
                PDF report
              </button>
              <span className="export-note">the same content, printable</span>
            </li>
            <li>
              <button type="button" onClick={() => void csv()} disabled={busy !== null}>
                All series (.csv)
              </button>
              <span className="export-note">every economy, sector and channel, units in the headers</span>
            </li>
            <li>
              <button type="button" onClick={() => void print()} disabled={busy !== null}>
                Print report…
              </button>
              <span className="export-note">through this browser&apos;s Print dialog</span>
            </li>
          </ul>
          {busy && <p className="export-busy">Exporting {busy}…</p>}
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
        </ExportDialog>
      )}
    </>
  )
}
