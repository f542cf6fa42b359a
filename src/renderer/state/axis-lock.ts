/**
 * The y-axis lock. Unlocked, each chart's y-axis follows its data, so a toggle that takes a sector from 25
 * to 4 redraws a chart of the same height with a smaller axis — the drop is hard to see. Locked, every chart
 * keeps the widest domain it has shown since the lock began: it widens when the data would not fit (nothing
 * is ever cut off) and never narrows, so a drop looks like a drop.
 */
export type Domain = { readonly min: number; readonly max: number }

/** The locked domain after showing `next`: the union of the two (pure). */
export function widen(prev: Domain | undefined, next: Domain): Domain {
  if (!prev) return next
  if (prev.min <= next.min && prev.max >= next.max) return prev
  return { min: Math.min(prev.min, next.min), max: Math.max(prev.max, next.max) }
}

/**
 * One lock's memory: the widest domain per chart key (economy, sector, stacking). A new lock starts empty —
 * App makes one whenever the lock is switched on, presentation starts or another scenario opens. Fitting is
 * monotone, so a render React discards can only have widened a domain the data reached anyway.
 */
export type AxisLock = { fit: (key: string, d: Domain) => Domain }

export function createAxisLock(): AxisLock {
  const seen = new Map<string, Domain>()
  return {
    fit(key, d) {
      const out = widen(seen.get(key), d)
      seen.set(key, out)
      return out
    }
  }
}
