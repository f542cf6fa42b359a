/** Longest scenario name the schema accepts. */
const MAX_NAME = 200

/**
 * The first of `name`, `name (2)`, `name (3)`… that `isTaken` says is free. A name that already ends in
 * " (n)" counts on from n, so copying "Tariffs (2)" gives "Tariffs (3)", not "Tariffs (2) (2)".
 * The stem is shortened when needed so the result stays within the 200-character limit.
 */
export function uniqueName(name: string, isTaken: (candidate: string) => boolean): string {
  const trimmed = name.trim()
  if (!isTaken(trimmed)) return trimmed
  const numbered = /^(.*\S) \((\d{1,6})\)$/.exec(trimmed)
  const stem = numbered ? numbered[1] : trimmed
  let n = numbered ? Number(numbered[2]) + 1 : 2
  for (;; n++) {
    const suffix = ` (${n})`
    const candidate = `${stem.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`
    if (!isTaken(candidate)) return candidate
  }
}
