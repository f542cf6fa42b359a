import { useMemo } from 'react'
import { ReferenceLine } from 'recharts'
import type { Marker } from '../timeline/timeline-model'
import { useKeyedElements } from '../../state/use-keyed-elements'

const SIDE_STROKE = { beijing: 'var(--beijing)', washington: 'var(--washington)' } as const

/** Class names carrying measure ids (ids are lower-case identifiers, safe in a class name). */
const on = (id: string) => `on-${id}`
const of = (id: string) => `m-${id}`

/** The class list that shows the markers of the enabled measures: put it on an ancestor of the chart. */
export const markerScope = (enabledIds: string) => ['marker-scope', ...enabledIds.split(' ').filter(Boolean).map(on)].join(' ')

/**
 * One rule per catalogue measure: a marker line is shown when one of its measures is enabled. Lines of
 * every measure stay mounted and the enabled set is a class list on an ancestor, so switching a measure
 * on or off re-renders no marker (a re-rendered recharts ReferenceLine re-registers itself in the
 * chart's store, which every series then re-checks).
 */
export function MarkerStyles({ ids }: { ids: readonly string[] }) {
  const css = useMemo(() => ['.marker-scope .mk { visibility: hidden; }', ...ids.map((id) => `.marker-scope.${on(id)} .mk.${of(id)} { visibility: visible; }`)].join('\n'), [ids])
  return <style>{css}</style>
}

/**
 * The measure-date markers as recharts ReferenceLines, one per quarter and side, keeping their element
 * identity while their quarter, side, measures and width are unchanged (React then skips them).
 */
export function useMarkerLines(markers: readonly Marker[], thick: number) {
  return useKeyedElements(
    markers,
    (m) => `${m.quarter}|${m.side}`,
    (m) => `${thick}|${m.ids.join(' ')}`,
    (m) => (
      <ReferenceLine
        key={`mk|${m.quarter}|${m.side}`}
        className={['mk', ...m.ids.map(of)].join(' ')}
        x={m.quarter}
        stroke={SIDE_STROKE[m.side]}
        strokeWidth={thick}
        strokeDasharray="1 3"
      />
    )
  )
}
