#!/usr/bin/env node
// The `gloss` command. Gloss is written in TypeScript; tsx compiles it as it loads, so the
// CLI runs from a checkout or an npm install without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
