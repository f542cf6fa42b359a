import type { ReactNode } from 'react'
import { CHANNELS, ECONOMIES, SECTORS, SECTOR_LABELS, kpis, type Channel, type Economy, type EvalResult, type Kpis, type Sector } from '../../../core'
import { model } from '../../../shared/dataset'
import { useStable } from '../../state/use-stable'
import type { Marker } from '../timeline/timeline-model'
import { niceCeiling, niceFloor } from '../../../shared/axis'
import { channelChart, measureChart, mergeSeries, rowsMax, type Attribution, type Band, type ChartData, type MeasureLabel } from './chart-series'
import { ChartLegend } from './ChartLegend'
import { ExposureChart, type ChartOptions } from './ExposureChart'
import { toHeadline } from './headline'
import type { AxisLock } from '../../state/axis-lock'

export type SectorInputs = {
  result: EvalResult
  baseline: EvalResult
  modified: EvalResult | null
  /** Bands per sector of the shown economy (null until the worker answers, or when hidden), with the legend's words. */
  bands: Partial<Record<Sector, Band & { caption?: string; stretched?: number }>> | null
  /** Attribution per sector of the shown economy (null when stacking by channel or not yet computed). */
  attribution: Partial<Record<Sector, Attribution>> | null
  measureLabels: readonly MeasureLabel[]
}

type Props = SectorInputs & {
  economy: Economy
  stacking: 'channel' | 'measure'
  /** Markers of the enabled measures (tooltips), of every measure (the overlay), and the enabled ids. */
  markers: readonly Marker[]
  allMarkers: readonly Marker[]
  enabledIds: string
  threshold: number
  options: ChartOptions
  showTables: boolean
  /**
   * The workspace's chart options: given, the options and the legend stand in a column beside the charts
   * (at 1280×720 every row above the charts is taken from their height); without it (presentation) the
   * legend runs above the chart.
   */
  aside?: ReactNode
  /** Draw only these sectors (presentation shows one at a time). */
  sectors?: readonly Sector[]
  /** The y-axis lock in force, or null: each axis follows its data. */
  axisLock: AxisLock | null
}

/** Per economy, the channels some catalogue measure acts on: the fixed series set of its channel charts. */
const CHANNELS_BY_ECONOMY = Object.fromEntries(
  ECONOMIES.map((e) => [e, CHANNELS.filter((c) => model.measures.some((m) => m.channels.some((x) => x.economy === e && x.channel === c)))])
) as Record<Economy, Channel[]>

/** Maps one sector; exported for presentation mode, which shows one chart at a time. */
export function sectorData(p: SectorInputs, economy: Economy, stacking: 'channel' | 'measure', sector: Sector, showBaseline: boolean, showBand: boolean): ChartData {
  const overlays = { baseline: showBaseline ? p.baseline : null, modified: showBaseline ? p.modified : null, band: showBand ? (p.bands?.[sector] ?? null) : null }
  const attribution = p.attribution?.[sector]
  return stacking === 'measure' && attribution
    ? measureChart(p.result, economy, sector, attribution, p.measureLabels, overlays)
    : channelChart(p.result, economy, sector, overlays, CHANNELS_BY_ECONOMY[economy])
}

/** The band's legend: the shared caption, plus where the band was widened to hold the point estimate. */
function bandLegend(bands: SectorInputs['bands'], sectors: readonly Sector[]): string | null {
  const first = sectors.map((s) => bands?.[s]).find((b) => b?.caption)
  if (!first?.caption) return null
  const widened = sectors.filter((s) => (bands?.[s]?.stretched ?? 0) > 0).map((s) => `${SECTOR_LABELS[s]} ${bands?.[s]?.stretched}`)
  return widened.length === 0 ? first.caption : `${first.caption}; widened to the point estimate in ${widened.join(', ')} quarter(s)`
}

/**
 * The three sector charts (the element `#charts` is what the latency benchmark watches) with a shared
 * legend. Each chart gets value-stable data, so only charts whose numbers changed re-render.
 */
export function ChartsArea(props: Props) {
  const { economy, stacking, markers, allMarkers, enabledIds, threshold, options, showTables } = props
  const sectors = props.sectors ?? SECTORS
  const data = sectors.map((s) => sectorData(props, economy, stacking, s, options.showBaseline, options.showBand))
  // The legend keeps every series of the view (dimmed when empty), so a toggle never reflows it.
  const series = useStable(mergeSeries(data.map((d) => d.series)))
  const showModified = options.showBaseline && props.modified !== null
  const baselineZero = data.every((d) => d.rows.every((r) => (r.baseline ?? 0) === 0))
  const bandText = options.showBand ? bandLegend(props.bands, sectors) : null
  const legend = <ChartLegend series={series} showBaseline={options.showBaseline} baselineZero={baselineZero} showModified={showModified} full={options.large} band={options.showBand} bandText={bandText} />
  const charts = (
    <section className={`charts ${showTables ? 'with-tables' : ''}`} aria-label="Exposure charts" id="charts" data-y-locked={props.axisLock ? 'true' : 'false'} style={{ gridTemplateRows: `repeat(${sectors.length}, minmax(0, 1fr))` }}>
      {sectors.map((s, i) => (
        <SectorSlot
          key={s}
          sector={s}
          economy={economy}
          data={data[i]}
          kpis={kpis(props.result.economies[economy][s], threshold, props.result.quarters)}
          markers={markers}
          allMarkers={allMarkers}
          enabledIds={enabledIds}
          threshold={threshold}
          stacking={stacking}
          options={options}
          showTable={showTables}
          axisLock={props.axisLock}
        />
      ))}
    </section>
  )
  if (props.aside === undefined)
    return (
      <>
        {legend}
        {charts}
      </>
    )
  return (
    <div className="charts-area">
      {charts}
      <aside className="chart-aside" aria-label="Chart options and legend">
        {props.aside}
        {legend}
      </aside>
    </div>
  )
}

type SlotProps = {
  sector: Sector
  economy: Economy
  data: ChartData
  kpis: Kpis
  markers: readonly Marker[]
  allMarkers: readonly Marker[]
  enabledIds: string
  threshold: number
  stacking: 'channel' | 'measure'
  options: ChartOptions
  showTable: boolean
  axisLock: AxisLock | null
}

function SectorSlot({ sector, economy, data, kpis: k, markers, allMarkers, enabledIds, threshold, stacking, options, showTable, axisLock }: SlotProps) {
  const stableData = useStable(data)
  const natural = { min: niceFloor(stableData.min), max: niceCeiling(Math.max(stableData.max, rowsMax(stableData.rows))) }
  const { min: yMin, max: yMax } = axisLock ? axisLock.fit(`${economy}|${sector}|${stacking}`, natural) : natural
  const head = useStable(toHeadline(k, threshold))
  return (
    <ExposureChart
      sector={sector}
      economy={economy}
      data={stableData}
      markers={markers}
      allMarkers={allMarkers}
      enabledIds={enabledIds}
      yMax={yMax}
      yMin={yMin}
      headline={head}
      stacking={stacking}
      options={options}
      showTable={showTable}
    />
  )
}
