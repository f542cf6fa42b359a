import type { ChildProcess, SpawnOptions } from 'node:child_process'

export declare const RUN_TAG: 'CHOKEPOINT_TEST_RUN'
export declare function hostCommand(): { command: string; args: string[]; cwd: string }
export declare function spawnGroup(command: string, args: string[], options?: SpawnOptions): ChildProcess
export declare function signalGroup(pid: number | undefined, signal: NodeJS.Signals): boolean
export declare function killTree(child: ChildProcess, signal?: NodeJS.Signals): void
export declare function canInspect(): boolean
/** `ppid` 1: orphaned (its starter is gone). */
export declare function findTagged(name: string, value?: string): { pid: number; ppid: number; cmd: string }[]
export declare function killAll(processes: { pid: number }[]): void
