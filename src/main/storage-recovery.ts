import type { MessageBoxSyncOptions } from 'electron'
import type { RecoveryAction, RecoveryAdvice } from '../services/backup-recovery'

/**
 * The start-up dialog shown when the library cannot be opened (kept free of electron value imports so it is
 * tested under Node): what happened, and the ways forward that make sense for it. Quit is always offered
 * and is the default, so a stray Enter changes nothing.
 */
export function recoveryDialog(advice: RecoveryAdvice, dataDir: string): { options: MessageBoxSyncOptions; choices: (RecoveryAction | 'quit')[] } {
  const choices: (RecoveryAction | 'quit')[] = [...advice.actions, 'quit']
  const label = (c: RecoveryAction | 'quit') =>
    c === 'restore-backup'
      ? `Open the latest backup (${advice.latestBackup?.createdAt.toLocaleString()})`
      : c === 'start-fresh'
        ? 'Start with an empty library'
        : 'Quit'
  const ways =
    advice.actions.length > 0
      ? 'Whatever you choose, the current file is kept: it is renamed aside in the data folder, never deleted.'
      : 'Fix the cause above, then start Chokepoint again.'
  return {
    options: {
      type: 'error',
      title: advice.title,
      message: advice.title,
      detail: `${advice.message}\n\n${ways}\nData folder: ${dataDir}`,
      buttons: choices.map(label),
      defaultId: choices.length - 1,
      cancelId: choices.length - 1,
      noLink: true
    },
    choices
  }
}
