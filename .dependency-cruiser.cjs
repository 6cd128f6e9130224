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
      to: { path: ['^electron/', '^renderer/', '^server/'] },
    },
    {
      name: 'server-only-domain',
      comment: 'the city server has its own schema and imports only domain/',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^electron/', '^renderer/', '^db/'] },
    },
    {
      name: 'backend-not-renderer-or-server',
      severity: 'error',
      from: { path: '^electron/(services|sync|web)/' },
      to: { path: ['^renderer/', '^server/', '^electron/main/', '^electron/preload/'] },
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
