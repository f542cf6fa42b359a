/**
 * The keyboard shortcuts: one table drives both the key handling and the help overlay, so the overlay
 * cannot list a key that does nothing. Pure (no DOM), unit-tested.
 */
export type ShortcutAction =
  | 'undo'
  | 'redo'
  | 'save'
  | 'help'
  | 'present'
  | 'leave'
  | 'next'
  | 'prev'
  | 'economy'
  | 'stacking'
  | 'band'
  | 'baseline'
  | 'lock-y'
  | 'tab-exposure'
  | 'tab-cost'
  | 'tab-sensitivity'
  | 'tab-assumptions'
  | 'replay'

export type Shortcut = { action: ShortcutAction; keys: string; description: string; where: 'always' | 'presenting' | 'workspace' }

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

/** What the help overlay lists, in this order. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'undo', keys: `${MOD}+Z`, description: 'Undo the last change', where: 'always' },
  { action: 'redo', keys: `Shift+${MOD}+Z`, description: 'Redo', where: 'always' },
  { action: 'save', keys: `${MOD}+S`, description: 'Save the scenario', where: 'always' },
  { action: 'present', keys: 'F5', description: 'Start or stop presentation mode', where: 'always' },
  { action: 'next', keys: '→ or PgDn', description: 'Next chart (presentation)', where: 'presenting' },
  { action: 'prev', keys: '← or PgUp', description: 'Previous chart (presentation)', where: 'presenting' },
  { action: 'leave', keys: 'Esc', description: 'Leave presentation mode or close this help', where: 'always' },
  { action: 'economy', keys: 'E', description: 'Switch economy: US & allies ↔ China', where: 'always' },
  { action: 'stacking', keys: 'M', description: 'Stack charts by channel ↔ by measure', where: 'always' },
  { action: 'band', keys: 'B', description: 'Show or hide the P10–P90 band', where: 'always' },
  { action: 'baseline', keys: 'L', description: 'Show or hide the no-measures baselines', where: 'always' },
  { action: 'lock-y', keys: 'Y', description: 'Lock or free the y-axis (locked, a drop looks like a drop)', where: 'always' },
  { action: 'tab-exposure', keys: '1', description: 'Exposure charts', where: 'workspace' },
  { action: 'tab-cost', keys: '2', description: 'Cost-pressure charts', where: 'workspace' },
  { action: 'tab-sensitivity', keys: '3', description: 'Sensitivity (tornado)', where: 'workspace' },
  { action: 'tab-assumptions', keys: '4', description: 'Assumptions', where: 'workspace' },
  { action: 'replay', keys: 'R', description: 'Replay the last change (before → after)', where: 'always' },
  { action: 'help', keys: '?', description: 'Show or hide this list', where: 'always' }
]

/** Keys handled by other features (the library), listed in the help overlay so it shows every key. */
export const OTHER_SHORTCUTS: readonly { keys: string; description: string }[] = [
  { keys: `Shift+${MOD}+S`, description: 'Save as a new scenario' },
  { keys: `${MOD}+O`, description: 'Open the library' }
]

export type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }
/** Where the key was pressed: text fields keep their own keys (typing, native undo, caret movement). */
export type TargetLike = { tag: string; type?: string; editable?: boolean } | null
export type Context = { presenting: boolean; overlay: boolean }

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'])

export function isTextTarget(t: TargetLike): boolean {
  if (!t) return false
  if (t.editable) return true
  if (t.tag === 'TEXTAREA' || t.tag === 'SELECT') return true
  return t.tag === 'INPUT' && !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase())
}

/** Sliders and selects use the arrow keys themselves. */
const usesArrows = (t: TargetLike) => !!t && (isTextTarget(t) || (t.tag === 'INPUT' && t.type === 'range'))

const LETTERS: Record<string, ShortcutAction> = { e: 'economy', m: 'stacking', b: 'band', l: 'baseline', y: 'lock-y', r: 'replay' }
const DIGITS: Record<string, ShortcutAction> = { '1': 'tab-exposure', '2': 'tab-cost', '3': 'tab-sensitivity', '4': 'tab-assumptions' }

/** The action a key press means here, or null (the key then keeps its default behaviour). */
export function resolveShortcut(e: KeyLike, target: TargetLike, ctx: Context): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod && !e.altKey) {
    if (key === 's') return e.shiftKey ? null : 'save'
    if (isTextTarget(target)) return null
    if (key === 'y' || (key === 'z' && e.shiftKey)) return 'redo'
    if (key === 'z') return 'undo'
    return null
  }
  if (e.altKey) return null
  if (key === 'F5') return 'present'
  if (key === 'Escape') return ctx.presenting || ctx.overlay ? 'leave' : null
  if (ctx.presenting && !usesArrows(target)) {
    if (key === 'ArrowRight' || key === 'PageDown') return 'next'
    if (key === 'ArrowLeft' || key === 'PageUp') return 'prev'
  }
  if (isTextTarget(target)) return null
  if (key === '?') return 'help'
  if (e.shiftKey) return null
  if (LETTERS[key]) return LETTERS[key]
  if (!ctx.presenting && !ctx.overlay && DIGITS[key]) return DIGITS[key]
  return null
}
