// `npm run security:scan`: the electronegativity scan of the Electron app (src/), run by CI.
// Fails when a finding above LOW is not listed, with its reason, in docs/SECURITY.md
// (between the `electronegativity-accepted` markers), or when a source file cannot be parsed.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// The scanner cannot detect the version from a devDependency; without it, it assumes Electron 0.1 defaults.
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '')

// The programmatic API, not the CLI: the CLI's CSV writer races its own header write and can lose findings.
const run = createRequire(import.meta.url)('@doyensec/electronegativity')
const input = join(root, 'src')
const result = await run({
  input,
  output: undefined,
  isSarif: false,
  customScan: [],
  excludeFromScan: [],
  severitySet: 'informational',
  confidenceSet: 'tentative',
  isRelative: true,
  isVerbose: false,
  electronUpgrade: undefined,
  electronVersionOverride: electronVersion,
  parserPlugins: []
})
const broken = result.errors.filter((e) => !e.tolerable)
if (broken.length > 0) {
  for (const e of broken) console.error(`  cannot parse ${e.file}: ${e.message}`)
  console.error('electronegativity could not parse the files above: the scan is incomplete.')
  process.exit(1)
}
const findings = result.issues.map((i) => ({
  check: i.id,
  severity: i.severity.name,
  confidence: i.confidence.name,
  file: String(i.file).replaceAll('\\', '/'),
  location: `${i.location.line}:${i.location.column}`
}))

const doc = readFileSync(join(root, 'docs/SECURITY.md'), 'utf8')
const block = doc.split('<!-- electronegativity-accepted:start -->')[1]?.split('<!-- electronegativity-accepted:end -->')[0] ?? ''
const accepted = block
  .split('\n')
  .map((l) => l.split('|').map((c) => c.trim().replaceAll('`', '')))
  .filter((c) => c.length >= 5 && /^[A-Z_]+_CHECK$/.test(c[1]) && c[4].length > 0)
  .map((c) => ({ check: c[1], file: c[2] }))
const isAccepted = (f) => accepted.some((a) => a.check === f.check && a.file === f.file)

const rank = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 }
let unexplained = 0
console.log(`electronegativity ${pkg.devDependencies['@doyensec/electronegativity']} on src/ (Electron ${electronVersion}): ${findings.length} finding(s)`)
for (const f of findings) {
  const above = (rank[f.severity] ?? 4) > rank.LOW
  const verdict = !above ? 'low, noted' : isAccepted(f) ? 'accepted (docs/SECURITY.md)' : 'UNEXPLAINED'
  if (verdict === 'UNEXPLAINED') unexplained++
  console.log(`  ${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.check.padEnd(28)} ${`${f.file}:${f.location}`.padEnd(28)} ${verdict}`)
}
for (const a of accepted)
  if (!findings.some((f) => f.check === a.check && f.file === a.file)) console.log(`  note: docs/SECURITY.md accepts ${a.check} in ${a.file}, which the scan no longer reports`)
if (unexplained > 0) {
  console.error(`${unexplained} finding(s) above LOW are neither fixed nor explained in docs/SECURITY.md.`)
  process.exit(1)
}
console.log('No finding above LOW is left unexplained.')
