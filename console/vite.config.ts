// The city's console (issue #14): built into build/console, which the city server serves at `/`.
// The manifest marks the folder as a build, so the server never serves these sources instead.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'console',
  base: '/',
  plugins: [react()],
  build: { outDir: '../build/console', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 2000 },
});
