export declare function hasCommand(command: string): boolean
export declare function missingBuildTools(platform?: string, has?: (command: string) => boolean): { missing: string[]; advice: string }
