// Test support: raw HTTP requests to the web host (bytes as given, no client-side normalisation).
import { Agent, request } from 'node:http'
import { connect } from 'node:net'

export type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> }

const agent = new Agent({ keepAlive: true, maxSockets: 16 })

/** A request through Node's client: headers as given (the Host header defaults to our own). */
export function call(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

/** Writes raw bytes on a fresh socket and collects everything until the server closes it (or `timeoutMs`). */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 5_000): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: false })
    }, timeoutMs)
    socket.on('data', (c) => chunks.push(c))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: true })
    })
    socket.on('error', () => {})
    socket.write(bytes)
  })
}

/** Status code of a raw HTTP/1.1 response text, or 0. */
export const statusOf = (text: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)
