import Database from 'better-sqlite3'
const db = new Database(process.argv[2])
if (process.argv[3]) db.exec(process.argv[3])
const SUMMARY = `s.id, s.name, s.notes, s.tags, s.version, s.created_at, s.updated_at,
  (SELECT json_group_array(measure_id) FROM scenario_measures m WHERE m.scenario_id = s.id) AS measures`
const filter = `s.deleted_at IS NULL
    AND (@query = '' OR s.name LIKE @like ESCAPE '\\' OR s.notes LIKE @like ESCAPE '\\')
    AND (@tag IS NULL OR s.id IN (SELECT scenario_id FROM scenario_tags WHERE tag = @tag))
    AND (@measure IS NULL OR s.id IN (SELECT scenario_id FROM scenario_measures WHERE measure_id = @measure))`
const cases: [string, any][] = [
  ['text', { query: 'lied 7', like: '%lied 7%', tag: null, measure: null, limit: 50, offset: 0 }],
  ['nomatch', { query: 'zzzz', like: '%zzzz%', tag: null, measure: null, limit: 50, offset: 0 }],
  ['tag', { query: '', like: '%%', tag: 'tag-3', measure: null, limit: 50, offset: 0 }],
  ['measure', { query: '', like: '%%', tag: null, measure: 'cn-mofcom-18', limit: 50, offset: 0 }],
]
for (const [order, label] of [['s.updated_at DESC, s.name', 'updated'], ['s.name COLLATE NOCASE, s.id', 'name']]) for (const [name, p] of cases) {
  const list = `SELECT ${SUMMARY} FROM scenarios s WHERE ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`
  const count = `SELECT count(*) FROM scenarios s WHERE ${filter}`
  const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(p).map((r: any) => r.detail).filter((d: string) => /^(SCAN|SEARCH) s/.test(d)).join('; ')
  const t = (sql: string) => { const ts: number[] = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); db.prepare(sql).all(p); ts.push(performance.now() - t0) } return ts.sort((a, b) => a - b)[2].toFixed(1) }
  console.log(label, name, 'list', t(list), plan(list), '| count', t(count), plan(count))
}
const tags = `SELECT min(t.tag) AS tag, count(*) AS count FROM scenario_tags t JOIN scenarios s ON s.id = t.scenario_id WHERE s.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag`
const t0 = performance.now(); db.prepare(tags).all(); console.log('tags', (performance.now() - t0).toFixed(1))
