/**
 * A cheap, iterative look at an untrusted JSON value before schema validation. Validators and error
 * formatters recurse; a hostile file nested 100,000 levels deep would overflow their stack, and one with
 * millions of keys would keep the app busy for seconds. A real scenario is < 10 levels and < 20,000 values.
 */
export const MAX_DOC_DEPTH = 32
export const MAX_DOC_VALUES = 100_000

export type ShapeProblem = { path: string; message: string }

export function checkShape(input: unknown, maxDepth = MAX_DOC_DEPTH, maxValues = MAX_DOC_VALUES): ShapeProblem | null {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: input, depth: 0, path: '' }]
  let values = 0
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: string }
    if (++values > maxValues) return { path: '', message: `the document is too large (more than ${maxValues.toLocaleString('en')} values)` }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= maxDepth) return { path, message: `the document is nested too deeply (more than ${maxDepth} levels)` }
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, depth: depth + 1, path: `${path}[${i}]` }))
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, path: path ? `${path}.${k}` : k })
  }
  return null
}

/** A short, safe description of an untrusted value for an error message (never recurses into it). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
