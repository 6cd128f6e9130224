// vitest: unit (pure domain) and integration (real SQLite files, real city server on 127.0.0.1)
// in Node; component tests (renderer pieces with testing-library) in jsdom.
import { defineConfig } from 'vitest/config';

// The window works in Beijing time; tests pin it so local-day rules do not depend on the host.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/support/jsdom/setup.ts'],
        },
      },
    ],
  },
});
