import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
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
