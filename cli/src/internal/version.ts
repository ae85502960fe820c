// The package's version, read from its package.json (next to src/ and dist/ alike).
import { readFileSync } from 'node:fs';

/** `@ringflow/cli`'s version. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
