import type { MeasureSetting, Model, ScenarioDoc, Trigger } from '../../core'
import type { MoveChange } from '../../shared/contract/workshop'

/**
 * Moves as data: the difference between two scenario documents as a list of moves (one per changed measure
 * or trigger), each move in words, and moves applied to a document. Pure.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The moves that turn `before` into `after`, in catalogue order then trigger order. */
export function diffMoves(before: ScenarioDoc, after: ScenarioDoc): MoveChange[] {
  const moves: MoveChange[] = []
  const old = new Map(before.measures.map((m) => [m.id, m]))
  for (const m of after.measures) if (!same(old.get(m.id), m)) moves.push({ kind: 'measure', setting: m })
  const oldTriggers = new Map(before.triggers.map((t) => [t.id, t]))
  const newIds = new Set(after.triggers.map((t) => t.id))
  for (const t of before.triggers) if (!newIds.has(t.id)) moves.push({ kind: 'trigger-remove', id: t.id })
  for (const t of after.triggers) if (!same(oldTriggers.get(t.id), t)) moves.push({ kind: 'trigger', trigger: t })
  return moves
}

/** What `diffMoves` cannot carry: changes outside measures and triggers (they are not moves). */
export function nonMoveChanges(before: ScenarioDoc, after: ScenarioDoc): string[] {
  const out: string[] = []
  if (!same(before.overrides, after.overrides)) out.push('assumption overrides')
  if (!same(before.horizon, after.horizon)) out.push('the horizon')
  return out
}

/** `doc` with the moves applied in order. */
export function applyMoves(doc: ScenarioDoc, moves: readonly MoveChange[]): ScenarioDoc {
  let out = doc
  for (const move of moves) {
    if (move.kind === 'measure') {
      const exists = out.measures.some((m) => m.id === move.setting.id)
      out = { ...out, measures: exists ? out.measures.map((m) => (m.id === move.setting.id ? move.setting : m)) : [...out.measures, move.setting] }
    } else if (move.kind === 'trigger') {
      const exists = out.triggers.some((t) => t.id === move.trigger.id)
      out = { ...out, triggers: exists ? out.triggers.map((t) => (t.id === move.trigger.id ? move.trigger : t)) : [...out.triggers, move.trigger] }
    } else {
      out = { ...out, triggers: out.triggers.filter((t) => t.id !== move.id) }
    }
  }
  return out
}

const shortName = (model: Model, id: string) => model.measures[model.measureIndex.get(id) ?? -1]?.short ?? id
const paramLabel = (model: Model, id: string, param: string) => {
  const p = model.measures[model.measureIndex.get(id) ?? -1]?.params.find((x) => x.id === param)
  return p ? { label: p.label, unit: p.unit } : { label: param, unit: '' }
}
const num = (v: number) => String(Math.round(v * 1000) / 1000)

function describeMeasure(model: Model, was: MeasureSetting | undefined, now: MeasureSetting): string {
  const name = shortName(model, now.id)
  const parts: string[] = []
  if (!was || was.enabled !== now.enabled) parts.push(now.enabled ? `switched on ${name}` : `switched off ${name}`)
  if (!was || was.start !== now.start) parts.push(`start ${was ? `${was.start} → ` : ''}${now.start}`)
  if (!was || was.end !== now.end) parts.push(`end ${was ? `${was.end ?? 'open'} → ` : ''}${now.end ?? 'open'}`)
  const keys = new Set([...Object.keys(was?.params ?? {}), ...Object.keys(now.params)])
  for (const k of keys) {
    const a = was?.params[k]
    const b = now.params[k]
    if (a === b) continue
    const { label, unit } = paramLabel(model, now.id, k)
    parts.push(`${label} ${a === undefined ? '' : `${num(a)} → `}${b === undefined ? 'default' : num(b)}${unit ? ` ${unit}` : ''}`)
  }
  if (!same(was?.suspensions ?? [], now.suspensions)) {
    parts.push(now.suspensions.length === 0 ? 'suspensions removed' : `suspended ${now.suspensions.map((s) => `${s.from} – ${s.until ?? 'open'}`).join(', ')}`)
  }
  const head = parts.length > 0 && parts[0].startsWith('switched') ? parts.shift()! : `${name}:`
  const text = parts.length > 0 ? `${head}${head.endsWith(':') ? ' ' : ', '}${parts.join(', ')}` : head
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function describeTrigger(model: Model, was: Trigger | undefined, now: Trigger): string {
  const what = `${shortName(model, now.ifMeasure)} triggers ${shortName(model, now.thenMeasure)} after ${now.lagQuarters} quarter${now.lagQuarters === 1 ? '' : 's'} at ${Math.round(now.intensity * 100)} %`
  return was ? `Trigger changed: ${what}` : `Trigger added: ${what}`
}

/** A move in words, against the document it was made on. */
export function describeMove(model: Model, before: ScenarioDoc, move: MoveChange): string {
  if (move.kind === 'measure') return describeMeasure(model, before.measures.find((m) => m.id === move.setting.id), move.setting)
  if (move.kind === 'trigger') return describeTrigger(model, before.triggers.find((t) => t.id === move.trigger.id), move.trigger)
  const t = before.triggers.find((x) => x.id === move.id)
  return t ? `Trigger removed: ${shortName(model, t.ifMeasure)} → ${shortName(model, t.thenMeasure)}` : `Trigger ${move.id} removed`
}
