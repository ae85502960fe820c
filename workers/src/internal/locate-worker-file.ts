/**
 * Where a worker file is on disk (Node only): the path named, or, when a `.js`/`.mjs`/`.cjs` name
 * does not exist, its `.ts`/`.mts`/`.cts` sibling (the names TypeScript's NodeNext imports give
 * source files), so that `new URL('./stage.js', import.meta.url)` names the right file both in a
 * `.ts` program run by tsx and in its compiled `.js`. Used by `startWorker` and by the stage
 * workers of `offload`/`pipeline`/`parallel`.
 */
import { existsSync } from 'node:fs';

/** The existing file for `path` (itself or its TypeScript sibling), or `undefined` with the names tried. */
export function locateWorkerFile(path: string): { found: string | undefined; tried: string[] } {
  if (existsSync(path)) return { found: path, tried: [path] };
  const ts = path.replace(/\.([cm]?)js$/, '.$1ts');
  if (ts === path) return { found: undefined, tried: [path] };
  return { found: existsSync(ts) ? ts : undefined, tried: [path, ts] };
}
