import type { ErrorCode } from '../../shared/result'

/**
 * A failure the caller reports as data (`{ok:false, error:{code, message}}`): a missing scenario, a name
 * clash, a file that cannot be imported. The message is for people: it says what happened and what to do.
 */
export class RepoError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, 'not_found' | 'conflict' | 'invalid_input' | 'too_large'>,
    message: string
  ) {
    super(message)
  }
}
