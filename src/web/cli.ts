// `npm run web`: serve the built renderer and the API on 127.0.0.1 over the same services as the desktop app.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createServices, defaultDataDir } from '../services'
import { startWebHost } from './server'

const rendererDir = resolve(import.meta.dirname, '../../out/renderer')
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run `npm run web` (it builds first) or `npm run build`.')
  process.exit(1)
}
const dataDir = defaultDataDir()
let services
try {
  services = createServices({ dataDir, runtime: 'web' })
} catch (e) {
  console.error(`Chokepoint could not open its data: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
const port = Number(process.env.CHOKEPOINT_PORT ?? 0)
const host = await startWebHost({ dispatch: services.dispatch, rendererDir, port, token: process.env.CHOKEPOINT_TOKEN || undefined })
console.log(`Chokepoint web host: ${host.url}`)
console.log(`Data: ${dataDir}`)
console.log('Open the URL above in a browser (it carries this run\'s access token). Ctrl+C stops.')

const stop = () => {
  host.close().finally(() => {
    services.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
