/**
 * The shape of the server as `npm run lint` checks it (scripts/deps.ts runs dependency-cruiser
 * with this configuration and adds the check for cycles between modules).
 * Domain modules are the folders under server/ other than core (shared by all), http (assembles
 * the app), db (schema barrel, migrations, embedded PostgreSQL), testing and demo.
 */
const NOT_DOMAIN = ['core', 'http', 'db', 'testing', 'demo'];
const DOMAIN = `^server/(?!(?:${NOT_DOMAIN.join('|')})/)[^/]+/`;
/** Test code: test files, test helpers (testing.ts, *-testing.ts), server/testing, fixtures. */
const TEST = [
  '\\.test\\.ts$',
  '(^|/)testing\\.ts$',
  '-testing\\.ts$',
  '^server/testing/',
  '\\.fixture\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Files (other than tests) import each other in a cycle.',
      severity: 'error',
      from: { path: '^server/', pathNot: TEST },
      to: { circular: true },
    },
    {
      name: 'front-door-only',
      comment:
        "Code outside a module imports that module's index.ts only (a table may name another " +
        "module's table for a foreign key; the schema barrel takes every module's tables).",
      severity: 'error',
      from: { path: '^server/([^/]+)/', pathNot: [...TEST, '(^|/)tables\\.ts$', '^server/db/schema\\.ts$'] },
      to: { path: DOMAIN, pathNot: ['^server/$1/', '^server/[^/]+/index\\.ts$'] },
    },
    {
      name: 'front-door-only-top',
      comment: "The server's entry files import a module's index.ts only.",
      severity: 'error',
      from: { path: '^server/[^/]+\\.ts$', pathNot: TEST },
      to: { path: DOMAIN, pathNot: ['^server/[^/]+/index\\.ts$'] },
    },
    {
      name: 'tables-name-tables',
      comment: "A table file names another module's tables (tables.ts) or its front door, nothing else.",
      severity: 'error',
      from: { path: '^server/([^/]+)/tables\\.ts$' },
      to: { path: DOMAIN, pathNot: ['^server/$1/', '^server/[^/]+/(index|tables)\\.ts$'] },
    },
    {
      name: 'tests-through-front-doors',
      comment:
        "Tests and test helpers reach into their own module; another module's only through its " +
        'index.ts, its tables.ts or its test helpers (testing.ts).',
      severity: 'error',
      from: { path: '^server/([^/]+)/.*(\\.test|testing|\\.fixture)\\.ts$', pathNot: '^server/testing/' },
      to: {
        path: DOMAIN,
        pathNot: ['^server/$1/', '^server/[^/]+/(index|tables)\\.ts$', '/testing\\.ts$', '-testing\\.ts$'],
      },
    },
    {
      name: 'testing-through-front-doors',
      comment: "server/testing uses a module's index.ts, tables.ts or test helpers (testing.ts).",
      severity: 'error',
      from: { path: '^server/testing/' },
      to: {
        path: DOMAIN,
        pathNot: ['^server/[^/]+/(index|tables)\\.ts$', '/testing\\.ts$', '-testing\\.ts$'],
      },
    },
    {
      name: 'core-imports-no-module',
      comment:
        'server/core is shared by every module and imports none of them (nor http, db, testing, demo); ' +
        'its tests may start the app.',
      severity: 'error',
      from: { path: '^server/core/', pathNot: TEST },
      to: { path: '^server/(?!core/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^server/db/migrations/', 'node_modules'] },
    includeOnly: '^(server|common)/',
    // TypeScript 7.0 offers no compiler API dependency-cruiser can use: sources are parsed with swc.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
    moduleSystems: ['es6'],
  },
};
