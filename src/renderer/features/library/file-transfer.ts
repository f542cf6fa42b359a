import { MAX_IMPORT_FILES, MAX_SCENARIO_FILE_CHARS, type Output } from '../../../shared/contract'

/**
 * The browser side of portable scenario files: downloads, picked or dropped files, and the sentence
 * that tells a person what an import did. The desktop app uses native dialogs instead (see main).
 */

/** Offers `contents` as a download named `fileName` (web host). */
export function downloadText(fileName: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The download has started from the click; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export type PickedFiles = { files: { name: string; contents: string }[] } | { error: string }

/** Reads picked or dropped files as text, refusing too many or too large ones before reading them. */
export async function readPicked(list: readonly File[]): Promise<PickedFiles> {
  if (list.length === 0) return { error: 'No files were given.' }
  if (list.length > MAX_IMPORT_FILES) return { error: `Import at most ${MAX_IMPORT_FILES} files at a time. Nothing was imported.` }
  const tooBig = list.find((f) => f.size > MAX_SCENARIO_FILE_CHARS)
  if (tooBig) {
    return { error: `“${tooBig.name}” is ${(tooBig.size / 1e6).toFixed(1)} MB; the largest scenario file accepted is ${(MAX_SCENARIO_FILE_CHARS / 1e6).toFixed(0)} MB. Nothing was imported.` }
  }
  try {
    return { files: await Promise.all(list.map(async (f) => ({ name: f.name, contents: await f.text() }))) }
  } catch (e) {
    return { error: `A file could not be read: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.` }
  }
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ')

/** "Imported 2 scenarios: “A”, “B (2)”. “B” was renamed to “B (2)” (the name was taken)." */
export function describeImport(r: Output<'scenario.importFile'>): string {
  const n = r.imported.length
  const parts = [`Imported ${n} ${n === 1 ? 'scenario' : 'scenarios'}: ${quoted(r.imported.map((s) => s.name))}.`]
  if (r.renamed.length > 0) parts.push(`${r.renamed.map((x) => `“${x.from}” was renamed to “${x.to}”`).join('; ')} (the name was taken).`)
  if (r.upgraded > 0) parts.push(`${r.upgraded} from an older version of Chokepoint ${r.upgraded === 1 ? 'was' : 'were'} upgraded.`)
  // Renamed and retired catalogue ids: what changed in the scenarios themselves, said once each.
  if (r.notes.length > 0) parts.push(`Changes from the catalogue update: ${r.notes.slice(0, 8).join(' ')}${r.notes.length > 8 ? ` (and ${r.notes.length - 8} more)` : ''}`)
  return parts.join(' ')
}

/** True when a drag carries files (not text or a link being dragged around the page). */
export const dragHasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/**
 * Marks the control a dialog should focus when it opens. The native <dialog> focuses the element
 * carrying the `autofocus` attribute when `showModal()` runs; React's `autoFocus` prop does not set the
 * attribute (it focuses on mount, before the dialog opens and moves focus elsewhere).
 */
export const dialogAutofocus = (el: HTMLElement | null) => {
  el?.setAttribute('autofocus', '')
}
