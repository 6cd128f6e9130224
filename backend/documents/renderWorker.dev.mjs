// Development and test entry of the document worker: registers tsx in this thread, then runs
// the TypeScript worker. The packaged app runs the bundled build/electron/renderWorker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./renderWorker.ts');
