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

function toFailure(method: string, e: unknown, log: Log): Result<never> {
  if (e instanceof RepoError) return fail(e.code, e.message)
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
