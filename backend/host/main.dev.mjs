// Development and test entry of the backend process: registers tsx, then runs the TypeScript
// entry. The packaged app forks the bundled build/backend/main.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
