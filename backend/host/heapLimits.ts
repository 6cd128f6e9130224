// How large V8 lets the backend's young generations grow (issue #15, main.rss.1m). Node's default
// semi-space (16 MB, three of them per isolate) is sized for servers that allocate fast; the desk's
// backend allocates little at a time, and every isolate in it (the backend's own, the reader's,
// the renderer's) keeps its young generation resident once grown. Measured with the memory bench
// at 20,000 matters: 4 MB semi-spaces take about 40 MB off the process's peak and leave a
// registration's time as it was (p50 3.9 → 3.7 ms, p95 10.4 → 9.6 ms).
const SEMI_SPACE_MB = 4;

/** Flags for the backend's process, wherever it is started (Node child process or Electron utility process). */
export const BACKEND_EXEC_ARGV: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** The same bound for a worker thread inside it: a young generation holds two semi-spaces and their overflow. */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB } as const;
