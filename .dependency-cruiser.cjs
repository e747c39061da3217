/**
 * The fence between domains (ARCHITECTURE.md, "Layout"), checked by `npm run lint` and so by CI.
 *
 * dependency-cruiser rather than Biome's restricted imports: it resolves every import to the real file
 * it reaches (relative paths, `.js` written for `.ts`, type-only imports included), so a rule can say
 * "another domain's files other than its index.ts and contract" whatever the spelling of the import.
 *
 * A domain is any folder directly under src/ other than the ones named in NOT_DOMAIN: a new domain
 * folder is fenced the day it is created, without touching this file.
 */
const NOT_DOMAIN = ['platform', 'shared', 'web', 'cli', 'demo'];
const DOMAIN = `^src/(?!(?:${NOT_DOMAIN.join('|')})/)([^/]+)/`;
/**
 * What a domain shows others: its index.ts, its contract file or contract/ folder. dependency-cruiser
 * joins a list of paths into one expression, so back-references are named (numbered ones would shift).
 */
const PUBLIC_FACE = [
  '^src/[^/]+/index\\.ts$',
  '^src/(?<c>[^/]+)/\\k<c>\\.contract\\.ts$',
  '^src/[^/]+/contract/',
];

module.exports = {
  forbidden: [
    {
      name: 'domain-internals',
      severity: 'error',
      comment:
        "A domain calls another only through that domain's index.ts or its contract: export what you need " +
        'from there (ARCHITECTURE.md, "Direction of imports").',
      from: { path: DOMAIN },
      to: { path: DOMAIN, pathNot: ['^src/$1/', ...PUBLIC_FACE] },
    },
    {
      name: 'composition-root-internals',
      severity: 'error',
      comment:
        'Composition roots (app.ts, server.ts, cli/) build the domains from their index.ts and ' +
        'contracts only. database.ts alone may read the *.tables.ts files: it assembles the Database type.',
      from: { path: '^src/(?:app|server)\\.ts$|^src/cli/' },
      to: { path: DOMAIN, pathNot: PUBLIC_FACE },
    },
    {
      name: 'demo-loader-internals',
      severity: 'error',
      comment: "The demo loader runs each domain's demo part (<domain>.demo.ts) and nothing else of it.",
      from: { path: '^src/demo/' },
      to: { path: DOMAIN, pathNot: [...PUBLIC_FACE, '^src/(?<m>[^/]+)/\\k<m>\\.demo\\.ts$'] },
    },
    {
      name: 'database-type-assembly',
      severity: 'error',
      comment: 'src/database.ts only gathers the tables of each domain.',
      from: { path: '^src/database\\.ts$' },
      to: { path: DOMAIN, pathNot: ['^src/(?<t>[^/]+)/\\k<t>\\.tables\\.ts$'] },
    },
    {
      name: 'platform-imports-no-domain',
      severity: 'error',
      comment: 'platform/ is below every domain: it may import only itself and shared/.',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: ['^src/(?:platform|shared)/'] },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'shared/ is imported by server and web alike, so it imports nothing else of src/.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: ['^src/shared/'] },
    },
    {
      name: 'web-talks-http',
      severity: 'error',
      comment:
        'The web app reaches the server over HTTP; of the server it imports only contracts and shared/.',
      from: { path: '^src/web/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(?:web|shared)/', '^src/(?<c>[^/]+)/\\k<c>\\.contract\\.ts$', '^src/[^/]+/contract/'],
      },
    },
  ],
  options: {
    includeOnly: '^src/',
    exclude: { path: '^src/web/public/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type reaching into another domain is still a reach.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
