import { shippedModel, scenarioWith, always } from './src/core/testing/fixtures'
import { defaultScenario } from './src/core/model/default-scenario'
import { attribute } from './src/core/analysis/attribution'
import { simulate } from './src/core/analysis/uncertainty'
import { tornado } from './src/core/analysis/tornado'
import { evaluate } from './src/core/engine/evaluate'
const model = shippedModel(); const sc = defaultScenario(model)
const allOn = scenarioWith(model, Object.fromEntries(model.measures.map(m => [m.id, always('2025-01-01')])))
const t = (name: string, fn: () => unknown, n=5) => { fn(); const xs=[]; for(let i=0;i<n;i++){const a=performance.now(); fn(); xs.push(performance.now()-a)} xs.sort((a,b)=>a-b); console.log(name, xs[n>>1].toFixed(1),'ms') }
t('attr default', () => attribute(model, sc))
t('attr allOn', () => attribute(model, allOn))
t('mc 1000', () => simulate(model, sc, {samples: 1000, seed: 1}))
t('tornado', () => tornado(model, sc, {economy:'us', sector:'defense', kpi:'peak'}))
const a = attribute(model, allOn); const r = evaluate(model, allOn)
let maxErr = 0; for (const e of ['us','cn'] as const) for (const s of ['defense','autos','electronics'] as const) { const at=a[e][s]; r.economies[e][s].exposure.forEach((x,h)=>{ let acc=at.baseline[h]; for (const v of Object.values(at.byMeasure)) acc+=v[h]; maxErr=Math.max(maxErr, Math.abs(acc-x)) }) }
console.log('maxErr', maxErr, Object.keys(a.us.defense.byMeasure).length, Object.keys(a.cn.defense.byMeasure).length)
const sd = a.us.defense; console.log(Object.entries(sd.byMeasure).map(([k,v])=>k+':'+v.reduce((x,y)=>x+y,0).toFixed(0)).join(' '))
const m = simulate(model, sc, {samples: 500, seed: 1}).economies.us.defense.exposure; console.log(m.p10.map(x=>x.toFixed(0)).join(' ')); console.log(m.p90.map(x=>x.toFixed(0)).join(' '))
