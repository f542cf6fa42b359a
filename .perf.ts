import { shippedModel } from './src/core/testing/fixtures'
import { defaultScenario } from './src/core/model/default-scenario'
import { compilePlan, profilesFor } from './src/core/engine/plan'
import { buildInputs } from './src/core/engine/inputs'
import { allocKernelOut, runKernel } from './src/core/engine/kernel'
import { evaluate, evaluatePlan, allOn } from './src/core/engine/evaluate'
const model = shippedModel(); const sc = defaultScenario(model)
const time = (name: string, fn: () => void, n = 3000) => { for (let i=0;i<300;i++) fn(); const xs:number[]=[]; for (let i=0;i<n;i++){const t=performance.now(); fn(); xs.push(performance.now()-t)} xs.sort((a,b)=>a-b); console.log(name.padEnd(12), 'median', (xs[n>>1]*1000).toFixed(1),'µs p95', (xs[Math.floor(n*0.95)]*1000).toFixed(1)) }
const plan = compilePlan(model, sc); const mask = allOn(plan); const prof = profilesFor(plan, mask); const inp = buildInputs(plan, plan.values); const out = allocKernelOut(plan)
time('compile', () => compilePlan(model, sc))
time('profiles', () => { const p = compilePlan(model, sc); profilesFor(p, mask) })
time('inputs', () => buildInputs(plan, plan.values))
time('kernel', () => runKernel(plan, inp, prof, out))
time('evalPlan', () => evaluatePlan(plan, plan.values, mask, out))
time('evaluate', () => evaluate(model, sc))
