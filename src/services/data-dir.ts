import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'Chokepoint'

/**
 * The per-user data folder, the same for the desktop app and the web host so both see one library.
 * `CHOKEPOINT_DATA_DIR` overrides it (tests use a fresh temp dir each).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CHOKEPOINT_DATA_DIR) return env.CHOKEPOINT_DATA_DIR
  const home = env.HOME || homedir()
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME)
}
