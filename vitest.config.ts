// vitest: unit (pure domain) and integration (real SQLite files, real city server on 127.0.0.1).
import { defineConfig } from 'vitest/config';

// The window works in Beijing time; tests pin it so local-day rules do not depend on the host.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
