import { XML_FORBIDDEN } from '../../core'

/**
 * Text from people (scenario names, notes, tags, labels) made safe for every export format. The scenario
 * schema already refuses characters XML forbids at every way in; exports still replace any they meet
 * (a document stored before that rule), so a file is never malformed.
 */

const FORBIDDEN_ALL = new RegExp(XML_FORBIDDEN.source, 'g')

/** Replaces each character XML 1.0 forbids with U+FFFD (the replacement character), consistently everywhere. */
export const xmlSafe = (text: string): string => text.replace(FORBIDDEN_ALL, '\uFFFD')

/** Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, …) and the bidi controls. */
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/

/**
 * Isolates text whose direction may differ from the sentence around it: FIRST STRONG ISOLATE (U+2068) …
 * POP DIRECTIONAL ISOLATE (U+2069), so a right-to-left scenario name does not reorder the dates and versions
 * after it, and an unbalanced override inside it ends with it. Left-to-right text is returned as is.
 */
export const isolateBidi = (text: string): string => (BIDI.test(text) ? `\u2068${text}\u2069` : text)

/** A person's text as it goes into any export: XML-safe and direction-isolated. */
export const userText = (text: string): string => isolateBidi(xmlSafe(text))

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Whether a text cell would be taken for a formula by a spreadsheet. */
export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text)

/**
 * A text cell a spreadsheet shows as text: one starting with = + - @ tab or CR gets a leading apostrophe
 * (the convention spreadsheets themselves use for "this is text"). Numbers are never passed here.
 */
export const neutraliseFormula = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text)
