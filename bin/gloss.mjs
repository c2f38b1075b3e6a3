#!/usr/bin/env node
// The `gloss` command. Gloss is written in TypeScript; tsx compiles it as it loads, so the
// CLI runs from a checkout or an npm install without a build step.
import { register } from 'tsx/esm/api';

// tsconfig: false, so that a tsconfig.json in the folder gloss is run from is not applied
// to Gloss's own sources (they need none of its settings to run).
register({ tsconfig: false });
await import('../electron/cli/main.ts');
