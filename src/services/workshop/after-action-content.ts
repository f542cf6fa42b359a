import { ECONOMY_LABELS, SECTORS, SECTOR_LABELS, SWEEP_KPI_LABELS, evaluateView, kpis, quarterIndex, type Economy, type Model, type ScenarioDoc, type Sector } from '../../core'
import type { Workshop } from '../../shared/contract/workshop'
import { quarterText } from '../export/chart-spec'

/**
 * Everything the after-action report shows, computed once from the workshop: per round the moves with their
 * rationales, each sector's exposure before and after, the predictions against the outcome; the whole path
 * (exposure curves from the start to the end, with every applied move as a marker); the scores. The deck
 * and the PDF are two layouts of this one structure.
 */

export type ActionMove = { team: string; description: string; rationale: string; withdrawn: boolean }
export type SectorChange = { economy: Economy; sector: Sector; before: number; after: number }
export type PredictionRow = { team: string; sector: string; figure: number; sectorPoints: number; figurePoints: number }
export type ActionRound = {
  number: number
  applied: boolean
  /** Round KPI in words ("Peak exposure (index 0–100), Defense, US & allies"). */
  kpiLabel: string
  moves: ActionMove[]
  /** Peak exposure of every economy × sector, before and after the round (after = before while open). */
  exposure: SectorChange[]
  predictions: PredictionRow[]
  /** The outcome in words, or null while the round is open. */
  outcome: { mostMoved: string; figure: number; /** the sector the figure is about */ of: string } | null
}
export type PathMarker = { round: number; team: string; label: string; /** index into `quarters` */ at: number }
export type ActionPath = {
  economy: Economy
  quarters: string[]
  /** Exposure per sector at the start of round 1 and after the last applied round. */
  start: Record<Sector, number[]>
  end: Record<Sector, number[]>
  markers: PathMarker[]
}
export type AfterActionContent = {
  title: string
  subtitle: string
  date: string
  teams: string[]
  /** The scenario the workshop started from, by name; null when not recorded (a workshop from before it was kept). */
  startScenario: string | null
  rounds: ActionRound[]
  path: ActionPath
  scores: { team: string; perRound: number[]; total: number }[]
}

const peaks = (model: Model, doc: ScenarioDoc) => {
  const r = evaluateView(model, doc)
  return (e: Economy, s: Sector) => kpis(r.economies[e][s], 20).peakExposure
}

/** "Started from “S”", or that the starting scenario's name is not recorded. */
export function startedFrom(c: Pick<AfterActionContent, 'startScenario'>): string {
  return c.startScenario === null ? 'Starting scenario not recorded' : `Started from “${c.startScenario}”`
}

/** Builds the report's content; `date` is the export day (YYYY-MM-DD). */
export function afterActionContent(model: Model, w: Workshop, date: string): AfterActionContent {
  const teamName = new Map(w.teams.map((t) => [t.id, t.name]))
  const name = (id: string) => teamName.get(id) ?? id
  const rounds: ActionRound[] = w.rounds.map((r) => {
    const before = peaks(model, r.before)
    const after = r.after ? peaks(model, r.after) : before
    const points = new Map((r.outcome?.points ?? []).map((p) => [p.teamId, p]))
    return {
      number: r.number,
      applied: r.status === 'applied',
      kpiLabel: `${SWEEP_KPI_LABELS[r.kpi.kpi]}, ${SECTOR_LABELS[r.kpi.sector]}, ${ECONOMY_LABELS[r.kpi.economy]}`,
      moves: r.moves.map((m) => ({ team: name(m.teamId), description: m.description, rationale: m.rationale, withdrawn: m.withdrawnAt !== null })),
      exposure: (['us', 'cn'] as const).flatMap((e) => SECTORS.map((s) => ({ economy: e, sector: s, before: before(e, s), after: after(e, s) }))),
      predictions: r.predictions.map((p) => ({
        team: name(p.teamId), sector: SECTOR_LABELS[p.sector], figure: p.figure, sectorPoints: points.get(p.teamId)?.sector ?? 0, figurePoints: points.get(p.teamId)?.figure ?? 0
      })),
      outcome: r.outcome ? { mostMoved: `${SECTOR_LABELS[r.outcome.mostMoved]} (${ECONOMY_LABELS[r.kpi.economy]})`, figure: r.outcome.figure, of: SECTOR_LABELS[r.kpi.sector] } : null
    }
  })

  const first = w.rounds[0].before
  const lastApplied = [...w.rounds].reverse().find((r) => r.after)
  const endDoc = lastApplied?.after ?? first
  const economy = w.rounds[w.rounds.length - 1].kpi.economy
  const startResult = evaluateView(model, first)
  const endResult = evaluateView(model, endDoc)
  const series = (r: typeof startResult) => Object.fromEntries(SECTORS.map((s) => [s, r.economies[economy][s].exposure])) as Record<Sector, number[]>
  const q0 = quarterIndex(endResult.quarters[0])
  const last = endResult.quarters.length - 1
  const markers: PathMarker[] = []
  for (const r of w.rounds) {
    if (r.status !== 'applied') continue
    for (const m of r.moves) {
      if (m.withdrawnAt !== null) continue
      // A measure move sits at its start date; a trigger move at the round's start (it has no date of its own).
      const date = m.change.kind === 'measure' ? m.change.setting.start : null
      const at = date ? quarterIndex(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`) - q0 : 0
      markers.push({ round: r.number, team: name(m.teamId), label: m.description, at: Math.max(0, Math.min(last, at)) })
    }
  }
  const scores = w.teams.map((t) => {
    const perRound = w.rounds.map((r) => {
      const p = r.revealed ? r.outcome?.points.find((x) => x.teamId === t.id) : undefined
      return p ? p.sector + p.figure : 0
    })
    return { team: t.name, perRound, total: perRound.reduce((a, b) => a + b, 0) }
  })
  const applied = w.rounds.filter((r) => r.status === 'applied').length
  return {
    title: w.name,
    subtitle: `After-action report · ${w.teams.map((t) => t.name).join(' vs ')} · ${applied} of ${w.rounds.length} round${w.rounds.length === 1 ? '' : 's'} applied`,
    date,
    teams: w.teams.map((t) => t.name),
    startScenario: w.sourceName,
    rounds,
    path: { economy, quarters: endResult.quarters.map(quarterText), start: series(startResult), end: series(endResult), markers },
    scores
  }
}
