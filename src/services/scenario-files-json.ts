/**
 * Where a JSON text first goes wrong, as a character offset (or -1 if it is valid). V8's JSON.parse
 * messages do not always carry a position, and "the file is not valid JSON" alone does not help anyone
 * fix a file by hand. Iterative (an explicit stack), so hostile nesting cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length
  const stack: ('{' | '[')[] = []
  type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end'
  let state: State = 'value'
  let i = 0
  const afterValue = (): State => (stack.length > 0 ? 'comma-or-close' : 'end')
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

  /** Past a string starting at i (a quote); false with i at the bad character. */
  const skipString = (): boolean => {
    i++
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else return false
      } else i++
    }
    return false
  }
  const skipLiteral = (): boolean => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return true
      }
    }
    return false
  }

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
    if (i >= n) return state === 'end' ? -1 : n
    const c = text[i]
    switch (state) {
      case 'end':
        return i
      case 'value':
      case 'value-or-close':
        if (state === 'value-or-close' && c === ']') {
          i++
          stack.pop()
          state = afterValue()
        } else if (c === '{' || c === '[') {
          stack.push(c)
          i++
          state = c === '{' ? 'key-or-close' : 'value-or-close'
        } else if (c === '"') {
          if (!skipString()) return i
          state = afterValue()
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i
          if (!NUMBER.test(text)) return i
          i = NUMBER.lastIndex
          state = afterValue()
        } else {
          if (!skipLiteral()) return i
          state = afterValue()
        }
        break
      case 'key':
      case 'key-or-close':
        if (state === 'key-or-close' && c === '}') {
          i++
          stack.pop()
          state = afterValue()
        } else if (c === '"') {
          if (!skipString()) return i
          state = 'colon'
        } else return i
        break
      case 'colon':
        if (c !== ':') return i
        i++
        state = 'value'
        break
      case 'comma-or-close': {
        const top = stack[stack.length - 1]
        if (c === ',') {
          i++
          state = top === '{' ? 'key' : 'value'
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          i++
          stack.pop()
          state = afterValue()
        } else return i
        break
      }
    }
  }
}

/** "line L, column C" (both from 1) of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}
