import type { Economy, EvalResult, Sector } from '../../../core'
import { useStable } from '../../state/use-stable'
import { toChannelRows } from './chart-series'
import { ExposureChart } from './ExposureChart'

type Props = { result: EvalResult; reference: EvalResult; economy: Economy; sectors: readonly Sector[] }

/** The three sector charts; each receives rows that keep their identity while unchanged. */
export function ChartsArea({ result, reference, economy, sectors }: Props) {
  return (
    <section className="charts" aria-label="Exposure charts" id="charts">
      {sectors.map((s) => (
        <SectorSlot key={s} sector={s} economy={economy} result={result} reference={reference} />
      ))}
    </section>
  )
}

function SectorSlot({ sector, economy, result, reference }: { sector: Sector; economy: Economy; result: EvalResult; reference: EvalResult }) {
  const rows = useStable(toChannelRows(result, economy, sector, reference))
  return <ExposureChart sector={sector} economy={economy} rows={rows} referenceLabel="No measures" />
}
