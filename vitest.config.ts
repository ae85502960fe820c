import { defineConfig, defaultClientConditions, defaultServerConditions } from 'vite';

// Workspace packages resolve to their TypeScript source through the `@ringflow/source` export
// condition. Vitest resolves test imports with both the client and the SSR resolver, so the
// condition is switched on in both places (keeping vite's defaults after it).
const source = '@ringflow/source';

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions], externalConditions: [source] } },
  test: {
    include: ['{core,operators,workers,io,cli,examples}/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
