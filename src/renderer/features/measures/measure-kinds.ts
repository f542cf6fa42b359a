import type { MeasureKind } from '../../../core'

/** Panel headings for the catalogue's `kind`, in the order the panels list them. */
export const KIND_LABELS: Record<MeasureKind, string> = {
  'materials-licensing': 'Materials licensing',
  extraterritorial: 'Extraterritorial rules',
  technology: 'Technology',
  chips: 'Chips',
  tariffs: 'Tariffs',
  'software-cloud': 'Software & cloud',
  capacity: 'Capacity',
  stockpiles: 'Stockpiles',
  'sourcing-rules': 'Sourcing rules'
}

export const CONFIDENCE_LABELS = { H: 'High', M: 'Medium', L: 'Low' } as const

/** Groups items by kind in the order of KIND_LABELS; empty kinds are left out. */
export function groupByKind<T extends { kind: MeasureKind }>(items: readonly T[]): { kind: MeasureKind; label: string; items: T[] }[] {
  return (Object.keys(KIND_LABELS) as MeasureKind[])
    .map((kind) => ({ kind, label: KIND_LABELS[kind], items: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.items.length > 0)
}

/** '85' + '%' → '85 %'; keeps units that are words readable ('6 weeks'). */
export const withUnit = (value: number, unit: string) => (unit ? `${formatNumber(value)} ${unit}` : formatNumber(value))

export const formatNumber = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000))
