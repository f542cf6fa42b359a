import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { upgradeCatalogueIds, type IdMigrations, type Model, type ScenarioDoc } from '../../core'
import type { Move, MoveChange, Outcome, Prediction, Round, RoundKpi, Team, Workshop, WorkshopSummary } from '../../shared/contract/workshop'
import { MAX_TEAMS } from '../../shared/contract/workshop'
import { RepoError } from '../repositories/repo-error'
import type { ScenarioRepository } from '../repositories/scenarios'
import { uniqueName } from '../repositories/unique-name'
import { catalogueMigrations } from '../../shared/dataset'
import { checkAgainstCatalogue, parseStoredDoc } from '../scenario-files'
import { applyMoves, describeMove, diffMoves, nonMoveChanges } from './moves'
import { roundOutcome } from './outcome'

type WorkshopRow = { id: string; name: string; scenario_id: string; source_name: string | null; teams: string; created_at: string; updated_at: string }
type RoundRow = {
  number: number; status: 'open' | 'applied'; hidden: number; revealed: number; kpi: string; doc_before: string; doc_after: string | null
  outcome: string | null; started_at: string; applied_at: string | null
}
type MoveRow = { id: string; round: number; team_id: string; change: string; description: string; rationale: string; created_at: string; withdrawn_at: string | null }
type PredictionRow = { round: number; team_id: string; sector: Prediction['sector']; figure: number; created_at: string }

/** A workshop as stored, for import: every round with its documents, moves and predictions. */
export type WorkshopImport = {
  name: string
  /** The scenario the workshop started from, as the file names it (null: a file from before it was kept). */
  sourceName: string | null
  teams: Team[]
  createdAt: string
  rounds: (Omit<Round, 'moves'> & { moves: Move[] })[]
}

/** A team id from its name: lower-case letters and digits joined by dashes ("Beijing" → "beijing"). */
export function teamIdFor(name: string, taken: ReadonlySet<string>): string {
  const stem = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'team'
  let candidate = stem
  for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}`
  return candidate
}

/**
 * Workshops, their rounds, moves and predictions. All SQL for them lives here; every write is one
 * transaction, including the scenario version an applied (or undone) round writes through `scenarios`.
 */
export function createWorkshopRepository(db: Database, scenarios: ScenarioRepository, model: Model, now: () => Date, migrations: IdMigrations = catalogueMigrations) {
  /** A stored document with catalogue ids renamed since it was written brought forward (as the library reads scenarios). */
  const stored = (json: string): ScenarioDoc => upgradeCatalogueIds(parseStoredDoc(json), migrations).doc
  const stamp = () => now().toISOString()
  const s = {
    list: db.prepare<[], WorkshopRow & { rounds: number }>(
      `SELECT w.*, (SELECT count(*) FROM workshop_rounds r WHERE r.workshop_id = w.id) AS rounds FROM workshops w ORDER BY w.updated_at DESC, w.name`
    ),
    one: db.prepare<[string], WorkshopRow>(`SELECT * FROM workshops WHERE id = ?`),
    byName: db.prepare<[string], { id: string }>(`SELECT id FROM workshops WHERE name = ? COLLATE NOCASE`),
    insert: db.prepare(`INSERT INTO workshops (id, name, scenario_id, source_name, teams, created_at, updated_at) VALUES (@id, @name, @scenarioId, @sourceName, @teams, @at, @at)`),
    touch: db.prepare(`UPDATE workshops SET updated_at = ? WHERE id = ?`),
    teams: db.prepare(`UPDATE workshops SET teams = ?, updated_at = ? WHERE id = ?`),
    remove: db.prepare(`DELETE FROM workshops WHERE id = ?`),
    rounds: db.prepare<[string], RoundRow>(`SELECT * FROM workshop_rounds WHERE workshop_id = ? ORDER BY number`),
    insertRound: db.prepare(
      `INSERT INTO workshop_rounds (workshop_id, number, status, hidden, revealed, kpi, doc_before, doc_after, outcome, started_at, applied_at)
       VALUES (@id, @number, @status, @hidden, @revealed, @kpi, @before, @after, @outcome, @startedAt, @appliedAt)`
    ),
    updateRound: db.prepare(
      `UPDATE workshop_rounds SET status = @status, hidden = @hidden, revealed = @revealed, kpi = @kpi, doc_after = @after, outcome = @outcome, applied_at = @appliedAt
       WHERE workshop_id = @id AND number = @number`
    ),
    moves: db.prepare<[string], MoveRow>(`SELECT * FROM workshop_moves WHERE workshop_id = ? ORDER BY seq`),
    nextSeq: db.prepare<[string], number>(`SELECT coalesce(max(seq), 0) + 1 FROM workshop_moves WHERE workshop_id = ?`).pluck(),
    insertMove: db.prepare(
      `INSERT INTO workshop_moves (id, workshop_id, round, seq, team_id, change, description, rationale, created_at, withdrawn_at)
       VALUES (@moveId, @id, @round, @seq, @teamId, @change, @description, @rationale, @createdAt, @withdrawnAt)`
    ),
    withdraw: db.prepare(`UPDATE workshop_moves SET withdrawn_at = ? WHERE workshop_id = ? AND id = ? AND withdrawn_at IS NULL`),
    predictions: db.prepare<[string], PredictionRow>(`SELECT * FROM workshop_predictions WHERE workshop_id = ? ORDER BY round, team_id`),
    predict: db.prepare(
      `INSERT INTO workshop_predictions (workshop_id, round, team_id, sector, figure, created_at) VALUES (@id, @round, @teamId, @sector, @figure, @createdAt)
       ON CONFLICT (workshop_id, round, team_id) DO UPDATE SET sector = excluded.sector, figure = excluded.figure, created_at = excluded.created_at`
    )
  }

  const row = (id: string): WorkshopRow => {
    const r = s.one.get(id)
    if (!r) throw new RepoError('not_found', `No workshop with id ${id}. It may have been deleted.`)
    return r
  }
  const summary = (r: WorkshopRow, rounds: number): WorkshopSummary => ({
    id: r.id, name: r.name, scenarioId: r.scenario_id, sourceName: r.source_name, teams: JSON.parse(r.teams) as Team[], rounds, createdAt: r.created_at, updatedAt: r.updated_at
  })
  const toMove = (m: MoveRow): Move => ({
    id: m.id, round: m.round, teamId: m.team_id, change: JSON.parse(m.change) as MoveChange, description: m.description, rationale: m.rationale, createdAt: m.created_at, withdrawnAt: m.withdrawn_at
  })

  /** The whole workshop, read in one go (a workshop holds a few rounds and at most a few hundred moves). */
  function get(id: string): Workshop {
    const w = row(id)
    const moves = s.moves.all(id).map(toMove)
    const predictions = s.predictions.all(id)
    const rounds: Round[] = s.rounds.all(id).map((r) => ({
      number: r.number,
      status: r.status,
      hidden: r.hidden === 1,
      revealed: r.revealed === 1,
      kpi: JSON.parse(r.kpi) as RoundKpi,
      startedAt: r.started_at,
      appliedAt: r.applied_at,
      before: stored(r.doc_before),
      after: r.doc_after === null ? null : stored(r.doc_after),
      moves: moves.filter((m) => m.round === r.number),
      predictions: predictions.filter((p) => p.round === r.number).map((p) => ({ teamId: p.team_id, sector: p.sector, figure: p.figure, createdAt: p.created_at })),
      outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as Outcome)
    }))
    const teams = JSON.parse(w.teams) as Team[]
    const points = new Map(teams.map((t) => [t.id, 0]))
    for (const r of rounds) if (r.revealed && r.outcome) for (const p of r.outcome.points) points.set(p.teamId, (points.get(p.teamId) ?? 0) + p.sector + p.figure)
    const current = rounds[rounds.length - 1]
    const pending = current.status === 'open' ? applyMoves(current.before, live(current.moves)) : (current.after ?? current.before)
    return { ...summary(w, rounds.length), rounds, scores: [...points].map(([teamId, p]) => ({ teamId, points: p })), pending }
  }

  /**
   * The moves that apply: not withdrawn, and naming measures this build knows (a move recorded before an
   * update renamed its measure stays in the log but cannot apply to the upgraded scenario).
   */
  const live = (moves: readonly Move[]) =>
    moves.filter((m) => m.withdrawnAt === null && (m.change.kind !== 'measure' || model.measureIndex.has(m.change.setting.id))).map((m) => m.change)
  const currentRound = (w: Workshop) => w.rounds[w.rounds.length - 1]
  const openRound = (w: Workshop): Round => {
    const r = currentRound(w)
    if (r.status !== 'open') throw new RepoError('conflict', `Round ${r.number} is already applied. Start round ${r.number + 1} to play on, or undo round ${r.number}.`)
    return r
  }
  const team = (w: Workshop, teamId: string): Team => {
    const t = w.teams.find((x) => x.id === teamId)
    if (!t) throw new RepoError('not_found', `“${w.name}” has no team “${teamId}”.`)
    return t
  }
  const writeRound = (id: string, r: Round) =>
    s.updateRound.run({
      id, number: r.number, status: r.status, hidden: r.hidden ? 1 : 0, revealed: r.revealed ? 1 : 0, kpi: JSON.stringify(r.kpi),
      after: r.after ? JSON.stringify(r.after) : null, outcome: r.outcome ? JSON.stringify(r.outcome) : null, appliedAt: r.appliedAt
    })
  /** Runs `f` in a transaction on the workshop as it is now, then returns the workshop as it is after. */
  const change = (id: string, f: (w: Workshop, at: string) => void): Workshop => {
    db.transaction(() => {
      const at = stamp()
      f(get(id), at)
      s.touch.run(at, id)
    })()
    return get(id)
  }
  const nameTaken = (name: string) => s.byName.get(name) !== undefined
  /** The library scenario's own name now (a rename in the library is kept when a round writes a version). */
  const scenarioName = (w: Workshop): string => {
    try {
      return scenarios.get(w.scenarioId).name
    } catch (e) {
      if (e instanceof RepoError) throw new RepoError('not_found', `The workshop's scenario is not in the library any more (${e.message}) Restore it from the trash to apply or undo rounds.`)
      throw e
    }
  }
  const insertRound = (id: string, r: Omit<Round, 'moves' | 'predictions'>) =>
    s.insertRound.run({
      id, number: r.number, status: r.status, hidden: r.hidden ? 1 : 0, revealed: r.revealed ? 1 : 0, kpi: JSON.stringify(r.kpi), before: JSON.stringify(r.before),
      after: r.after ? JSON.stringify(r.after) : null, outcome: r.outcome ? JSON.stringify(r.outcome) : null, startedAt: r.startedAt, appliedAt: r.appliedAt
    })

  return {
    get,
    list(): WorkshopSummary[] {
      return s.list.all().map((r) => summary(r, r.rounds))
    },

    /**
     * A new workshop: its scenario (a copy named after it) goes into the library, round 1 opens on it; the
     * name of the scenario it started from is kept with it (the copy's own name is "<workshop> (workshop)").
     */
    create(input: { name: string; teams: string[]; from: { scenarioId: string } | { doc: ScenarioDoc }; kpi: RoundKpi }): Workshop {
      const id = randomUUID()
      db.transaction(() => {
        const name = input.name.trim()
        if (nameTaken(name)) throw new RepoError('conflict', `A workshop named “${name}” already exists. Choose another name.`)
        const source = 'scenarioId' in input.from ? scenarios.get(input.from.scenarioId).doc : input.from.doc
        const teams: Team[] = []
        for (const t of input.teams) {
          const n = t.trim()
          if (teams.some((x) => x.name.toLowerCase() === n.toLowerCase())) throw new RepoError('invalid_input', `Two teams are called “${n}”. Give each team its own name.`)
          teams.push({ id: teamIdFor(n, new Set(teams.map((x) => x.id))), name: n })
        }
        const { imported } = scenarios.insertMany([{ ...source, name: `${name} (workshop)` }], `Workshop “${name}” started from “${source.name}”`)
        const scenario = imported[0]
        const at = stamp()
        s.insert.run({ id, name, scenarioId: scenario.id, sourceName: source.name, teams: JSON.stringify(teams), at })
        insertRound(id, { number: 1, status: 'open', hidden: false, revealed: false, kpi: input.kpi, startedAt: at, appliedAt: null, before: scenarios.get(scenario.id).doc, after: null, outcome: null })
      })()
      return get(id)
    },

    remove(id: string): { id: string; name: string } {
      const { name } = row(id)
      s.remove.run(id)
      return { id, name }
    },

    addTeam(id: string, name: string): Workshop {
      return change(id, (w, at) => {
        const n = name.trim()
        if (w.teams.length >= MAX_TEAMS) throw new RepoError('invalid_input', `A workshop has at most ${MAX_TEAMS} teams.`)
        if (w.teams.some((t) => t.name.toLowerCase() === n.toLowerCase())) throw new RepoError('conflict', `There is already a team called “${n}”.`)
        const teams = [...w.teams, { id: teamIdFor(n, new Set(w.teams.map((t) => t.id))), name: n }]
        s.teams.run(JSON.stringify(teams), at, id)
      })
    },

    /** One move per measure or trigger that `doc` changes against the round's pending scenario. */
    recordMoves(id: string, teamId: string, rationale: string, doc: ScenarioDoc): Workshop {
      return change(id, (w, at) => {
        const r = openRound(w)
        team(w, teamId)
        // The draft is checked against the catalogue as a save is (ids brought forward, then every id known).
        const checked = checkAgainstCatalogue(doc, model, migrations)
        if ('issues' in checked) throw new RepoError('invalid_input', `The moves were not recorded: ${checked.issues.slice(0, 6).map((i) => `${i.path}: ${i.message}`).join('; ')}.`)
        doc = checked.doc
        const moves = diffMoves(w.pending, doc)
        if (moves.length === 0) {
          const other = nonMoveChanges(w.pending, doc)
          throw new RepoError('invalid_input', other.length > 0
            ? `Only ${other.join(' and ')} changed; a move switches, tunes, dates or suspends a measure, or sets a trigger.`
            : 'Nothing to record: the scenario is as the round stands. Make the team’s changes in the panels first.')
        }
        let before = w.pending
        let seq = s.nextSeq.get(id) as number
        for (const change of moves) {
          s.insertMove.run({ moveId: randomUUID(), id, round: r.number, seq: seq++, teamId, change: JSON.stringify(change), description: describeMove(model, before, change), rationale: rationale.trim(), createdAt: at, withdrawnAt: null })
          before = applyMoves(before, [change])
        }
      })
    },

    withdrawMove(id: string, moveId: string): Workshop {
      return change(id, (w, at) => {
        const r = openRound(w)
        if (!r.moves.some((m) => m.id === moveId)) throw new RepoError('not_found', `Round ${r.number} has no move ${moveId}; only moves of the open round can be withdrawn.`)
        if (s.withdraw.run(at, id, moveId).changes === 0) throw new RepoError('conflict', 'That move was already withdrawn.')
      })
    },

    configureRound(id: string, input: { hidden?: boolean; kpi?: RoundKpi }): Workshop {
      return change(id, (w) => {
        const r = openRound(w)
        writeRound(id, { ...r, hidden: input.hidden ?? r.hidden, kpi: input.kpi ?? r.kpi })
      })
    },

    predict(id: string, input: { teamId: string; sector: Prediction['sector']; figure: number }): Workshop {
      return change(id, (w, at) => {
        const r = openRound(w)
        team(w, input.teamId)
        s.predict.run({ id, round: r.number, teamId: input.teamId, sector: input.sector, figure: input.figure, createdAt: at })
      })
    },

    /** Applies the open round: a new version of the scenario, the outcome and the points, in one transaction. */
    applyRound(id: string): Workshop {
      return change(id, (w, at) => {
        const r = openRound(w)
        const name = scenarioName(w)
        const after = { ...w.pending, name }
        const count = r.moves.filter((m) => m.withdrawnAt === null).length
        scenarios.save({ id: w.scenarioId, doc: after, label: `Workshop round ${r.number} applied (${count} move${count === 1 ? '' : 's'})` })
        const outcome = roundOutcome(model, r.before, after, r.kpi, r.predictions)
        // A round played in the open is revealed as it is applied; a hidden one waits for the reveal.
        writeRound(id, { ...r, status: 'applied', after, outcome, appliedAt: at, revealed: !r.hidden })
      })
    },

    reveal(id: string): Workshop {
      return change(id, (w) => {
        const r = currentRound(w)
        if (r.status !== 'applied') throw new RepoError('conflict', `Apply round ${r.number} before revealing it.`)
        writeRound(id, { ...r, revealed: true })
      })
    },

    /** Undoes the last applied round: the scenario gets the round's starting state as a new version; the round reopens with its moves. */
    undoRound(id: string): Workshop {
      return change(id, (w) => {
        const r = currentRound(w)
        if (r.status !== 'applied') {
          throw new RepoError('conflict', r.number > 1
            ? `Round ${r.number} has started: round ${r.number - 1} can no longer be undone. Withdraw moves of round ${r.number} instead.`
            : 'Round 1 is not applied yet: there is nothing to undo.')
        }
        scenarios.save({ id: w.scenarioId, doc: { ...r.before, name: scenarioName(w) }, label: `Workshop round ${r.number} undone` })
        writeRound(id, { ...r, status: 'open', after: null, outcome: null, appliedAt: null, revealed: false })
      })
    },

    startRound(id: string): Workshop {
      return change(id, (w, at) => {
        const r = currentRound(w)
        if (r.status !== 'applied' || !r.after) throw new RepoError('conflict', `Apply round ${r.number} before starting the next one.`)
        insertRound(id, { number: r.number + 1, status: 'open', hidden: r.hidden, revealed: false, kpi: r.kpi, startedAt: at, appliedAt: null, before: r.after, after: null, outcome: null })
      })
    },

    /**
     * Adds an imported workshop in one transaction: its scenario (the starting document, then one version per
     * applied round), then every round, move and prediction as in the file. A taken name gets a suffix.
     */
    insertImported(w: WorkshopImport, label: string): { workshop: Workshop; renamedFrom: string | null } {
      const id = randomUUID()
      let renamedFrom: string | null = null
      db.transaction(() => {
        const name = uniqueName(w.name, nameTaken)
        if (name !== w.name) renamedFrom = w.name
        const first = w.rounds[0].before
        const { imported } = scenarios.insertMany([{ ...first, name: `${name} (workshop)` }], label)
        const scenarioId = imported[0].id
        const scenarioTitle = imported[0].name
        for (const r of w.rounds) if (r.after) scenarios.save({ id: scenarioId, doc: { ...r.after, name: scenarioTitle }, label: `Workshop round ${r.number} applied (imported)` })
        const at = stamp()
        s.insert.run({ id, name, scenarioId, sourceName: w.sourceName, teams: JSON.stringify(w.teams), at })
        let seq = 1
        for (const r of w.rounds) {
          insertRound(id, r)
          for (const m of r.moves) s.insertMove.run({ moveId: randomUUID(), id, round: r.number, seq: seq++, teamId: m.teamId, change: JSON.stringify(m.change), description: m.description, rationale: m.rationale, createdAt: m.createdAt, withdrawnAt: m.withdrawnAt })
          for (const p of r.predictions) s.predict.run({ id, round: r.number, teamId: p.teamId, sector: p.sector, figure: p.figure, createdAt: p.createdAt })
        }
      })()
      return { workshop: get(id), renamedFrom }
    }
  }
}

export type WorkshopRepository = ReturnType<typeof createWorkshopRepository>
