// The layering of ARCHITECTURE.md as rules: a wrong import or a cycle fails `npm run lint` (and CI).
/** Domain modules, lowest first: a module may import only modules to its left (through index.ts). */
const ORDER = ['editions', 'users', 'media', 'articles', 'comments|curation|search|site'];

const orderRules = ORDER.slice(0, -1).map((module, i) => ({
  name: `domain-order-${module.split('|')[0]}`,
  comment: `domain/${module} may not import a module above it (${ORDER.slice(i + 1).join(', ')})`,
  severity: 'error',
  from: { path: `^src/domain/(${module})/` },
  to: { path: `^src/domain/(${ORDER.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'core-imports-nothing', severity: 'error', from: { path: '^src/core/' }, to: { path: '^src/', pathNot: '^src/core/' } },
    {
      name: 'storage-below-domain',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/(domain|web|views|i18n|jobs|cli|main|app)' },
    },
    {
      name: 'domain-no-transport',
      comment: 'the domain knows nothing of HTTP, HTML, interface strings, jobs or the CLI',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(web|views|i18n|jobs|cli|main|app)' },
    },
    {
      name: 'domain-modules-through-index',
      comment: 'a domain module reaches another only through its index.ts',
      severity: 'error',
      from: { path: '^src/domain/([^/]+)/' },
      to: { path: '^src/domain/([^/]+)/', pathNot: ['^src/domain/$1/', '^src/domain/[^/]+/index\\.ts$'] },
    },
    ...orderRules,
    {
      name: 'views-are-pure',
      comment: 'views receive page props; they never reach for data',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/(domain|storage|web|jobs|cli|main|app)' },
    },
    {
      name: 'web-no-storage',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(storage|jobs|cli|main|app)' },
    },
    {
      name: 'web-domain-through-index',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/domain/[^/]+/', pathNot: '^src/domain/[^/]+/index\\.ts$' },
    },
    {
      name: 'jobs-below-transport',
      comment: 'jobs call the domain (through index.ts) and the queue in storage; they never reach the CLI or the app',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: '^src/(cli|main|app|i18n)' },
    },
    {
      name: 'jobs-domain-through-index',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: '^src/domain/[^/]+/', pathNot: '^src/domain/[^/]+/index\\.ts$' },
    },
    {
      name: 'main-not-from-cli',
      comment: 'main.ts boots the server; the CLI calls it, never the other way round',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-jobs-no-web',
      severity: 'error',
      from: { path: '^src/(cli|jobs)/' },
      to: { path: '^src/(web|views)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
