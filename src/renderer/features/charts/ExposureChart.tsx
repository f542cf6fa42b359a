import { memo, useMemo, useRef } from 'react'
import { Area, CartesianGrid, ComposedChart, Label, Tooltip, XAxis, YAxis } from 'recharts'
import { ECONOMY_LABELS, SECTOR_LABELS, type Economy, type Sector } from '../../../core'
import type { Marker } from '../timeline/timeline-model'
import type { ChartData } from './chart-series'
import { useStable } from '../../state/use-stable'
import { useBoxSize } from '../../state/use-box-size'
import { MarkerLabels, MarkerLayer, markerScope } from './MarkerLines'
import { SeriesLayer, type LineDef } from './SeriesLayer'
import type { Headline } from './headline'
import { ChartTooltip, TooltipContext } from './ChartTooltip'
import { DataTable } from './DataTable'
import { ChartExportButton } from '../export/ChartExportButton'
import { EvidenceButton } from '../evidence/EvidenceButton'

export type ChartOptions = {
  showBand: boolean
  showBaseline: boolean
  /** Presentation mode: larger type and thicker lines. */
  large: boolean
}

type Props = {
  sector: Sector
  economy: Economy
  data: ChartData
  markers: readonly Marker[]
  allMarkers: readonly Marker[]
  enabledIds: string
  yMax: number
  yMin: number
  headline: Headline
  stacking: 'channel' | 'measure'
  options: ChartOptions
  showTable: boolean
}

export const UNIT = 'index 0–100'

/** Year ticks only: 24 quarter labels do not fit, and fewer ticks draw faster. */
const yearTicks = (rows: ChartData['rows']) => rows.map((r) => r.quarter).filter((q) => q.endsWith('Q1'))
const yearOf = (q: string) => q.slice(0, 4)

/**
 * recharts shows its tooltip only when some series has a value at the hovered quarter. The plotted series
 * are drawn by SeriesLayer, so one invisible series on an axis of its own stands in: its data and scale
 * never change, so it never re-renders; the tooltip takes the values from the context.
 */
const TOOLTIP_ANCHOR = [
  <YAxis key="anchor-axis" yAxisId="anchor" hide domain={[0, 1]} />,
  <Area key="anchor" yAxisId="anchor" dataKey="anchor" stroke="none" fill="none" activeDot={false} legendType="none" isAnimationActive={false} />
]

const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 }
/*
 * The chart gets its size in pixels from its box (useBoxSize), measured before the first paint: it draws
 * once at start-up, at its real size. A chart sized in percent (recharts' `responsive`) makes the browser
 * lay out every SVG element again whenever anything around it is laid out — a changed headline figure then
 * cost ≈1 ms of layout per chart on each toggle.
 */
/** Room for the y tick labels and the unit: wider on large screens and in presentation, where the type is larger. */
const yAxisWidth = (large: boolean) => (large ? 84 : typeof window !== 'undefined' && window.innerWidth >= 2200 ? 74 : 50)
/**
 * The unit, written along the y axis. The workspace's charts are short at 1280×720, so there the label says
 * "index" (the range 0–100 is in the tooltip and the chart's accessible name); presentation has the room.
 */
const axisUnit = (large: boolean) => <Label value={large ? UNIT : 'index'} angle={-90} position="insideLeft" offset={2} className="axis-unit" style={{ textAnchor: 'middle', dominantBaseline: 'hanging', fill: 'var(--muted)' }} />

/**
 * The chart's children, memoized piece by piece. The axes, grid, tooltip and markers keep their element
 * identity while their inputs are unchanged, so a toggle re-renders the y axis (its scale moved) and the
 * series layer only; recharts re-registers any child element it is handed anew.
 */
function useLayers(data: ChartData, markers: readonly Marker[], labelled: readonly Marker[], ticks: readonly string[], yMin: number, yMax: number, large: boolean, lines: readonly LineDef[], band: boolean) {
  const thick = large ? 3 : 1.5
  const axes = useMemo(() => {
    const tick = { fill: 'var(--muted)', fontSize: large ? 20 : 12 }
    return [
      <CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />,
      <XAxis key="x" dataKey="quarter" ticks={ticks as string[]} interval={0} tickFormatter={yearOf} tick={tick} stroke="var(--border)" height={large ? 34 : 20} />
    ]
  }, [ticks, large])
  const yAxis = useMemo(
    () => (
      <YAxis
        key="y"
        domain={[yMin, yMax]}
        // The domain is set from the data (nice steps around its extremes), and recharts sees no series:
        // with allowDataOverflow it takes the domain as given instead of looking for values of its own.
        allowDataOverflow
        ticks={yMin < 0 ? [yMin, 0, yMax] : [0, yMax / 2, yMax]}
        // Every given tick is drawn: recharts then does not measure each label's text in the DOM to thin them out.
        interval={0}
        tickCount={4}
        tick={{ fill: 'var(--muted)', fontSize: large ? 20 : 12 }}
        width={yAxisWidth(large)}
        stroke="var(--border)"
      >
        {axisUnit(large)}
      </YAxis>
    ),
    [yMin, yMax, large]
  )
  // The tooltip reads rows, series and markers from context, so its element (and recharts' tooltip state) stays put.
  const tooltip = useMemo(() => <Tooltip key="tip" content={<ChartTooltip />} isAnimationActive={false} />, [])
  const plotted = <SeriesLayer key="series" rows={data.rows} series={data.series} lines={lines} band={band} />
  const marks = useMemo(() => <MarkerLayer key="markers" markers={markers} thick={thick} />, [markers, thick])
  const labels = useMemo(() => <MarkerLabels key="marker-labels" markers={labelled} large={large} />, [labelled, large])
  return [...axes, yAxis, ...TOOLTIP_ANCHOR, tooltip, plotted, marks, labels]
}

/** The lines drawn over the stack, as the view asks for them. */
function useLines(stacking: 'channel' | 'measure', baseline: boolean, modified: boolean, large: boolean): LineDef[] {
  return useMemo(() => {
    const thick = large ? 3 : 1.5
    const out: LineDef[] = []
    if (stacking === 'measure') out.push({ key: 'total', stroke: 'var(--fg)', width: thick + 0.5 })
    if (baseline) out.push({ key: 'baseline', stroke: 'var(--fg)', width: thick, dash: '6 4' })
    if (modified) out.push({ key: 'modified', stroke: 'var(--modified)', width: thick, dash: '2 3' })
    return out
  }, [stacking, baseline, modified, large])
}

/**
 * One sector's exposure over time: stacked areas (by channel or by measure), the no-measures baseline,
 * the modified baseline, the P10–P90 band and a marker per quarter in which a measure starts, ends or
 * pauses. Renders only; `memo` plus value-stable props keep unchanged charts from re-rendering.
 */
export const ExposureChart = memo(function ExposureChart({ sector, economy, data, markers, allMarkers, enabledIds, yMax, yMin, headline, stacking, options, showTable }: Props) {
  const title = `${SECTOR_LABELS[sector]} — exposure, ${ECONOMY_LABELS[economy]}`
  const { rows, series } = data
  const { large, showBand, showBaseline } = options
  const hasModified = showBaseline && rows.some((r) => r.modified !== null)
  // A no-measures line that is zero throughout would only retrace the x axis: the legend says so instead.
  const drawBaseline = showBaseline && rows.some((r) => (r.baseline ?? 0) !== 0)
  const ticks = useStable(yearTicks(rows))
  // The axis sees the quarters only: its data stays the same object through toggles, so recharts' store
  // (and every selector hanging off it) is not touched; the values go to the series layer.
  const axisRows = useStable(rows.map((r) => ({ quarter: r.quarter, anchor: 0 })))
  const lines = useLines(stacking, drawBaseline, hasModified, large)
  const layers = useLayers(data, allMarkers, markers, ticks, yMin, yMax, large, lines, showBand)
  const tooltipSeries = useStable(series.map(({ key, label, color }) => ({ key, label, color })))
  const tooltipData = useMemo(() => ({ rows, series: tooltipSeries, markers }), [rows, tooltipSeries, markers])
  const plotRef = useRef<HTMLDivElement>(null)
  const size = useBoxSize(plotRef)
  return (
    <figure className="chart" data-testid={`chart-${sector}`} data-economy={economy}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <span className="headline" data-testid={`headline-${sector}`}>
          <EvidenceButton economy={economy} sector={sector} headline={headline} />
          <span>
            <strong>{headline.above}</strong> {headline.above === 1 ? 'quarter' : 'quarters'} above {headline.threshold}
          </span>
        </span>
        <ChartExportButton chart={{ sector, economy, stacking, band: options.showBand, reference: options.showBaseline }} />
      </figcaption>
      {rows.every((r) => r.total === 0) && (
        <p className="chart-empty">No exposure for this sector: no measure that is on acts on it. Switch measures on in the side panels, or switch economy.</p>
      )}
      <div ref={plotRef} className={`chart-plot ${markerScope(enabledIds)}`} role="img" aria-label={`${title}, ${UNIT} by quarter, stacked by ${stacking}`}>
        {size && (
          <TooltipContext.Provider value={tooltipData}>
            <ComposedChart width={size.width} height={size.height} data={axisRows} margin={MARGIN}>
              {layers}
            </ComposedChart>
          </TooltipContext.Provider>
        )}
      </div>
      {showTable && <DataTable caption={title} data={data} />}
      <div className="visually-hidden">
        <table data-testid={`table-${sector}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Exposure ({UNIT})</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">{r.quarter}</th>
                <td>{r.total.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
})
