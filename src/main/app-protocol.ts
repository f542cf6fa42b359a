import { readFile, realpath } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

/**
 * The renderer is served from `app://chokepoint/`, not `file://`. Under `file://` the page's origin is every
 * local file: its CSP 'self' would let an injected `<script src="file:///…">` or a fetch reach anything the
 * user can read. `app://chokepoint` is a standard, secure origin of its own that holds exactly the built
 * renderer's files and nothing else. Electron-free (Electron's `protocol` is passed in) so the security test
 * runs this very code.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'chokepoint'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/index.html`

/**
 * The policy every answer of the protocol carries (on top of the page's own meta tag): the app origin by
 * name, no other origin, no eval, no inline script.
 */
export const APP_CSP = [
  `default-src ${APP_ORIGIN}`,
  `script-src ${APP_ORIGIN}`,
  // recharts positions tooltips and legends with style attributes
  `style-src ${APP_ORIGIN} 'unsafe-inline'`,
  `img-src ${APP_ORIGIN} data: blob:`,
  `font-src ${APP_ORIGIN} data:`,
  `connect-src ${APP_ORIGIN}`,
  `worker-src ${APP_ORIGIN} blob:`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Privileges for `protocol.registerSchemesAsPrivileged` (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon'
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': APP_CSP } })

/**
 * Answers `app://chokepoint/<path>` with the file at `<rendererDir>/<path>`, and 404 for anything else: another
 * host, a method other than GET/HEAD, a path that leaves the folder (`..`, encoded or not, or a symlink that
 * points out), a folder, a missing file.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir)
  return async (request) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return notFound()
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound()
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      return notFound()
    }
    if (path.includes('\0')) return notFound()
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root + sep)) return notFound()
    try {
      // A link inside the folder that leads out of it is refused too.
      const [real, realRoot] = await Promise.all([realpath(file), realpath(root)])
      if (!real.startsWith(realRoot + sep)) return notFound()
      const body = await readFile(real)
      return new Response(body, {
        status: 200,
        headers: { 'content-type': TYPES[extname(real)] ?? 'application/octet-stream', 'content-security-policy': APP_CSP, 'x-content-type-options': 'nosniff' }
      })
    } catch {
      return notFound()
    }
  }
}

type Protocol = {
  registerSchemesAsPrivileged(schemes: typeof APP_SCHEME_PRIVILEGES): void
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

/** Before `app.whenReady()`: the scheme must be standard and secure from the start. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES)
}

/** After ready: serve the renderer folder, and only it, on `app://chokepoint/`. */
export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
}
