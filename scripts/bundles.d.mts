// Types of scripts/bundles.mjs for the TypeScript that calls it (the crash harness).
export declare const DESK_EXTERNALS: string[];
export declare const deskCommon: Record<string, unknown>;
export declare const requireShim: string;
export declare function bundleBackend(outdir: string): Promise<void>;
export declare function bundleServer(outdir: string): Promise<void>;
