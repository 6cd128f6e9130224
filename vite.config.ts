// Renderer build: served by dev:web in development, loaded from build/renderer by Electron.
import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative allow entries resolve against `root` (renderer/), not this file, so each is made
// absolute here; the real path, because a worktree's node_modules is a link and Vite checks
// the files it serves by their real paths.
const inRepo = (dir: string) => fs.realpathSync(path.resolve(import.meta.dirname, dir));

// Setting `deny` replaces Vite's own list, so its default (Vite 8: env files, keys and
// certificates, package-manager settings, .git) is kept, then ours: the data store, its
// journal and the development key file.
const VITE_DEFAULT_DENY = ['.env', '.env.*', '*.{crt,pem,key,p12,pfx,cer,der}', '.npmrc', '.yarnrc.yml', '**/.git/**'];
const DATA_DENY = ['*.db', '*.db-*', 'dev-db-key'];

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // Every source file, lazy pages too, is crawled for its packages at start: a package first met
  // later makes Vite re-bundle and reload the page under whoever is using it.
  optimizeDeps: { entries: ['src/**/*.{ts,tsx}'] },
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The packages the first screen needs, apart from the desk's own code: they change only
        // with an upgrade, so a cache keeps them across releases. React alone, then antd and what it
        // is built on — only the parts the first screen uses ('$initial'); a component only a lazy
        // page uses goes with that page. The rest (echarts) stays with the page that needs it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|stylis|@emotion|dayjs|clsx|classnames)[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // dev:web is for development, not an open door: no other origin may read from it, and it
    // serves the renderer, the domain code it imports and the packages, nothing else of the tree.
    cors: false,
    fs: { strict: true, allow: ['renderer', 'domain', 'node_modules'].map(inRepo), deny: [...VITE_DEFAULT_DENY, ...DATA_DENY] },
  },
});
