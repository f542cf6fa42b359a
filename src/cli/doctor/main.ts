// `npm run doctor`: one screen on what this machine can run and what to do about each missing piece.
// Exit code 0 when the browser version can run (the way that always works), 1 when even that cannot.
import { formatReport, runChecks } from './checks'
import { probeMachine } from './probe'

const checks = runChecks(await probeMachine())
process.stdout.write(formatReport(checks))
process.exitCode = checks.some((c) => c.area.startsWith('Browser') && c.status === 'missing') ? 1 : 0
