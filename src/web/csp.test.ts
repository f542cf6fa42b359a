import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CSP, SECURITY_HEADERS } from './security'

/** The renderer page both runtimes load (the desktop app from file://, the web host over http). */
const html = readFileSync(join(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8')

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false)
    directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/** The rules a policy must keep: scripts only from the app itself, nothing remote, no plugins, no base tag tricks. */
function expectStrict(policy: string) {
  const d = parseCsp(policy)
  expect(d.get('default-src')).toEqual(["'self'"])
  expect(d.get('script-src')).toEqual(["'self'"])
  expect(d.get('object-src')).toEqual(["'none'"])
  expect(d.get('base-uri')).toEqual(["'none'"])
  expect(d.get('form-action')).toEqual(["'none'"])
  expect(d.get('connect-src')).toEqual(["'self'"])
  for (const [name, sources] of d) {
    for (const source of sources) {
      expect(source, `${name} ${source}`).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/)
      // No remote origin anywhere: no scheme other than data:/blob:, no host, no wildcard.
      expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/)
    }
  }
  // Inline code is never allowed to run: 'unsafe-inline' appears only for styles (recharts sets style attributes).
  for (const [name, sources] of d) if (sources.includes("'unsafe-inline'")) expect(name).toBe('style-src')
  expect(d.has('script-src-elem')).toBe(false)
  expect(d.has('script-src-attr')).toBe(false)
}

describe('content security policy', () => {
  it('the renderer page carries exactly one strict CSP meta tag', () => {
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)]
    expect(metas).toHaveLength(1)
    expectStrict(metas[0][1])
  })

  it('the renderer page has no inline script, no inline handler and no remote resource', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.?\/[^"]+"/)
      expect(body.trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
  })

  it('the web host sends the same policy plus frame-ancestors, and the hardening headers', () => {
    expectStrict(CSP)
    const meta = /content="([^"]*)"/.exec(html.slice(html.indexOf('Content-Security-Policy')))![1]
    const header = parseCsp(CSP)
    for (const [name, sources] of parseCsp(meta)) expect(header.get(name), name).toEqual(sources)
    expect(header.get('frame-ancestors')).toEqual(["'none'"])
    expect(SECURITY_HEADERS).toMatchObject({
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin'
    })
  })

  it('the rules above would catch a weakened policy', () => {
    for (const weak of [
      CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"),
      CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
      CSP.replace("connect-src 'self'", "connect-src 'self' https://api.example.com"),
      CSP.replace("img-src 'self' data: blob:", 'img-src *'),
      CSP.replace("object-src 'none'; ", '')
    ])
      expect(() => expectStrict(weak), weak).toThrow()
  })
})
