/**
 * A strict XML 1.0 well-formedness check for tests (no DTDs): characters XML allows, one root element,
 * balanced and properly nested tags, quoted attributes without `<`, no duplicate attributes, and only the
 * five predefined entities or character references to allowed characters. Throws with the offset of the
 * first problem; returns the root element's name.
 */
const CHAR_OK = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*$/

function checkText(text: string, at: number) {
  for (const m of text.matchAll(/&([^;]*);?/g)) {
    const ref = m[1]
    if (!m[0].endsWith(';')) throw new Error(`bare & at ${at + (m.index ?? 0)}`)
    if (['lt', 'gt', 'amp', 'quot', 'apos'].includes(ref)) continue
    const num = /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] ?? /^#([0-9]+)$/.exec(ref)?.[1]
    if (num === undefined) throw new Error(`unknown entity &${ref}; at ${at + (m.index ?? 0)}`)
    const cp = ref.startsWith('#x') ? parseInt(num, 16) : Number(num)
    if (!CHAR_OK(cp)) throw new Error(`reference to a forbidden character &${ref}; at ${at}`)
  }
  if (text.includes('<')) throw new Error(`< in text or attribute at ${at}`)
}

export function checkXml(xml: string): string {
  let i = 0
  for (const ch of xml) {
    const cp = ch.codePointAt(0) as number
    // A lone surrogate is iterated as itself (0xD800–0xDFFF), which CHAR_OK refuses.
    if (!CHAR_OK(cp)) throw new Error(`forbidden character U+${cp.toString(16).toUpperCase()} at ${i}`)
    i += ch.length
  }
  const stack: string[] = []
  let root: string | null = null
  let pos = xml.startsWith('\uFEFF') ? 1 : 0
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos)
    const text = xml.slice(pos, lt < 0 ? xml.length : lt)
    if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root element at ${pos}`)
    checkText(text, pos)
    if (lt < 0) break
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt)
      if (end < 0) throw new Error(`unterminated processing instruction at ${lt}`)
      pos = end + 2
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt)
      if (end < 0) throw new Error(`unterminated comment at ${lt}`)
      pos = end + 3
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt)
      if (end < 0) throw new Error(`unterminated CDATA at ${lt}`)
      pos = end + 3
    } else if (xml.startsWith('<!', lt)) {
      throw new Error(`DTD or declaration at ${lt}`)
    } else {
      const end = xml.indexOf('>', lt)
      if (end < 0) throw new Error(`unterminated tag at ${lt}`)
      let body = xml.slice(lt + 1, end)
      // A '>' inside a quoted attribute value: extend to the real end of the tag.
      let close = end
      while ((body.match(/"/g)?.length ?? 0) % 2 === 1 || (body.replace(/"[^"]*"/g, '').match(/'/g)?.length ?? 0) % 2 === 1) {
        close = xml.indexOf('>', close + 1)
        if (close < 0) throw new Error(`unterminated attribute at ${lt}`)
        body = xml.slice(lt + 1, close)
      }
      if (body.startsWith('/')) {
        const name = body.slice(1).trim()
        if (stack.pop() !== name) throw new Error(`mismatched </${name}> at ${lt}`)
      } else {
        const selfClosing = body.endsWith('/')
        const inner = selfClosing ? body.slice(0, -1) : body
        const name = /^[^\s/>]+/.exec(inner)?.[0] ?? ''
        if (!NAME.test(name)) throw new Error(`bad element name "${name}" at ${lt}`)
        const attrs = inner.slice(name.length)
        const seen = new Set<string>()
        const rest = attrs.replace(/\s+([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g, (_, a: string, v: string) => {
          if (!NAME.test(a)) throw new Error(`bad attribute name "${a}" at ${lt}`)
          if (seen.has(a)) throw new Error(`duplicate attribute ${a} at ${lt}`)
          seen.add(a)
          checkText(v.slice(1, -1), lt)
          return ''
        })
        if (rest.trim() !== '') throw new Error(`malformed attributes "${rest.trim().slice(0, 40)}" at ${lt}`)
        if (stack.length === 0) {
          if (root !== null) throw new Error(`second root element at ${lt}`)
          root = name
        }
        if (!selfClosing) stack.push(name)
      }
      pos = close + 1
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]}>`)
  if (root === null) throw new Error('no root element')
  return root
}
