import { useMemo } from 'react'
import { SECTORS, SECTOR_LABELS, type Economy, type ScenarioDoc } from '../../../core'
import { ChartExportButton } from './ChartExportButton'
import { ExportScope } from './ExportScope'
import { ScenarioExportButton } from './ScenarioExportButton'

type Props = {
  /** The compared scenarios in display order, each under the label the comparison shows. */
  items: readonly { label: string; doc: ScenarioDoc }[]
  economy: Economy
  threshold: number
}

/**
 * Export controls of the comparison view: the deck/report/CSV of the whole comparison (the first
 * scenario with the others compared) and each sector's overlay chart, under the labels shown on screen.
 */
export function CompareExport({ items, economy, threshold }: Props) {
  const docs = useMemo(() => items.map((i) => ({ ...i.doc, name: i.label })), [items])
  if (docs.length === 0) return null
  return (
    <ExportScope doc={docs[0]} compare={docs.slice(1)}>
      <div className="compare-export" role="group" aria-label="Export the comparison">
        <ScenarioExportButton economy={economy} threshold={threshold} band={false} title="Export comparison" />
        {SECTORS.map((s) => (
          <ChartExportButton key={s} chart={{ sector: s, economy }} visibleLabel={`${SECTOR_LABELS[s]} chart…`} />
        ))}
      </div>
    </ExportScope>
  )
}
