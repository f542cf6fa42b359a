/**
 * Shortening a name in the middle ("Rare-earth magnet … every defence sector"), so a line too narrow for a long
 * name still shows how it starts and how it ends — where two versions of a name usually differ. The caller keeps
 * the whole text reachable (title and accessible text) and the name in full elsewhere on screen.
 */

/** Character budgets tried one after another, from the whole text down to a name no shorter than this list's last. */
export const NAME_BUDGETS = [96, 80, 64, 52, 44, 36, 30, 24, 18, 12]

/** `name` in at most `budget` characters (code points), its middle replaced by "…"; unchanged when it fits. */
export function middleEllipsis(name: string, budget: number): string {
  const chars = Array.from(name)
  if (chars.length <= budget) return name
  const keep = Math.max(2, budget - 1)
  // A little more of the start than of the end: the start is what people read first.
  const head = Math.ceil(keep * 0.55)
  const tail = keep - head
  return `${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - tail).join('').trimStart()}`
}

/** Each name quoted “like this” in `text`, shortened to `budget` characters; the rest of the text as it is. */
export function shortenQuoted(text: string, budget: number): string {
  return text.replace(/“([^”]*)”/g, (_, name: string) => `“${middleEllipsis(name, budget)}”`)
}

/**
 * The ways to show `text`, longest first: the whole text, then shorter and shorter versions made by `shorten`
 * (one per budget in NAME_BUDGETS), without repeats. A caller shows the first that fits its box.
 */
export function shortenings(text: string, shorten: (text: string, budget: number) => string): string[] {
  const out = [text]
  for (const b of NAME_BUDGETS) {
    const s = shorten(text, b)
    if (s !== out[out.length - 1]) out.push(s)
  }
  return out
}
