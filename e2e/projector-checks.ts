import AxeBuilder from '@axe-core/playwright'
import { expect, type Locator, type Page } from '@playwright/test'

/** Checks the projector spec runs on every view (projector.spec.ts). Each returns what failed, so a report names it. */

/** WCAG 2.1 A and AA rules (contrast among them), over the whole page as it is shown. */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join(' | ')}`)
}

/**
 * Text that is cut off: an element that shows text and hides what overflows (overflow hidden/clip, or an
 * ellipsis) while its content is wider or taller than its box; a `<select>` whose chosen option is wider
 * than the control shows it (measured on a copy sized to that option alone); a text field whose value is
 * wider than the field. Scrolling boxes are not clipped (their content can be reached); visually-hidden
 * helpers are skipped.
 */
export function clippedText(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = []
    const hasText = (e: Element) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && !e.closest('.visually-hidden')
    }
    for (const e of [el, ...el.querySelectorAll('*')]) {
      if (!(e instanceof HTMLElement) || !shown(e)) continue
      if (e instanceof HTMLSelectElement) {
        // The chosen option's text at the control's own font, padding and arrow: a copy with only that option, sized to it.
        const text = e.selectedOptions[0]?.text ?? ''
        if (!text.trim()) continue
        const copy = e.cloneNode(false) as HTMLSelectElement
        copy.removeAttribute('id')
        copy.append(new Option(text))
        copy.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;field-sizing:content;left:0;top:0'
        e.parentElement?.append(copy)
        const needed = copy.getBoundingClientRect().width
        copy.remove()
        const has = e.getBoundingClientRect().width
        if (needed > has + 1) out.push(`${name(e)} "${text.slice(0, 60)}" (option needs ${Math.round(needed)} px in ${Math.round(has)})`)
        continue
      }
      if (e instanceof HTMLInputElement && ['text', 'search', ''].includes(e.getAttribute('type') ?? '') && e.value) {
        if (e.scrollWidth > e.clientWidth + 1) out.push(`${name(e)} value "${e.value.slice(0, 60)}" (${e.scrollWidth} in ${e.clientWidth})`)
        continue
      }
      if (e.closest('svg, input, textarea, select, option')) continue
      const s = getComputedStyle(e)
      const hides = (o: string) => o === 'hidden' || o === 'clip'
      const ellipsis = s.textOverflow === 'ellipsis' && hides(s.overflowX)
      // Text of its own that overflows a box that hides it; or an ellipsis box whose content (of any depth) is cut.
      if (!hasText(e) && !ellipsis) continue
      if (!hasText(e) && !(e.textContent ?? '').trim()) continue
      const wide = e.scrollWidth > e.clientWidth + 1 && (hides(s.overflowX) || ellipsis)
      const tall = e.scrollHeight > e.clientHeight + 1 && hides(s.overflowY)
      if (wide || tall) out.push(`${name(e)} "${(e.textContent ?? '').trim().slice(0, 60)}" (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`)
    }
    return out
  })
}

/** Text pushed out of the window: an element with text whose box ends past the viewport (the page itself does not scroll). */
export function offscreenText(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    const out: string[] = []
    for (const e of [el, ...el.querySelectorAll('*')]) {
      if (!(e instanceof HTMLElement) || e.closest('.visually-hidden')) continue
      if (![...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')) continue
      const r = e.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      if (r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1) out.push(`"${(e.textContent ?? '').trim().slice(0, 60)}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`)
    }
    return out
  })
}

/** WCAG relative luminance contrast of two CSS colours (rgb()/rgba() as getComputedStyle gives them). */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** Collects console warnings and errors (recharts' size warnings among them) and page errors. */
export function watchConsole(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') seen.push(`${m.type()}: ${m.text().slice(0, 300)}`)
  })
  page.on('pageerror', (e) => seen.push(`pageerror: ${String(e)}`))
  return seen
}

/** Smallest plot area (px) a sector chart may have at 1280×720 and up, a workshop round included: readable from the back of a room. */
export const MIN_PLOT = 160

/** The height of each exposure chart's plot area: recharts' clip rectangle, the area the data is drawn in (axes excluded). */
export function plotHeights(page: Page): Promise<number[]> {
  return page.locator('#charts .recharts-surface').evaluateAll((svgs) => svgs.map((svg) => Number(svg.querySelector('defs clipPath rect')?.getAttribute('height') ?? 0)))
}

/** The top tick of a chart's y axis (the locked or free maximum). */
export async function topTick(chart: Locator): Promise<number> {
  const ticks = await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
  expect(ticks.length).toBeGreaterThan(1)
  return Math.max(...ticks.map(Number))
}

/**
 * Whether the scenario's name can be read whole on screen: "field" when the header's name field shows all of
 * it (its text no wider than the field), "line" when the read-only full-name line below the header does (in
 * the window, the exact name, nothing of it cut); otherwise what is wrong.
 */
export async function nameShownInFull(page: Page, name: string): Promise<string> {
  const field = page.getByRole('textbox', { name: 'Scenario name', exact: true })
  const fits = await field.evaluate((i) => i.scrollWidth <= i.clientWidth + 1 && (i as HTMLInputElement).value !== '')
  if (fits) return 'field'
  const line = page.getByTestId('scenario-full-name')
  if ((await line.count()) === 0) return `the field is cut (${await field.evaluate((i) => `${i.scrollWidth} px of text in ${i.clientWidth}`)}) and no full-name line`
  const text = await line.locator('.scenario-full-name-text').textContent()
  if (text !== name) return `the full-name line says "${text}"`
  const box = await line.boundingBox()
  const view = page.viewportSize()
  if (!box || !view || box.x < 0 || box.y < 0 || box.x + box.width > view.width + 1 || box.y + box.height > view.height + 1) return `the full-name line is not in the window (${JSON.stringify(box)})`
  const cut = await clippedText(line)
  return cut.length > 0 ? `the full-name line is cut: ${cut.join('; ')}` : 'line'
}
