// The notebooks in examples/notebooks: the committed ones must carry the outputs of a clean run
// (every code cell has output, no errors, at least one plot, plots are real images), and, where Jupyter's nbconvert
// is installed, they must run clean again now (executed into a temporary folder, not in place).
// Without nbconvert the execution is skipped with a message, except in CI (RINGFLOW_CI=1), where
// it fails: .ci/run installs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const folder = resolve(here, '../notebooks');
const root = resolve(here, '../..');
const names = readdirSync(folder).filter((f) => f.endsWith('.ipynb')).sort();

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
interface Notebook {
  nbformat: number;
  metadata: { kernelspec?: { name?: string } };
  cells: Cell[];
}

const joined = (v: string | string[] | undefined): string => (Array.isArray(v) ? v.join('') : (v ?? ''));

/** What is wrong with a PNG given as base64, or null: signature, IHDR and a non-trivial size. */
function pngProblem(base64: string): string | null {
  const bytes = Buffer.from(base64, 'base64');
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) return 'not a PNG (bad signature)';
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return 'PNG without IHDR';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 100 || height < 80) return `PNG of ${width}x${height} pixels`;
  if (bytes.length < 4000) return `PNG of only ${bytes.length} bytes`;
  return null;
}

/** What is wrong with an SVG document, or null: an <svg> root with a size and drawn content. */
function svgProblem(svg: string): string | null {
  const text = svg.trim();
  if (!text.startsWith('<svg') || !text.endsWith('</svg>')) return 'not an <svg> document';
  if (!/viewBox="0 0 \d+ \d+"/.test(text)) return 'SVG without a viewBox';
  const drawn = (text.match(/<(polyline|rect|path|line|image)\b/g) ?? []).length;
  if (drawn < 5 || text.length < 1000) return `SVG with ${drawn} drawn elements in ${text.length} characters`;
  return null;
}

/** Every problem of an executed notebook; `images` counts its plots. */
function check(file: string): { problems: string[]; images: number } {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as Notebook;
  const problems: string[] = [];
  let images = 0;
  if (nb.nbformat !== 4) problems.push(`nbformat ${nb.nbformat}, expected 4`);
  if (nb.metadata.kernelspec?.name !== 'tslab') problems.push(`kernel ${nb.metadata.kernelspec?.name}, expected tslab`);
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  if (code.length < 3) problems.push(`only ${code.length} code cells`);
  if (nb.cells.filter((c) => c.cell_type === 'markdown').length < 3) problems.push('fewer than 3 markdown cells to explain the steps');
  code.forEach((cell, i) => {
    const where = `code cell ${i + 1} (${joined(cell.source).split('\n')[0]!.slice(0, 60)})`;
    if (cell.execution_count !== i + 1) problems.push(`${where}: execution count ${cell.execution_count}, expected ${i + 1} (run it with run.mjs)`);
    const outputs = cell.outputs ?? [];
    if (outputs.length === 0) problems.push(`${where}: no output`);
    for (const o of outputs) {
      if (o.output_type === 'error') problems.push(`${where}: ${o.ename}: ${o.evalue}`);
      else if (o.output_type === 'stream' && o.name === 'stderr') problems.push(`${where}: stderr: ${joined(o.text).slice(0, 300)}`);
      else if (o.output_type === 'display_data') {
        const png = o.data?.['image/png'];
        const svg = o.data?.['image/svg+xml'];
        const problem = png !== undefined ? pngProblem(joined(png)) : svg !== undefined ? svgProblem(joined(svg)) : `a display that is not an image (${Object.keys(o.data ?? {}).join(', ')})`;
        if (problem !== null) problems.push(`${where}: ${problem}`);
        else images++;
      }
    }
  });
  if (images < 1) problems.push('no plot');
  return { problems, images };
}

describe('examples/notebooks', () => {
  it('holds at least five notebooks, each listed in its README', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    for (const name of names) expect(readme, `README.md lists ${name}`).toContain(name);
  });

  for (const name of names) {
    it(`${name} is committed with the outputs of a clean run and image plots`, () => {
      expect(check(join(folder, name)).problems).toEqual([]);
    });
  }

  it('tells a broken notebook from a good one', () => {
    // The checker itself: a notebook with an empty cell, a stderr line and a bogus image fails.
    const dir = mkdtempSync(join(tmpdir(), 'ringflow-nbcheck-'));
    try {
      const good = JSON.parse(readFileSync(join(folder, names[0]!), 'utf8')) as Notebook;
      const bad = structuredClone(good);
      const code = bad.cells.filter((c) => c.cell_type === 'code');
      code[0]!.outputs = [];
      code[1]!.outputs = [{ output_type: 'stream', name: 'stderr', text: ['1:1 - Cannot find name x\n'] }];
      code.at(-1)!.outputs = [{ output_type: 'display_data', data: { 'image/png': Buffer.from('not a png').toString('base64') } }];
      const file = join(dir, 'bad.ipynb');
      writeFileSync(file, JSON.stringify(bad));
      const { problems } = check(file);
      expect(problems.some((p) => p.includes('no output'))).toBe(true);
      expect(problems.some((p) => p.includes('stderr'))).toBe(true);
      expect(problems.some((p) => p.includes('not a PNG') || p.includes('SVG'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const hasNbconvert = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' }).status === 0;
const built = ['core', 'operators', 'workers', 'io'].every((p) => existsSync(join(root, p, 'dist', 'index.js')));
const inCi = process.env.RINGFLOW_CI === '1';
if (!hasNbconvert) console.warn(`jupyter nbconvert is not installed: executing the notebooks is skipped${inCi ? ' (a failure in CI)' : ''} (apt-get install -y --no-install-recommends jupyter-nbconvert jupyter-core jupyter-client python3-nbclient)`);
else if (!built) console.warn(`the packages are not built: executing the notebooks is skipped${inCi ? ' (a failure in CI)' : ''} (npx tsc -b, as npm test does)`);

describe('executing the notebooks', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ringflow-notebooks-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.runIf(inCi && !(hasNbconvert && built))('has nbconvert and the built packages (RINGFLOW_CI=1: the notebooks must run)', () => {
    throw new Error(`RINGFLOW_CI=1 but ${hasNbconvert ? 'the packages are not built' : 'jupyter nbconvert is not installed: .ci/run must apt-get install jupyter-nbconvert jupyter-core jupyter-client python3-nbclient'}`);
  });

  it.runIf(hasNbconvert && built)('runs every notebook clean with the tslab kernel', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, [join(folder, 'run.mjs'), '--output-dir', scratch], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', (c) => done({ code: c, output }));
    });
    expect(code, output).toBe(0);
    for (const name of names) {
      expect(output).toContain(`ok   ${name}`);
      expect(check(join(scratch, name)).problems, name).toEqual([]);
    }
  }, 600_000);
});
