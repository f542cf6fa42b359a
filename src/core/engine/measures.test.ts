import { describe, expect, it } from 'vitest'
import type { Measure } from '../model/catalogue-schema'
import { critKey } from '../model/keys'
import type { ScenarioDoc } from '../scenario/schema'
import { allOff, always, scenarioWith, shippedModel, sum } from '../testing/fixtures'
import { evaluate } from './evaluate'
import { CHANNELS, SECTORS, type Channel, type Economy, type Sector } from './types'

/**
 * Every catalogue measure moves the channels it claims to (and, when it acts alone, only those).
 * Flow measures are switched on alone at their most restrictive primary setting; capacity, stockpile
 * and technology measures are compared against a shock made of every Beijing licence plus DFARS.
 */
const model = shippedModel()

const mostRestrictive = (m: Measure): Record<string, number> => {
  const p = m.params.find((x) => x.primary === true)
  if (!p) return {}
  // Approval rates restrict when low; rates, scope and enforcement when high. A sourcing rule is most
  // restrictive with no waivers and no compliant pre-stock (its other valves, docs/MODEL.md §3.4).
  const valves: Record<string, number> = m.mechanism === 'sourcing-rule' ? { waiver: 0, 'prestock-quarters': 0 } : {}
  return { [p.id]: p.id === 'approval' ? p.min : p.max, ...valves }
}

/**
 * Exposure from channel k alone: every other channel's criticality is overridden to 0, so the
 * saturating composition cannot shift share between channels (docs/MODEL.md §3.6).
 */
const channelTotal = (doc: ScenarioDoc, e: Economy, s: Sector, k: Channel): number => {
  const isolated = structuredClone(doc)
  for (const a of model.assumptions) if (a.id.startsWith('crit-') && a.id !== critKey(e, s, k)) isolated.overrides[a.id] = 0
  return sum(evaluate(model, isolated).economies[e][s].exposure)
}

const shock = (): ScenarioDoc => {
  const edits: Record<string, ReturnType<typeof always>> = {}
  for (const m of model.measures) {
    if ((m.side === 'beijing' && m.mechanism === 'licensing') || m.mechanism === 'sourcing-rule') edits[m.id] = always('2025-01-01', mostRestrictive(m))
  }
  const doc = scenarioWith(model, edits, allOff(model))
  // With little DPAS reach and qualification, defence cannot already hold all the compliant supply it
  // needs, so new capacity relieves it on every channel (docs/MODEL.md §3.3). Low ends of their ranges.
  doc.overrides['dpas-reach'] = 0.3
  doc.overrides['defense-qualified-2024'] = 0.3
  return doc
}

const sectorsOf = (c: Measure['channels'][number]): readonly Sector[] => c.sectors ?? SECTORS

describe.each(model.measures.map((m) => [m.id, m] as const))('measure %s', (_id, m) => {
  if (m.mechanism === 'licensing' || m.mechanism === 'tariff' || m.mechanism === 'sourcing-rule') {
    it('raises exposure on each channel it claims, and on no other', () => {
      const doc = scenarioWith(model, { [m.id]: always('2025-01-01', mostRestrictive(m)) }, allOff(model))
      const r = evaluate(model, doc)
      for (const c of m.channels) {
        // Tariffs act on cost and sourcing, never on availability (docs/MODEL.md §3.5): they move cost.
        const moved = sectorsOf(c).some((s) => (c.channel === 'tariffs' ? sum(r.economies[c.economy][s].cost) : sum(r.economies[c.economy][s].byChannel[c.channel])) > 0)
        expect(moved, `${c.economy}/${c.channel}`).toBe(true)
      }
      const claimed = new Set(m.channels.map((c) => `${c.economy}/${c.channel}`))
      for (const e of ['us', 'cn'] as const) for (const s of SECTORS) for (const k of CHANNELS) {
        if (!claimed.has(`${e}/${k}`)) expect(sum(r.economies[e][s].byChannel[k]), `${e}/${s}/${k}`).toBe(0)
      }
    })
  } else {
    it('changes exposure on each channel it claims under a supply shock', () => {
      const base = shock()
      const on = scenarioWith(model, { [m.id]: always('2025-01-01') }, base)
      let without = base
      let withIt = on
      if (m.mechanism === 'tech-ramp') {
        // Technology bans act through allied capacity: compare with capacity present in both.
        without = scenarioWith(model, { 'us-allied-capacity': always('2025-01-01') }, base)
        withIt = scenarioWith(model, { 'us-allied-capacity': always('2025-01-01'), [m.id]: always('2025-01-01') }, base)
      }
      // Capacity and stockpiles relieve exposure; technology bans add to it.
      const direction = m.mechanism === 'tech-ramp' ? 1 : -1
      for (const c of m.channels) {
        const deltas = sectorsOf(c).map((s) => channelTotal(withIt, c.economy, s, c.channel) - channelTotal(without, c.economy, s, c.channel))
        expect(deltas.some((d) => d * direction > 1e-9), `${c.economy}/${c.channel}: ${deltas.join(', ')}`).toBe(true)
        expect(deltas.every((d) => d * direction >= -1e-9), `${c.economy}/${c.channel} moved the wrong way`).toBe(true)
      }
    })
  }
})
