import type { MeasureSetting, Model, ScenarioDoc, Suspension, Trigger } from '../../../core'

/**
 * The inputs of 2–4 scenarios side by side, keeping only the rows where they differ: what a workshop
 * asks first ("what did you change?"). Pure; values are formatted as the table shows them.
 */
export type DiffGroup = 'Scenario' | 'Measures' | 'Parameters' | 'Dates' | 'Triggers' | 'Assumptions'
export type DiffRow = { group: DiffGroup; item: string; values: string[] }

const NOT_LISTED = '—'
const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))))
const withUnit = (v: number, unit: string) => (unit ? `${num(v)} ${unit}` : num(v))
const suspensions = (list: readonly Suspension[]) =>
  list.length === 0 ? 'none' : list.map((s) => `${s.from} → ${s.until ?? 'open-ended'}`).join('; ')
const triggerText = (t: Trigger) => `after ${t.lagQuarters} ${t.lagQuarters === 1 ? 'quarter' : 'quarters'} at ${Math.round(t.intensity * 100)} %`

/** Adds a row only if the values are not all the same. */
function push(rows: DiffRow[], group: DiffGroup, item: string, values: string[]) {
  if (values.some((v) => v !== values[0])) rows.push({ group, item, values })
}

export function diffInputs(docs: readonly ScenarioDoc[], model: Model): DiffRow[] {
  const rows: DiffRow[] = []
  const title = (id: string) => {
    const i = model.measureIndex.get(id)
    return i === undefined ? id : model.measures[i].title
  }
  push(rows, 'Scenario', 'Horizon', docs.map((d) => `${d.horizon.start}, ${d.horizon.quarters} quarters`))
  push(rows, 'Scenario', 'Uncertainty seed', docs.map((d) => String(d.seed)))
  push(rows, 'Scenario', 'Built with dataset', docs.map((d) => d.datasetVersion))
  // Branches (issue 12): the discrete futures each scenario weighs, and which one it shows.
  push(rows, 'Scenario', 'Branches', docs.map((d) => (d.branches.length === 0 ? 'none' : d.branches.map((b) => `${b.label} ${Math.round(b.probability * 100)} %`).join('; '))))
  push(rows, 'Scenario', 'Shown', docs.map((d) => (d.branches.length === 0 ? 'as set' : d.branchView === 'mixture' ? 'mixture' : (d.branches.find((b) => b.id === d.branchView)?.label ?? d.branchView))))

  const byId = docs.map((d) => new Map<string, MeasureSetting>(d.measures.map((m) => [m.id, m])))
  // Catalogue order first, then anything a document lists that this catalogue does not know.
  const ids = [...model.measures.map((m) => m.id), ...new Set(docs.flatMap((d) => d.measures.map((m) => m.id)).filter((id) => !model.measureIndex.has(id)))]
  for (const id of ids) {
    const settings = byId.map((m) => m.get(id))
    if (settings.every((s) => s === undefined)) continue
    const name = title(id)
    push(rows, 'Measures', name, settings.map((s) => (s ? (s.enabled ? 'On' : 'Off') : NOT_LISTED)))
    const def = model.measureIndex.has(id) ? model.measures[model.measureIndex.get(id) as number] : null
    const paramIds = [...new Set([...(def?.params.map((p) => p.id) ?? []), ...settings.flatMap((s) => Object.keys(s?.params ?? {}))])]
    for (const p of paramIds) {
      const spec = def?.params.find((x) => x.id === p)
      push(rows, 'Parameters', `${name} — ${spec?.label ?? p}`, settings.map((s) => {
        if (!s) return NOT_LISTED
        const v = Object.prototype.hasOwnProperty.call(s.params, p) ? s.params[p] : spec?.default
        return v === undefined ? NOT_LISTED : withUnit(v, spec?.unit ?? '')
      }))
    }
    push(rows, 'Dates', `${name} — start`, settings.map((s) => s?.start ?? NOT_LISTED))
    push(rows, 'Dates', `${name} — end`, settings.map((s) => (s ? (s.end ?? 'open-ended') : NOT_LISTED)))
    push(rows, 'Dates', `${name} — suspensions`, settings.map((s) => (s ? suspensions(s.suspensions) : NOT_LISTED)))
  }

  // Triggers are matched by what they link, not by id: two files may number the same rule differently.
  const pairKey = (t: Trigger) => `${t.ifMeasure}→${t.thenMeasure}`
  const pairs = [...new Set(docs.flatMap((d) => d.triggers.map(pairKey)))]
  for (const pair of pairs) {
    const [ifId, thenId] = pair.split('→')
    push(rows, 'Triggers', `If “${title(ifId)}” then “${title(thenId)}”`, docs.map((d) => {
      const found = d.triggers.filter((t) => pairKey(t) === pair)
      return found.length === 0 ? 'none' : found.map(triggerText).join('; ')
    }))
  }

  const overridden = [...new Set(docs.flatMap((d) => Object.keys(d.overrides)))].sort((a, b) => (model.assumptionIndex.get(a) ?? 1e9) - (model.assumptionIndex.get(b) ?? 1e9))
  for (const id of overridden) {
    const i = model.assumptionIndex.get(id)
    const a = i === undefined ? null : model.assumptions[i]
    push(rows, 'Assumptions', a?.label ?? id, docs.map((d) => {
      if (Object.prototype.hasOwnProperty.call(d.overrides, id)) return withUnit(d.overrides[id], a?.unit ?? '')
      return a ? `${withUnit(a.value, a.unit)} (baseline)` : NOT_LISTED
    }))
  }
  return rows
}
