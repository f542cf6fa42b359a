import { memo, useMemo } from 'react'
import { ComposedChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts'
import type { Marker } from '../timeline/timeline-model'
import { useKeyedElements } from '../../state/use-keyed-elements'

type Props = { quarters: readonly string[]; markers: readonly Marker[]; left: number; right: number; top: number; bottom: number; thick: number }

const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

/**
 * The measure-date markers (recharts ReferenceLines) on a transparent chart laid exactly over the plot
 * area of the exposure chart: same quarters, same margins, hidden axes. Markers depend on dates only, so
 * a slider move or a toggle redraws the exposure chart without touching them, and a date change redraws
 * only this light chart. It ignores the pointer, so the tooltip below still works.
 */
export const MarkerOverlay = memo(function MarkerOverlay({ quarters, markers, left, right, top, bottom, thick }: Props) {
  const rows = useMemo(() => quarters.map((quarter) => ({ quarter })), [quarters])
  const margin = useMemo(() => ({ top, right, bottom, left }), [top, right, bottom, left])
  // A re-rendered ReferenceLine re-registers itself in recharts' store (an effect without dependencies),
  // so only markers that changed get a new element.
  const lines = useKeyedElements(
    markers,
    (m) => `${m.quarter}|${m.side}`,
    () => String(thick),
    (m) => <ReferenceLine key={`${m.quarter}|${m.side}`} x={m.quarter} stroke={SIDE_STROKE[m.side]} strokeWidth={thick} strokeDasharray="1 3" />
  )
  const axes = useMemo(() => [<XAxis key="x" dataKey="quarter" hide />, <YAxis key="y" hide domain={[0, 1]} />], [])
  return (
    <div className="marker-overlay" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 160 }}>
        <ComposedChart data={rows} margin={margin}>
          {axes}
          {lines}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
})
