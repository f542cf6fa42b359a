import { describe, expect, it } from 'vitest'
import { StorageError } from '../services/db/open'
import type { RecoveryAdvice } from '../services/backup-recovery'
import { recoveryDialog } from './storage-recovery'

const advice = (over: Partial<RecoveryAdvice>): RecoveryAdvice => ({ title: 'The Chokepoint library is damaged', message: new StorageError('x.sqlite is damaged', 'corrupt').message, actions: [], latestBackup: null, ...over })

describe('the start-up recovery dialog', () => {
  it('offers the latest backup first, with its date, then an empty library, with Quit as the default', () => {
    const createdAt = new Date('2026-11-20T08:00:00.000Z')
    const { options, choices } = recoveryDialog(advice({ actions: ['restore-backup', 'start-fresh'], latestBackup: { file: '/b.sqlite', createdAt, bytes: 1 } }), '/data')
    expect(choices).toEqual(['restore-backup', 'start-fresh', 'quit'])
    expect(options.buttons).toEqual([`Open the latest backup (${createdAt.toLocaleString()})`, 'Start with an empty library', 'Quit'])
    expect(options.defaultId).toBe(2)
    expect(options.cancelId).toBe(2)
    expect(options.detail).toMatch(/x\.sqlite is damaged[\s\S]*renamed aside in the data folder, never deleted[\s\S]*Data folder: \/data/)
  })

  it('offers only Quit, with the fix, when no choice in the app could help', () => {
    const { options, choices } = recoveryDialog(advice({ title: 'Chokepoint cannot open its data', message: 'Cannot write to x.sqlite. Check that the data folder is writable.' }), '/data')
    expect(choices).toEqual(['quit'])
    expect(options.buttons).toEqual(['Quit'])
    expect(options.detail).toMatch(/Cannot write[\s\S]*Fix the cause above/)
  })
})
