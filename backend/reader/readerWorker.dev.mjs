// Development and test entry of the reader worker: registers tsx in this thread, then runs the
// TypeScript worker. The packaged app runs the bundled build/backend/readerWorker.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./readerWorker.ts');
