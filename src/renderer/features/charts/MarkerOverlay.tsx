import { memo, useMemo } from 'react'
import { Area, CartesianGrid, ComposedChart, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { Marker } from '../timeline/timeline-model'
import { useKeyedElements } from '../../state/use-keyed-elements'

type Props = { quarters: readonly string[]; markers: readonly Marker[]; enabledIds: string; grid: boolean; left: number; right: number; top: number; bottom: number; thick: number }

const FILL = { width: '100%', height: '100%' }
const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

/** Class names carrying measure ids (ids are lower-case identifiers, safe in a class name). */
const on = (id: string) => `on-${id}`
const of = (id: string) => `m-${id}`

/**
 * One rule per catalogue measure: a marker line is shown when one of its measures is enabled. Lines of
 * every measure stay mounted and the enabled set is a class list on the overlay, so switching a measure
 * on or off re-renders no marker (a re-rendered ReferenceLine re-registers itself in recharts' store).
 */
export function MarkerStyles({ ids }: { ids: readonly string[] }) {
  const css = useMemo(() => ['.marker-overlay .mk { visibility: hidden; }', ...ids.map((id) => `.marker-overlay.${on(id)} .mk.${of(id)} { visibility: visible; }`)].join('\n'), [ids])
  return <style>{css}</style>
}

/**
 * The measure-date markers (recharts ReferenceLines) on a transparent chart laid exactly over the plot
 * area of the exposure chart: same quarters, same margins, hidden axes. Markers depend on dates only, so
 * a slider move or a toggle redraws the exposure chart without touching them, and a date change redraws
 * only this light chart. It ignores the pointer, so the tooltip below still works.
 */
export function MarkerOverlay({ enabledIds, ...chart }: Props) {
  // Only this wrapper's class list follows the enabled measures; the chart inside does not re-render.
  return (
    <div className={['marker-overlay', ...enabledIds.split(' ').filter(Boolean).map(on)].join(' ')} aria-hidden="true">
      <MarkerChart {...chart} />
    </div>
  )
}

const MarkerChart = memo(function MarkerChart({ quarters, markers, grid, left, right, top, bottom, thick }: Omit<Props, 'enabledIds'>) {
  const rows = useMemo(() => quarters.map((quarter) => ({ quarter, y: 0 })), [quarters])
  const margin = useMemo(() => ({ top, right, bottom, left }), [top, right, bottom, left])
  // A re-rendered ReferenceLine re-registers itself in recharts' store (an effect without dependencies),
  // so only markers that changed get a new element.
  const lines = useKeyedElements(
    markers,
    (m) => `${m.quarter}|${m.side}`,
    (m) => `${thick}|${m.ids.join(' ')}`,
    (m) => (
      <ReferenceLine
        key={`${m.quarter}|${m.side}`}
        className={['mk', ...m.ids.map(of)].join(' ')}
        x={m.quarter}
        stroke={SIDE_STROKE[m.side]}
        strokeWidth={thick}
        strokeDasharray="1 3"
      />
    )
  )
  // recharts 3 builds no axis scale without a graphical item: an invisible one gives the x axis its quarters.
  // With `grid`, the horizontal grid lives here too: the exposure chart's y axis is [0, max] with three
  // ticks (0, max/2, max), which fall exactly on this axis's 0, 0.5 and 1 — and this chart does not
  // redraw when the data changes.
  const axes = useMemo(
    () => [
      <XAxis key="x" dataKey="quarter" hide />,
      <YAxis key="y" hide domain={[0, 1]} ticks={[0, 0.5, 1]} />,
      <Area key="anchor" dataKey="y" stroke="none" fill="none" isAnimationActive={false} />,
      ...(grid ? [<CartesianGrid key="grid" strokeDasharray="3 3" stroke="var(--grid)" vertical={false} />] : [])
    ],
    [grid]
  )
  return (
    <ComposedChart responsive style={FILL} data={rows} margin={margin}>
      {axes}
      {lines}
    </ComposedChart>
  )
})
