import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

/** Cross-origin isolation: without both headers a page gets no SharedArrayBuffer, hence no rings. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Workspace packages resolve to their TypeScript sources (`@ringflow/source`), so the demo needs
// no build of the packages first; the stage and the worklet processors are bundled as module
// workers (`?worker&url`).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['@ringflow/source', ...defaultClientConditions] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
