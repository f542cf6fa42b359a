import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { validatedDataset } from './scripts/validated-dataset'

// Three builds: the Electron main process, the preload script and the renderer (also served by the web host).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 is a native addon: it must stay a runtime require, never bundled.
      rollupOptions: { input: { index: resolve('src/main/index.ts') }, external: ['better-sqlite3', 'electron'] }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), validatedDataset(resolve('.'))],
    resolve: {
      // The page takes the catalogue and dataset validated at build time (src/renderer/bundled-dataset.ts): the
      // schema pass was ≈40 ms of every cold start. Same exports as src/shared/dataset.ts, which Node keeps using.
      alias: [{ find: /^(?:\.\.\/)+shared\/dataset$/, replacement: resolve('src/renderer/bundled-dataset.ts') }]
    },
    server: { fs: { allow: [resolve('.')] } },
    build: {
      outDir: 'out/renderer',
      // electron-vite's renderer preset turns minification off (its default is `minify: false`); the page is
      // also served to browsers by the web host and parsed on every cold start, so minify it (Vite's oxc).
      minify: 'oxc',
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    }
  }
})
