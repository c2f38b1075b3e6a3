// Starts the task worker from the TypeScript sources (npm run serve, the tests, the bench),
// where there is no built dist/electron/task-worker.cjs: tsx, a dependency, compiles
// worker.ts and what it imports as they load. The desktop app runs the built worker instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
