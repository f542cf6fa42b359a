/**
 * A y-axis ceiling in steps (5, 10, 20 … 100), the same on screen and in exports: small exposures stay
 * readable, and the ceiling only moves when the data crosses a step, so toggling rarely rescales a chart.
 */
export function niceCeiling(max: number): number {
  const steps = [5, 10, 20, 30, 40, 50, 60, 80, 100]
  return steps.find((s) => max <= s) ?? Math.ceil(max / 10) * 10
}

/** The same steps below zero (for negative contributions); 0 when nothing is negative. */
export const niceFloor = (min: number): number => (min >= 0 ? 0 : -niceCeiling(-min))
