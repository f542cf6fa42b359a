import { describe, expect, it } from 'vitest'
import migrations from '../../../resources/data/id-migrations.json'
import { shippedModel } from '../testing/fixtures'

/**
 * The review's corrections of fact (docs/MODEL.md §11, data changelog) stay in the data: each check
 * names the review row it guards.
 */
describe('review corrections (dataset 2026.12.1)', () => {
  const model = shippedModel()
  const m = (id: string) => {
    const found = model.measures.find((x) => x.id === id)
    if (!found) throw new Error(`measure ${id} missing`)
    return found
  }
  const a = (id: string) => model.assumptions.find((x) => x.id === id)
  const p = (mid: string, pid: string) => m(mid).params.find((x) => x.id === pid)

  it('row 1: No. 18 general licences dated ≈2 Dec 2025, not 18 Dec', () => {
    expect(m('cn-mofcom-18').description).toMatch(/2 Dec 2025/)
    expect(m('cn-mofcom-18').description).not.toMatch(/18 Dec/)
  })

  it('row 2: No. 56 effective 8 Nov 2025, No. 62 on issue 9 Oct 2025', () => {
    expect(m('cn-mofcom-56').instrument?.effective).toBe('2025-11-08')
    expect(m('cn-mofcom-56').default.start).toBe('2025-11-08')
    expect(m('cn-mofcom-62').instrument?.effective).toBe('2025-10-09')
  })

  it('row 3: Lynas heavy-RE circuit counted in tens of tonnes of Dy+Tb, not 1 kt', () => {
    const lynas = model.projects.find((x) => x.id === 'lynas-hre')
    expect(lynas?.capacity).toBeLessThanOrEqual(100)
    expect(lynas?.unit).toMatch(/Dy\+Tb/)
  })

  it('row 4: defence approvals 0–10 % under Nos. 18, 57, 61', () => {
    for (const id of ['cn-mofcom-18', 'cn-mofcom-57', 'cn-mofcom-61']) {
      const d = p(id, 'defense-approval')
      expect(d?.default, id).toBeLessThanOrEqual(10)
      expect(d?.high, id).toBeLessThanOrEqual(10)
    }
  })

  it('row 5: no Washington-side parameter or coverage cites MOFCOM licensing evidence', () => {
    for (const x of model.measures.filter((y) => y.side === 'washington')) {
      for (const q of x.params) expect(q.source, `${x.id}.${q.id}`).not.toMatch(/MOFCOM|Wood Mackenzie|sz-yr|CLEPA/)
      for (const c of x.channels) {
        if (c.coverage !== undefined) expect(a(c.coverage)?.source, `${x.id} κ ${c.coverage}`).not.toMatch(/MOFCOM|Wood Mackenzie|sz-yr|CLEPA/)
      }
    }
  })

  it('rows 6–8: sourcing share, defence share, tariff pass-through', () => {
    expect(a('cn-share-light-ree')?.value).toBeCloseTo(0.7, 5)
    expect(a('cn-share-light-ree')?.source).toMatch(/USGS/)
    const d = a('defense-share-allied-magnet-demand')
    expect(d?.value).toBeGreaterThanOrEqual(0.01)
    expect(d?.high).toBeLessThanOrEqual(0.03)
    expect(a('tariff-pass-through')?.value).toBeGreaterThanOrEqual(0.9)
  })

  it('row 9: No. 61 reaches Annex 1 Part II items only', () => {
    expect(m('cn-mofcom-61').description).toMatch(/Annex 1 Part II/)
  })

  it('row 10: only the US-specific clause of No. 46 is suspended', () => {
    expect(m('cn-gagesb-ban').description).toMatch(/clause 1/)
    expect(m('cn-gagesb-ban').description).toMatch(/licensing/)
  })

  it('row 11: stocks by form — no SmCo stock, magnet block for defence only', () => {
    const st = m('us-stockpiles')
    expect(st.channels.some((c) => c.channel === 'smco')).toBe(false)
    expect(st.channels.find((c) => c.channel === 'ndfeb')?.sectors).toEqual(['defense'])
  })

  it('id migrations: renamed ids point at existing measures, retired ids are gone', () => {
    const ids = new Set([...model.measures.map((x) => x.id), ...model.assumptions.map((x) => x.id)])
    // The chain of steps from 2026.11.1 leads to the current dataset (2026.12.1, then 2026.12.2: cost by cost share,
    // then 2026.12.3: sourcing pass on the electronics chip inputs, no ids renamed or retired).
    const chain: string[] = []
    let at = '2026.11.1'
    for (let step = migrations.migrations.find((x) => x.fromDataset === at); step; step = migrations.migrations.find((x) => x.fromDataset === at)) {
      if (chain.includes(at)) break
      chain.push(at)
      at = step.toDataset ?? at
      for (const [from, to] of Object.entries(step.renamed)) {
        expect(ids.has(to), `${from} → ${to}`).toBe(true)
        expect(ids.has(from), from).toBe(false)
      }
      for (const id of Object.keys(step.retired)) expect(ids.has(id), id).toBe(false)
    }
    expect(chain).toEqual(['2026.11.1', '2026.12.1', '2026.12.2'])
    expect(at).toBe(model.datasetVersion)
  })

  it('missing levers are catalogue measures with their documented dates', () => {
    const dated: [string, string, string | null][] = [
      ['cn-mofcom-10', '2025-02-04', null],
      ['cn-gagesb-licensing', '2023-08-01', null],
      ['cn-nexperia-stop', '2025-10-04', '2025-11-09'],
      ['us-aero-engine-licences', '2025-05-28', '2025-07-03'],
      ['us-ai-accelerator-licences', '2025-04-09', null],
      ['us-concentrate-stop', '2025-04-17', null]
    ]
    for (const [id, start, end] of dated) {
      expect(m(id).default.start, id).toBe(start)
      expect(m(id).default.end, id).toBe(end)
      expect(m(id).default.enabled, id).toBe(true)
    }
    // The licensing that persists is never suspended with No. 46 clause 2.
    expect(m('cn-gagesb-licensing').default.suspensions).toEqual([])
    expect(m('cn-gagesb-ban').default.suspensions.length).toBe(1)
    const channels = new Set(model.measures.flatMap((x) => x.channels.map((c) => `${c.economy}:${c.channel}`)))
    for (const ch of ['us:tungsten', 'us:gallium', 'us:germanium', 'us:antimony', 'us:legacy_chips', 'cn:aero_engines', 'cn:ai_accelerators', 'cn:sme_servicing', 'cn:ree_feed']) {
      expect(channels.has(ch), ch).toBe(true)
    }
  })

  it('materials split: each group has its own sourcing share and criticalities', () => {
    for (const g of ['y-sc', 'gd-lu', 'ho-yb', 'gallium', 'germanium', 'antimony', 'tungsten']) {
      expect(a(`cn-share-${g}`)?.group, g).toBe('china-shares')
      for (const s of ['defense', 'autos', 'electronics']) expect(a(`crit-us-${s}-${g}`), `${g} ${s}`).toBeDefined()
    }
    // Sourcing shares differ by group (USGS/USITC), not one pooled figure.
    expect(new Set(['y-sc', 'gallium', 'germanium', 'antimony', 'tungsten'].map((g) => a(`cn-share-${g}`)?.value)).size).toBe(5)
  })
})
