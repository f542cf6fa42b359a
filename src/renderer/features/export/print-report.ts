/**
 * Prints a self-contained report document through the browser's own Print dialog (where a person picks
 * "Save as PDF" in the web host). The report goes into a hidden, sandboxed iframe (no scripts can run in
 * it; same origin only so we may call its print()); its own @page and print styles lay it out.
 */
export function printReport(html: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe')
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals')
    frame.setAttribute('aria-hidden', 'true')
    frame.tabIndex = -1
    frame.className = 'print-frame'
    frame.dataset.testid = 'print-frame'
    frame.addEventListener('load', () => {
      try {
        frame.contentWindow?.focus()
        frame.contentWindow?.print()
        resolve()
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)))
      } finally {
        // Kept until the next print so the browser can finish spooling; only one at a time.
        document.querySelectorAll('iframe.print-frame').forEach((f) => f !== frame && f.remove())
      }
    })
    frame.srcdoc = html
    document.body.appendChild(frame)
  })
}
