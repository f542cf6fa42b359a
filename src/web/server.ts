import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fail, type Result } from '../shared/result'
import { SECURITY_HEADERS, hasToken, isAllowedHost, isAllowedOrigin } from './security'

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>

export type WebHostOptions = {
  dispatch: Dispatch
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** Per-run secret; every API request must carry it as `Authorization: Bearer <token>`. */
  token?: string
  port?: number
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number
  /** A request body must arrive within this many ms (slow clients are cut off). */
  bodyTimeoutMs?: number
  /** Request headers must arrive within this many ms (defaults to the body timeout). */
  headersTimeoutMs?: number
  /** Most connections open at once; more are closed as they arrive (a browser uses about six). */
  maxConnections?: number
  /** A connection with nothing happening on it for this long is closed (ms). */
  idleTimeoutMs?: number
}

/**
 * How long a refused request's remaining body is still read (and dropped) after the answer went out.
 * Closing a socket with unread bytes makes the kernel send a reset, and a client still sending then often
 * loses the 413 it was sent; reading to the end of its body first lets it see the answer (HTTP's
 * "lingering close").
 */
const LINGER_MS = 3_000
const LINGER_IDLE_MS = 500

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly result: Result<never>
  ) {
    super(result.ok ? '' : result.error.message)
  }
}

/**
 * The localhost web host: serves the built renderer and `POST /api/<method>` → `dispatch`.
 * Bound to 127.0.0.1 only; Host and Origin are checked on every request and the token on every API call.
 */
export async function startWebHost(options: WebHostOptions): Promise<{ server: Server; url: string; port: number; token: string; close: () => Promise<void> }> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const maxBody = options.maxBodyBytes ?? 20 * 1024 * 1024
  const bodyTimeout = options.bodyTimeoutMs ?? 10_000
  const headersTimeout = options.headersTimeoutMs ?? bodyTimeout
  let port = 0

  // Node checks the header/request deadlines on this interval (default 30 s): make it short enough that a
  // slow client is cut off close to its deadline.
  const server = createServer({ connectionsCheckingInterval: Math.min(1_000, headersTimeout) }, (req, res) => {
    handle(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500
      const result = e instanceof HttpError ? e.result : fail('internal', 'The web host failed to answer. See its console.')
      if (!(e instanceof HttpError)) console.error('[chokepoint] web host error', e)
      // A body left unread (too large, too slow) ends the connection once the answer is out: closing at
      // once would reset the socket and the client would never see why.
      if (!req.complete) {
        // Too large: the client is still sending at full speed and must get to read the 413. Too slow (408)
        // or gone: nothing worth waiting for, the connection ends once the answer is out.
        if (status === 413) lingerThenClose(req, res)
        else res.setHeader('connection', 'close')
      }
      send(res, status, result)
    })
  })
  server.requestTimeout = bodyTimeout + 5_000
  server.headersTimeout = headersTimeout
  // A local program without the token can still open connections: cap them, and close idle ones.
  server.maxConnections = options.maxConnections ?? 64
  const idle = options.idleTimeoutMs ?? 30_000
  server.keepAliveTimeout = Math.min(idle, 5_000)
  server.timeout = idle

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isAllowedHost(req.headers.host, port)) throw new HttpError(403, fail('forbidden', 'Unexpected Host header.'))
    if (!isAllowedOrigin(req.headers.origin, port)) throw new HttpError(403, fail('forbidden', 'Cross-origin requests are refused.'))
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') throw new HttpError(405, fail('invalid_input', 'Use POST for API calls.'))
      if (!hasToken(req.headers.authorization, token)) throw new HttpError(403, fail('forbidden', 'Missing or wrong access token. Open the URL printed by `npm run web`.'))
      const method = decodePath(url.pathname.slice(5))
      if (method === null) throw new HttpError(400, fail('unknown_method', 'The API method name is not valid URL encoding.'))
      const input = await readJson(req, maxBody, bodyTimeout)
      const result = await options.dispatch(method, input)
      return send(res, 200, result)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, fail('invalid_input', 'Method not allowed.'))
    return serveStatic(url.pathname, res)
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const root = normalize(options.rendererDir)
    const decoded = decodePath(pathname)
    if (decoded === null || decoded.includes('\0')) throw new HttpError(404, fail('not_found', 'Not found.'))
    let file = normalize(join(root, decoded))
    if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, fail('not_found', 'Not found.'))
    const info = await stat(file).catch(() => null)
    if (info?.isDirectory()) file = join(file, 'index.html')
    else if (!info) throw new HttpError(404, fail('not_found', 'Not found.'))
    const body = await readFile(file).catch(() => null)
    if (!body) throw new HttpError(404, fail('not_found', 'Not found.'))
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
    res.end(body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as { port: number }).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    // server.close() alone waits for every keep-alive connection a browser holds open, which can be forever.
    close: () =>
      new Promise((r) => {
        server.close(() => r())
        server.closeAllConnections()
      })
  }
}

/**
 * After the 413 for a body still arriving: read and drop the rest, and close once the client has sent it all
 * (or goes quiet for `LINGER_IDLE_MS`, or `LINGER_MS` have passed). The answer says `connection: close`, so
 * no client reuses the connection; but Node would then destroy the socket the moment the answer is flushed,
 * with the client's bytes unread: it half-closes instead (FIN, reading goes on).
 */
function lingerThenClose(req: IncomingMessage, res: ServerResponse) {
  const socket = req.socket
  res.setHeader('connection', 'close')
  socket.destroySoon = () => void socket.end()
  let quietTimer: NodeJS.Timeout | undefined
  const finish = () => {
    clearTimeout(quietTimer)
    clearTimeout(cutOff)
    socket.destroy()
  }
  const cutOff = setTimeout(finish, LINGER_MS).unref()
  const quiet = () => {
    clearTimeout(quietTimer)
    quietTimer = setTimeout(finish, LINGER_IDLE_MS).unref()
  }
  quiet()
  req.on('data', quiet)
  // All of it read: close once the answer is out too.
  req.once('end', () => (res.writableFinished ? finish() : res.once('finish', finish)))
  req.resume() // a declared-too-large body was never read at all
  socket.once('close', () => {
    clearTimeout(quietTimer)
    clearTimeout(cutOff)
  })
}

/** `decodeURIComponent` that answers null for malformed escapes instead of throwing (a 500 would be our fault). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function send(res: ServerResponse, status: number, result: Result<unknown>) {
  if (res.headersSent || res.destroyed) return res.end()
  const body = JSON.stringify(result)
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(body)
}

/** Reads a JSON body with a size cap and a deadline; bad JSON is the caller's error, not the server's. */
function readJson(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxBytes) return Promise.reject(new HttpError(413, fail('too_large', `Request body over ${maxBytes} bytes.`)))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    const timer = setTimeout(() => {
      refused = true
      reject(new HttpError(408, fail('invalid_input', 'The request body took too long to arrive.')))
    }, timeoutMs)
    req.on('data', (chunk: Buffer) => {
      if (refused) return // drained and dropped until the connection closes
      size += chunk.length
      if (size > maxBytes) {
        refused = true
        chunks.length = 0
        clearTimeout(timer)
        reject(new HttpError(413, fail('too_large', `Request body over ${maxBytes} bytes.`)))
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      clearTimeout(timer)
      if (refused) return
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') return resolve({})
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new HttpError(400, fail('invalid_input', 'The request body is not valid JSON.')))
      }
    })
    // A client that hangs up mid-body settles the request too, so nothing waits on it forever.
    const abandoned = () => {
      clearTimeout(timer)
      reject(new HttpError(400, fail('invalid_input', 'The request was abandoned before its body arrived.')))
    }
    req.on('error', abandoned)
    req.on('close', () => {
      if (!req.complete) abandoned()
    })
  })
}
