import { shippedModel, scenarioWith, always } from './src/core/testing/fixtures'
import { compilePlan, profilesFor } from './src/core/engine/plan'
import { buildInputs } from './src/core/engine/inputs'
import { allocKernelOut, runKernel } from './src/core/engine/kernel'
import { fastEvaluator } from './src/core/analysis/fast-eval'
import { mulberry32, pert } from './src/core/analysis/rng'
const model = shippedModel()
const allOn = scenarioWith(model, Object.fromEntries(model.measures.map(m => [m.id, always('2025-01-01')])))
const plan = compilePlan(model, allOn); const mask = new Uint8Array(15).fill(1)
const ev = fastEvaluator(plan)
const time = (name: string, fn: () => void, n = 2000) => { for (let i=0;i<200;i++) fn(); const a=performance.now(); for (let i=0;i<n;i++) fn(); console.log(name.padEnd(12), ((performance.now()-a)/n*1000).toFixed(1),'µs') }
const inp = buildInputs(plan, plan.values); const out = allocKernelOut(plan); const prof = profilesFor(plan, mask)
time('kernel us', () => runKernel(plan, inp, prof, out, 1))
time('kernel all', () => runKernel(plan, inp, prof, out, 3))
time('profilesFor', () => profilesFor(plan, mask))
time('fast us', () => ev.exposure(mask, 1))
time('inputs', () => buildInputs(plan, plan.values))
const rng = mulberry32(1)
time('pert x108', () => { for (let i=0;i<108;i++) pert(0.1,0.5,0.9,rng) })
