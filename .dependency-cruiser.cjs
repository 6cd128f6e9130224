// Layering rules of DESIGN.md §1 (VS Code style: a path says what a file may touch).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing of the project but itself, and no Node built-ins',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', '^node_modules/(zod|dayjs|chinese-days)/'] },
    },
    {
      name: 'renderer-only-domain',
      comment: 'renderer/ talks to the backend only through the typed api client',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: ['^renderer/', '^domain/', '^node_modules/'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-main-and-preload-import-electron',
      severity: 'error',
      from: { pathNot: ['^electron/main/', '^electron/preload/'] },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'db-only-domain',
      comment: 'db/ is the only place with SQL for the local store; it knows nothing above it',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^electron/', '^backend/', '^renderer/', '^console/', '^server/'] },
    },
    {
      name: 'server-only-domain',
      comment: 'the city server has its own schema and imports only domain/',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^electron/', '^backend/', '^renderer/', '^console/', '^db/'] },
    },
    {
      name: 'backend-is-plain-node',
      comment: 'backend/ runs in its own process: it knows the store and the domain, never a window or the city',
      severity: 'error',
      from: { path: '^backend/' },
      to: { path: ['^renderer/', '^console/', '^server/', '^electron/'] },
    },
    {
      name: 'electron-hosts-only',
      comment: 'electron/ (main and preload) holds no SQL and no services: it hosts the backend process over its port',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^db/', '^node_modules/better-sqlite3', '^backend/(?!host/)', '^renderer/', '^server/', '^console/'] },
    },
    {
      name: 'unit-tests-are-pure',
      comment: 'tests/unit checks pure code: no files, no store, no network (those are tests/integration)',
      severity: 'error',
      from: { path: '^tests/unit/' },
      to: { path: ['^db/', '^node_modules/(better-sqlite3|@electric-sql|pg)/', '^backend/(services|host|web|reader|documents)/'] },
    },
    {
      name: 'unit-tests-no-io',
      severity: 'error',
      from: { path: '^tests/unit/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^build/', '^dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
