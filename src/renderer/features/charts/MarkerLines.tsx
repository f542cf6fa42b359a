import { memo, useMemo } from 'react'
import { DefaultZIndexes, usePlotArea, useXAxisScale, ZIndexLayer } from 'recharts'
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
          return (
            <line
              key={`${m.quarter}|${m.side}`}
              className={['mk', ...m.ids.map(of)].join(' ')}
              x1={at}
              x2={at}
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
