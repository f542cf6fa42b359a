import { memo, useMemo } from 'react'
import { DefaultZIndexes, useActiveTooltipLabel, usePlotArea, useXAxisScale, ZIndexLayer } from 'recharts'
import type { Marker } from '../timeline/timeline-model'

const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

/** Class names carrying measure ids (ids are lower-case identifiers, safe in a class name). */
const on = (id: string) => `on-${id}`
const of = (id: string) => `m-${id}`

/** The class list that shows the markers of the enabled measures: put it on an ancestor of the chart. */
export const markerScope = (enabledIds: string) => ['marker-scope', ...enabledIds.split(' ').filter(Boolean).map(on)].join(' ')

/**
 * One rule per catalogue measure: a marker line is shown when one of its measures is enabled. Lines of
 * every measure stay mounted and the enabled set is a class list on an ancestor, so switching a measure
 * on or off re-renders no marker.
 */
export function MarkerStyles({ ids }: { ids: readonly string[] }) {
  const css = useMemo(() => ['.marker-scope .mk { visibility: hidden; }', ...ids.map((id) => `.marker-scope.${on(id)} .mk.${of(id)} { visibility: visible; }`)].join('\n'), [ids])
  return <style>{css}</style>
}

/**
 * The measure-date markers, one vertical line per quarter and side, drawn from the x scale and the plot
 * area only. Unlike recharts' ReferenceLine, which follows the y scale too, nothing here depends on the
 * plotted values: a toggle that rescales the y axis leaves every marker's DOM untouched.
 */
export const MarkerLayer = memo(function MarkerLayer({ markers, thick }: { markers: readonly Marker[]; thick: number }) {
  const x = useXAxisScale()
  const plot = usePlotArea()
  if (!x || !plot) return null
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <g className="chart-markers">
        {markers.map((m) => {
          const at = x(m.quarter, { position: 'middle' })
          if (at === undefined || !Number.isFinite(at)) return null
          if (m.edge) return <EdgeMarker key={`${m.quarter}|${m.side}|edge`} marker={m} x={plot.x} y={plot.y} size={4 + 3 * thick} />
          // A date in the first quarter sits on the y-axis line, which would hide it: drawn just inside the plot.
          const lineX = Math.max(at, plot.x + 1.5 * thick)
          return (
            <line
              key={`${m.quarter}|${m.side}`}
              className={['mk', ...m.ids.map(of)].join(' ')}
              x1={lineX}
              x2={lineX}
              y1={plot.y}
              y2={plot.y + plot.height}
              stroke={SIDE_STROKE[m.side]}
              strokeWidth={thick}
              strokeDasharray="1 3"
            />
          )
        })}
      </g>
    </ZIndexLayer>
  )
})

/**
 * Measures in force since before the first quarter: their start has no place on the x axis, so rather than a
 * line on the y-axis (where it read as an event of the first quarter) a small arrowhead at the plot's left
 * edge points back in time, Beijing's above Washington's, "in force since <date>" as its title and in the
 * first quarter's hover labels and tooltip.
 */
function EdgeMarker({ marker, x, y, size }: { marker: Marker; x: number; y: number; size: number }) {
  const top = y + 2 + (marker.side === 'beijing' ? 0 : size * 1.4)
  return (
    <path
      className={['mk', 'mk-edge', ...marker.ids.map(of)].join(' ')}
      d={`M${x + 1},${top + size / 2}l${size},${-size / 2}v${size}z`}
      fill={SIDE_STROKE[marker.side]}
      data-testid={`edge-marker-${marker.side}`}
    >
      <title>{marker.texts.join('\n')}</title>
    </path>
  )
}

/**
 * The labels of the markers at the hovered quarter, or at the quarter chosen with the arrow keys once the
 * chart has focus (recharts' keyboard layer moves the same active point): what starts, ends or pauses
 * there, in the side's colour, next to the line. Only `markers` of enabled measures are labelled. Kept
 * apart from MarkerLayer so that pointer moves re-render this small layer only.
 */
export function MarkerLabels({ markers, large }: { markers: readonly Marker[]; large: boolean }) {
  const active = useActiveTooltipLabel()
  const x = useXAxisScale()
  const plot = usePlotArea()
  if (active === undefined || !x || !plot) return null
  const here = markers.filter((m) => m.quarter === active)
  if (here.length === 0) return null
  const at = x(active, { position: 'middle' })
  if (at === undefined || !Number.isFinite(at)) return null
  const size = large ? 18 : 12
  const lines = here.flatMap((m) => m.texts.map((t) => ({ side: m.side, t })))
  // Left of the line where the text fits (recharts puts its tooltip to the right of the pointer, so both stay
  // readable), else right of it; the tooltip lists the same events in any case.
  const wide = Math.max(...lines.map((l) => l.t.length)) * size * 0.6
  const right = at - plot.x < wide + 8
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="marker-labels" data-testid="marker-labels" pointerEvents="none">
        {lines.map((l, i) => (
          <text key={l.t} x={at + (right ? 6 : -6)} y={plot.y + size * (i + 1)} textAnchor={right ? 'start' : 'end'} fontSize={size} className={`marker-label side-${l.side}`}>
            {l.t}
          </text>
        ))}
      </g>
    </ZIndexLayer>
  )
}
