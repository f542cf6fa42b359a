// Lint enforces the layer rules in docs/ARCHITECTURE.md: who may import whom.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'url', 'stream', 'worker_threads']
const pattern = (group, message) => ({ group, message })

/** Import restrictions per layer. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] }
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an as-const union instead of enum.' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  // Playwright fixtures declare their dependencies with an (often empty) destructuring pattern.
  { files: ['e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  layer(['src/core/**'], [
    pattern(['**/shared/**', '**/services/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**'], 'core imports nothing outside core.'),
    pattern(NODE_BUILTINS, 'core is pure: no Node built-ins.'),
    pattern(['electron', 'react', 'react-dom', 'recharts', 'better-sqlite3'], 'core is pure: no platform or UI libraries.')
  ]),
  layer(['src/shared/**'], [
    pattern(['**/services/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', '**/cli/**'], 'shared imports only core and zod.'),
    pattern([...NODE_BUILTINS, 'electron', 'react', 'better-sqlite3'], 'shared is platform-free.')
  ]),
  layer(['src/services/**'], [
    pattern(['electron', 'electron/*'], 'services never import electron: they run under plain Node.'),
    pattern(['**/main/**', '**/preload/**', '**/renderer/**', '**/web/**'], 'services import only core and shared.')
  ]),
  layer(['src/web/**', 'src/cli/**'], [
    pattern(['electron', 'electron/*'], 'the web host and CLI run under plain Node.'),
    pattern(['**/main/**', '**/preload/**', '**/renderer/**'], 'the web host and CLI import only services, shared and core.')
  ]),
  layer(['src/preload/**'], [
    pattern(['**/core/**', '**/services/**', '**/main/**', '**/renderer/**', '**/web/**'], 'preload exposes call/on only; it imports shared channel names.')
  ]),
  layer(['src/main/**'], [
    pattern(['**/renderer/**', '**/web/**', '**/preload/**'], 'main wires services to Electron; it does not import the renderer.')
  ]),
  layer(['src/renderer/**'], [
    pattern(['**/services/**', '**/main/**', '**/preload/**', '**/web/**', '**/cli/**'], 'the renderer talks to the backend only through the API client.'),
    pattern([...NODE_BUILTINS, 'electron', 'better-sqlite3'], 'no Node or Electron in the renderer.')
  ])
)
