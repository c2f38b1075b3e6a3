// Types of prebuilt.mjs, for the TypeScript tests that import it.
export declare const BUNDLE_DIR: string;
export declare const ENTRY_FILE: string;
export declare const MANIFEST_FILE: string;
/** `{ bundle }` to run the prebuilt CLI, or `{ reason }` why the sources must be run. */
export declare function chooseCli(root: string): { bundle: string; reason?: undefined } | { bundle?: undefined; reason: string };
