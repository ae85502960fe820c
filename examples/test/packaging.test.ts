// The packages as a user gets them: packed with `npm pack` (each runs its `prepack` build), installed
// with plain `npm install` into a fresh project outside the workspace, and used there as ESM with
// their types, on two threads, in a worker stage built as JavaScript, and in a browser bundle.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('./packaging', import.meta.url));
const PACKAGES = ['core', 'operators', 'workers', 'io', 'cli'];
/** An rxjs older than the workspace's, so that a second copy would show. */
const APP_RXJS = '7.8.1';

let app = '';

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

/** Every entry point a package exports, as import specifiers (`@ringflow/operators/kernels`, ...). */
function entriesOf(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('package.json'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'ringflow-app-'));
  const tarballs = join(app, 'tarballs');
  mkdirSync(tarballs);
  const packed = JSON.parse(
    run('npm', ['pack', ...PACKAGES.flatMap((p) => ['-w', p]), '--pack-destination', tarballs, '--json'], root),
  ) as { name: string; filename: string }[];
  const dependencies: Record<string, string> = { rxjs: APP_RXJS, '@types/node': '^20' };
  for (const p of packed) dependencies[p.name] = `file:tarballs/${p.filename}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ringflow-user-app', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', lib: ['ES2024', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'] },
      files: ['app.ts'],
    }),
  );
  cpSync(fixtures, app, { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app);
}, 300_000);

afterAll(() => {
  if (app !== '') rmSync(app, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('ship their built dist/ and declarations, not the tests', () => {
    for (const pkg of PACKAGES) {
      const dir = join(app, 'node_modules', '@ringflow', pkg);
      expect(existsSync(join(dir, 'dist', 'index.js')), `${pkg} dist/index.js`).toBe(true);
      expect(existsSync(join(dir, 'dist', 'index.d.ts')), `${pkg} dist/index.d.ts`).toBe(true);
      expect(existsSync(join(dir, 'test')), `${pkg} ships no tests`).toBe(false);
      expect(existsSync(join(dir, 'dist', '.tsbuildinfo')), `${pkg} ships no build info`).toBe(false);
    }
  });

  it('import as ESM from every entry point with plain node', () => {
    const specifiers = PACKAGES.flatMap((pkg) => entriesOf(join(app, 'node_modules', '@ringflow', pkg)));
    expect(specifiers).toContain('@ringflow/operators/kernels');
    const script = `for (const s of ${JSON.stringify(specifiers)}) { const m = await import(s); if (Object.keys(m).length === 0) throw new Error(s + ' exports nothing'); } console.log('ok');`;
    expect(run(process.execPath, ['--input-type=module', '-e', script], app).trim()).toBe('ok');
  });

  it('resolve rxjs to the one copy the app installed', () => {
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const path = join(dir, entry.name);
        if (entry.name === 'rxjs' && existsSync(join(path, 'package.json'))) copies.push(path);
        else walk(path);
      }
    };
    walk(join(app, 'node_modules'));
    expect(copies).toEqual([join(app, 'node_modules', 'rxjs')]);
    expect(JSON.parse(readFileSync(join(copies[0]!, 'package.json'), 'utf8')).version).toBe(APP_RXJS);
  });

  it('type-check a user program with tsc against the installed declarations', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], app); // throws with tsc's diagnostics
  }, 240_000);

  it('load @ringflow/io/zmq without zeromq installed, and say how to install it when it is used', () => {
    const script = `import { fromZmq } from '@ringflow/io/zmq';
      fromZmq('tcp://127.0.0.1:1', { format: 'f' }).subscribe({ error: (e) => { console.log(e.message); } });`;
    expect(run(process.execPath, ['--input-type=module', '-e', script], app)).toMatch(/npm install zeromq/);
  });

  it('move a counting sequence between two threads', () => {
    expect(JSON.parse(run(process.execPath, ['threads.mjs'], app))).toEqual({ received: 1_000_000 });
  });

  it('offload to a stage built as plain JavaScript, and exit when done (no thread left behind)', () => {
    expect(JSON.parse(run(process.execPath, ['offload.mjs'], app))).toEqual({ out: [[2, 4, 6], [8]] });
  });

  it('run the installed ringflow command (npx ringflow) on its built-in signal, stages on workers', () => {
    const out = join(app, 'analysis');
    const printed = run('npx', ['--no-install', 'ringflow', 'analyze', '--duration', '1', '--out', out, '--json', '-q'], app);
    const report = JSON.parse(printed) as { settings: { threads: string }; channels: { tones: { frequency: number }[] }[]; rings: { spectrum?: { chunksOut: number } } };
    expect(report.settings.threads).toBe('workers');
    expect(report.rings.spectrum?.chunksOut).toBeGreaterThan(0);
    expect(report.channels.map((c) => c.tones.length)).toEqual([2, 2]);
    expect(existsSync(join(out, 'spectrogram.png'))).toBe(true);
  }, 120_000);

  it('bundle for a browser with no flags and no Node built-ins', async () => {
    const result = await build({
      entryPoints: [join(app, 'browser-entry.mjs')],
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles.map((f) => f.text).join('\n');
    expect(code).toContain('RingBuffer');
    expect(code).not.toMatch(/["']node:/);
  });
});
