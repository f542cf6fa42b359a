/**
 * JSON with object keys sorted at every level, so two equal documents give the same text whatever
 * order their keys were built in (a document from the server, from a file, or edited here).
 * Used to decide "unsaved changes". Arrays keep their order: it is meaningful.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const sorted: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k]
    return sorted
  })
}
