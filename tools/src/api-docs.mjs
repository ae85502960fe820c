// Generates the API reference (docs/api/, gitignored) with TypeDoc from every entry point that the
// published packages export (their package.json `exports`), with warnings as errors: an
// undocumented export, a broken {@link} or a type missing from the docs fails the run.
//   npm run docs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel } from 'typedoc';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['core', 'operators', 'workers', 'io', 'cli'];

/** Every exported entry point's source file (the `@ringflow/source` target), as [specifier, path]. */
export function entryPoints() {
  return PACKAGES.flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
    return Object.entries(manifest.exports)
      .filter(([key]) => !key.endsWith('package.json'))
      .map(([key, target]) => [key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`, join(root, pkg, target['@ringflow/source'])]);
  });
}

/**
 * Runs TypeDoc; resolves `{ ok, errors, warnings }` (ok: no error and no warning, output written).
 * Options (for tests): `out`, `entryPoints` (paths), `tsconfig`, `emit: false` to skip the HTML.
 */
export async function generate({
  out = join(root, 'docs', 'api'),
  entryPoints: entries = entryPoints().map(([, path]) => path),
  tsconfig = join(root, 'tsconfig.typedoc.json'),
  emit = true,
} = {}) {
  const app = await Application.bootstrapWithPlugins({
    name: 'ringflow',
    entryPoints: entries,
    entryPointStrategy: 'resolve',
    tsconfig,
    out,
    readme: 'none',
    excludeExternals: true,
    treatWarningsAsErrors: true,
    treatValidationWarningsAsErrors: true,
    validation: { notExported: true, invalidLink: true, notDocumented: true },
    excludePrivate: true,
    excludeInternal: true,
    githubPages: false,
    // Source links to the public repository, whatever remote (or none) this clone has.
    disableGit: true,
    sourceLinkTemplate: 'https://github.com/ringflow/ringflow/blob/main/{path}#L{line}',
    logLevel: LogLevel.Warn,
  });
  // Warnings count as errors (the CLI does this for treatWarningsAsErrors; the API leaves it to us).
  const failed = () => app.logger.hasErrors() || app.logger.hasWarnings();
  const result = () => ({ ok: !failed(), errors: app.logger.errorCount, warnings: app.logger.warningCount });
  const project = await app.convert();
  if (project === undefined || failed()) return result();
  app.validate(project);
  if (failed()) return result();
  if (emit) await app.generateOutputs(project);
  return result();
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await generate();
  console.log(result.ok ? 'API reference written to docs/api/' : `typedoc: ${result.errors} errors, ${result.warnings} warnings (treated as errors)`);
  process.exitCode = result.ok ? 0 : 1;
}
