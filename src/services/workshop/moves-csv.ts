import { csvField } from '../export/csv'
import type { Workshop } from '../../shared/contract/workshop'

/**
 * The moves log as CSV (RFC 4180, CRLF, UTF-8): one row per move in the order recorded — round, team, the
 * move in words, the rationale, when it was recorded, and whether it was withdrawn before the round applied.
 */
export function movesCsv(w: Workshop): string {
  const team = new Map(w.teams.map((t) => [t.id, t.name]))
  const rows: (string | number)[][] = [['Round', 'Team', 'Move', 'Rationale', 'Recorded at (UTC)', 'Withdrawn at (UTC)']]
  for (const r of w.rounds) for (const m of r.moves) rows.push([r.number, team.get(m.teamId) ?? m.teamId, m.description, m.rationale, m.createdAt, m.withdrawnAt ?? ''])
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
