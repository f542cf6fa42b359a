/**
 * Results cross every boundary (IPC, HTTP) as data, never as thrown errors or stacks.
 * `code` is stable and machine-readable; `message` is for people.
 */
export const ERROR_CODES = ['invalid_input', 'unknown_method', 'not_found', 'conflict', 'storage', 'forbidden', 'too_large', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One validation problem: where (a dotted path) and what. */
export type Issue = { path: string; message: string }

export type ApiError = { code: ErrorCode; message: string; issues?: Issue[] }
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, issues?: Issue[]): Result<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message }
})

/** Turns a zod-like issue path into a readable dotted path: `measures[2].start`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out || '(root)'
}
