export declare const ROOT: string
export declare function electronVersion(): string | null
export declare function electronBinary(): string | null
export declare function electronNativeBinding(version?: string | null): string
