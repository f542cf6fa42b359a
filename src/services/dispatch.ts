import { contract, isMethod, type Method, type Output, type ParsedInput } from '../shared/contract'
import { fail, formatPath, ok, type Result } from '../shared/result'
import { RepoError } from './repositories/repo-error'
import { StorageError, classifyStorageError } from './db/open'

/** One handler per contract method; `satisfies Handlers` makes a missing or mistyped one a compile error. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> }

export type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void

/**
 * The single entry point for IPC and HTTP: validates the method name and input against the contract,
 * runs the handler, validates the output, and turns every failure into `{ok:false, error}` data.
 * Stacks go to the log, never to the caller.
 */
export function createDispatch(handlers: Handlers, log: Log) {
  return async function dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !isMethod(method)) return fail('unknown_method', `Unknown API method: ${describe(method)}.`)
    const spec = contract[method]
    const shape = shapeProblem(input)
    if (shape) return fail('invalid_input', `Invalid input for ${method}: ${shape}`)
    let parsed: ReturnType<typeof spec.input.safeParse>
    try {
      parsed = spec.input.safeParse(input)
    } catch (e) {
      // A schema should never throw, but a refinement meeting a value nobody foresaw might: still the caller's input.
      log('warn', `${method}: validation threw`, e)
      return fail('invalid_input', `Invalid input for ${method}.`)
    }
    if (!parsed.success) {
      // Paths and messages can echo the caller's own keys: cap them so a hostile key cannot bloat the answer.
      const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: clip(formatPath(i.path)), message: clip(i.message) }))
      return fail('invalid_input', clip(`Invalid input for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, 2000), issues)
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        log('error', `${method} produced output that breaks the contract`, checked.error.issues)
        return fail('internal', `${method} failed: the result did not match the contract.`)
      }
      return ok(checked.data)
    } catch (e) {
      return toFailure(method, e, log)
    }
  }
}

/**
 * Bounds on any input, checked before validation walks it. No valid input comes near them (the largest, an
 * export with four full scenario documents, is about 60,000 values and 8 levels deep), but a record with a
 * million keys would keep zod, and the host's only thread, busy for seconds.
 */
export const INPUT_LIMITS = { maxValues: 200_000, maxDepth: 64 } as const

export function shapeProblem(input: unknown): string | null {
  const stack: [unknown, number][] = [[input, 0]]
  let values = 0
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (++values > INPUT_LIMITS.maxValues) return `more than ${INPUT_LIMITS.maxValues} values.`
    if (depth > INPUT_LIMITS.maxDepth) return `nested deeper than ${INPUT_LIMITS.maxDepth} levels.`
    if (Array.isArray(value)) {
      // Length first: a sparse array can claim a billion slots while holding nothing.
      if (value.length > INPUT_LIMITS.maxValues) return `a list of more than ${INPUT_LIMITS.maxValues} items.`
      for (let i = 0; i < value.length; i++) stack.push([value[i], depth + 1])
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Map) && !(value instanceof Set)) {
      const keys = Object.keys(value)
      if (keys.length > INPUT_LIMITS.maxValues) return `an object with more than ${INPUT_LIMITS.maxValues} fields.`
      for (const key of keys) stack.push([(value as Record<string, unknown>)[key], depth + 1])
    }
  }
  return null
}

function toFailure(method: string, e: unknown, log: Log): Result<never> {
  // Messages written for people can quote what they were given (a file's field, a name): keep them bounded.
  if (e instanceof RepoError) return fail(e.code, clip(e.message, 8000))
  if (e instanceof StorageError) {
    log('error', `${method}: ${e.message}`)
    return fail('storage', e.message)
  }
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const classified = classifyStorageError(e, 'the database')
    log('error', `${method}: ${classified.message}`, e)
    // Damage found mid-session: the start-up check will find it again and offer the latest backup.
    const hint = classified.kind === 'corrupt' ? ' Restart Chokepoint to restore the latest backup.' : ''
    return fail('storage', classified.message + hint)
  }
  log('error', `${method} threw`, e)
  return fail('internal', `${method} failed unexpectedly. The details were written to the log.`)
}

const describe = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 80)) : typeof v)
const clip = (text: string, max = 200) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
