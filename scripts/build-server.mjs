// Builds the city server for production (issue #15): one ES module, build/server/main.mjs, run by
// plain Node (no TypeScript loader), with its migrations beside it where the store looks for
// them. Packages stay in node_modules (`npm ci --omit=dev` on the server).
import { bundleServer } from './bundles.mjs';

await bundleServer('build/server');
