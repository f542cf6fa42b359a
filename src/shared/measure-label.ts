import type { Measure } from '../core'

/**
 * Short label of a measure for legends: the title cut to about 34 characters, keeping the instrument in
 * parentheses ("Licensing of seven medium/heavy REEs and their… (Ann. No. 18)"). The same rule as the
 * app's legends (renderer/features/measures/measure-labels.ts), so exported stacks by measure read alike.
 */
export function shortMeasureLabel(m: Pick<Measure, 'title'>): string {
  const paren = /\(([^)]*)\)\s*$/.exec(m.title)
  const head = m.title.replace(/\s*\([^)]*\)\s*$/, '')
  const short = head.length > 34 ? `${head.slice(0, 32).trimEnd()}…` : head
  return paren ? `${short} (${paren[1]})` : short
}
