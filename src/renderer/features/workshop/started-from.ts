/**
 * Where a workshop started, in words: "Started from “S”" with the original scenario's name (not the
 * workshop's own copy, "<workshop> (workshop)"), or that it was not recorded (a workshop from before it was
 * kept). `midSentence` starts it lower-case, for a list item's details.
 */
export function startedFrom(sourceName: string | null, midSentence = false): string {
  const text = sourceName === null ? 'Starting scenario not recorded' : `Started from “${sourceName}”`
  return midSentence ? `${text[0].toLowerCase()}${text.slice(1)}` : text
}
