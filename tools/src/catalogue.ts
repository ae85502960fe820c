// Generates docs/operators.md, the operator catalogue, from the TSDoc of @ringflow/operators'
// exports (summary, timelines, signature), so the catalogue cannot drift from the code.
//   node --conditions=@ringflow/source --import tsx tools/src/catalogue.ts          (writes the file)
// examples/test/docs.test.ts checks that the committed file is current, and
// operators/test/contract/timelines.test.ts runs every timeline as a test case.
//
// TIMELINE FORMAT (a timeline is a test case, as RxJS's marble diagrams are). In an operator's
// TSDoc, a timeline is a header line, then a fenced block:
//
//   Timeline (`rms({ blockSize: 2 })`, optional words):
//   ```
//   in:  [3 4 0] [0 1] |
//   out: [3.536] [0]   |
//   ```
//
// - The header holds, in backticks, the expression the timeline was written for: a call of the
//   operator with its arguments (or, for a source, the source). It is evaluated with every export
//   of @ringflow/operators in scope, plus `ring` (a float64 RingBuffer; its capacity is 1024 unless
//   the header says "capacity N") and one variable per extra input line (below). The header may
//   span several comment lines; the words after the expression are for the reader.
// - Each line is `name: events`, with events placed in columns (time runs left to right):
//   `in` is the source the operator is applied to; `out` is what it emits; any other name but
//   `ring` and `stats` is a second input stream, a variable of the expression (`mix(other)`).
//   `ring` is, for `fromRing`, what the producer does to the ring (push a chunk, `|` close,
//   `#` abort) and, for `toRing`, the ring's contents after each input event. `stats: written W,
//   dropped D, overruns O` is `toRing`'s counters at the end. Text after `//` is a comment.
// - Events: `[...]` a chunk; `|` complete (on `ring`: close); `#` error (on `ring`: abort);
//   `( ... )` groups events that happen together; `.`, `-` and spaces only keep time.
// - Chunks: `[1 2.5 -3]` numbers separated by spaces; `[abc]` (no spaces, not a number) one sample
//   per character, `a`..`z` = 1..26, `A`..`Z` = -1..-26, digits their value; `[1 2; 3 4]` a 2-D
//   chunk, rows separated by `;` (a trailing `;` makes a one-row 2-D chunk, `[1 2;]`), read as
//   `[frames, channels]` (or `[channels, values]` for spectra: the same C-order data and shape);
//   `[[ab] [AB]]` an array of 1-D chunks (planar channels). Input chunks are Float64Array.
// - Timing: every input event (of every input line, `ring` included for fromRing) happens in
//   column order; an output event is expected right after the last input event that starts at or
//   before its column (before any input event if none does: a synchronous source).
// - Numbers compare to half a unit of their last printed decimal (`3.536` within 5e-4); integers
//   and letters exactly (to 1e-9 relative).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'operators', 'src');

/** The catalogue's sections: title, introduction, the exported names listed in it. */
export const SECTIONS: [title: string, intro: string, names: string[]][] = [
  ['Bridges', 'Between rings and streams.', ['fromRing', 'toRing']],
  ['Shaping', 'Regroup chunks; results do not depend on the input chunking.', ['batch', 'slidingWindow', 'concatenateChunks', 'collect', 'interleave', 'deinterleave']],
  ['Sources', 'Cold Observables of chunks.', ['oscillator', 'chirp', 'noise', 'fromSamples']],
  ['Levels and mixing', '', ['gain', 'mix', 'rms', 'peak']],
  ['Filters', 'State is kept across chunks; parameters may be live (an Observable).', ['fir', 'sosfilt', 'lfilter', 'biquad', 'resample', 'decimate']],
  ['Spectra', "numpy's `rfft` layout: interleaved complex `[re0, im0, re1, im1, ...]`, n/2+1 bins, unnormalised. A multichannel frame gives `[channels, values]` rows, one spectrum per channel.", ['fft', 'ifft', 'stft', 'istft', 'magnitude', 'toDecibels', 'welch']],
  ['Conversions', 'Plain functions on chunks (use them in `map()`); allocation-free kernels `pcmToFloat`/`floatToPcm` below.', ['toFloat32', 'fromFloat32']],
  ['Design helpers', 'Plain functions (also in `@ringflow/operators/kernels`).', ['butter', 'cheby1', 'firwin', 'biquadCoefficients', 'zpk2sos', 'getWindow', 'hann', 'hamming', 'blackman', 'blackmanharris', 'nuttall', 'flattop', 'bartlett', 'triang', 'cosine', 'kaiser', 'boxcar', 'generalCosine']],
];

/** One timeline of an operator's TSDoc: the header's expression and words, and the block's lines. */
export interface TimelineDoc {
  /** The exported name whose TSDoc holds it. */
  readonly name: string;
  /** The header as written, on one line: `Timeline (\`rms({ blockSize: 2 })\`):`. */
  readonly header: string;
  /** The expression in the header's backticks. */
  readonly expression: string;
  /** The block's lines. */
  readonly lines: readonly string[];
}

interface Doc {
  file: string;
  summary: string;
  signature: string;
  timelines: TimelineDoc[];
}

/** Maps each exported name of the operators entry to the file that defines it. */
function exportedFiles(): Map<string, string> {
  const index = readFileSync(join(src, 'index.ts'), 'utf8');
  const files = new Map<string, string>();
  for (const m of index.matchAll(/^export \{ ([^}]+) \} from '\.\/([^']+)\.js';/gm)) {
    for (const name of m[1]!.split(',')) files.set(name.trim(), `${m[2]}.ts`);
  }
  return files;
}

function docOf(name: string, file: string): Doc {
  const text = readFileSync(join(src, file), 'utf8');
  const at = text.search(new RegExp(`export function ${name}\\b`));
  if (at < 0) throw new Error(`${file}: no 'export function ${name}'`);
  const before = text.slice(0, at);
  const comment = before.slice(before.lastIndexOf('/**'));
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''));
  const summary = lines
    .slice(0, lines.findIndex((l, i) => i > 0 && (l.trim() === '' || l.startsWith('@'))))
    .join(' ')
    .replace(/\{@link ([^}]+)\}/g, '`$1`')
    .trim();
  const body = lines.join('\n');
  const timelines: TimelineDoc[] = [];
  for (const m of body.matchAll(/(Timeline \([\s\S]*?\):)\n```\n([\s\S]*?)```/g)) {
    const header = m[1]!.replace(/\s*\n\s*/g, ' ');
    const expression = /^Timeline \(`([^`]+)`/.exec(header)?.[1];
    if (expression === undefined) throw new Error(`${file}: a timeline of ${name} has no \`expression\` in its header: ${header}`);
    timelines.push({ name, header, expression, lines: m[2]!.trimEnd().split('\n') });
  }
  const header = text.slice(at).split('\n');
  const end = header.findIndex((l) => /\)(: [^{]+)? \{$/.test(l) || /\{$/.test(l));
  const signature = header.slice(0, end + 1).join(' ').replace(/\s+/g, ' ').replace(/^export function /, '').replace(/ \{$/, '');
  return { file, summary, signature, timelines };
}

export function renderCatalogue(): string {
  const files = exportedFiles();
  const out: string[] = [
    '# Operator catalogue',
    '',
    '<!-- Generated by tools/src/catalogue.ts from the TSDoc in operators/src: edit the sources, then run',
    '     node --conditions=@ringflow/source --import tsx tools/src/catalogue.ts -->',
    '',
    'Every operator takes and emits chunks, never single samples: a mono chunk is a 1-D typed array,',
    'a multichannel chunk a `[frames, channels]` view over interleaved samples (`MultichannelChunk`',
    'in `@ringflow/core`); the first chunk fixes the layout of a stream, and every operator with state',
    'or counts works per channel. Float32 in gives float32 out, float64 gives float64. Emitted arrays',
    'are fresh unless the operator is given `reuse: true`. Each operator is a thin wrapper over a',
    'kernel exported from `@ringflow/operators/kernels` (no RxJS: usable in an AudioWorklet). Full',
    'documentation, with examples, is in the TSDoc of each file (linked).',
    '',
    'Each timeline is a test case (operators/test/contract/timelines.test.ts runs it): its header',
    'names the call it was written for; `in` is the source, `out` what comes out, in columns (time);',
    '`[a b]` is a chunk (letters stand for 1, 2, ...; `;` separates the rows of a 2-D chunk), `|`',
    'completion, `#` an error, `( )` events at the same time. The format is defined at the top of',
    'tools/src/catalogue.ts.',
    '',
  ];
  const listed = new Set<string>();
  for (const [title, intro, names] of SECTIONS) {
    out.push(`## ${title}`, '');
    if (intro) out.push(intro, '');
    for (const name of names) {
      const file = files.get(name);
      if (file === undefined) throw new Error(`catalogue: ${name} is not exported from operators/src/index.ts`);
      listed.add(name);
      const doc = docOf(name, file);
      out.push(`### \`${name}\``, '', `${doc.summary} ([source](../operators/src/${file}))`, '', '```ts', doc.signature, '```', '');
      for (const t of doc.timelines) out.push(t.header, '', '```', ...t.lines, '```', '');
    }
  }
  const kernels = [...files.keys()].filter((n) => !listed.has(n) && files.get(n)!.startsWith('kernels/'));
  out.push('## Kernels', '', 'Exported from `@ringflow/operators` and `@ringflow/operators/kernels`:', '');
  for (const name of kernels) out.push(`- \`${name}\` ([source](../operators/src/${files.get(name)}))`);
  out.push('');
  return out.join('\n');
}

/** Every timeline in the TSDoc of the catalogue's operators and sources, in catalogue order. */
export function catalogueTimelines(): TimelineDoc[] {
  const files = exportedFiles();
  const out: TimelineDoc[] = [];
  for (const [, , names] of SECTIONS) {
    for (const name of names) {
      const file = files.get(name);
      if (file === undefined) throw new Error(`catalogue: ${name} is not exported from operators/src/index.ts`);
      out.push(...docOf(name, file).timelines);
    }
  }
  return out;
}

/** A value of a timeline chunk: a 1-D chunk, a 2-D chunk (`rows` of equal length), or planar channels. */
export type TimelineValue =
  | { readonly kind: 'chunk'; readonly values: readonly Expected[] }
  | { readonly kind: '2d'; readonly rows: readonly (readonly Expected[])[] }
  | { readonly kind: 'planar'; readonly planes: readonly (readonly Expected[])[] };

/** A number of a timeline with the tolerance its printing implies. */
export interface Expected {
  readonly value: number;
  readonly tolerance: number;
}

/** One event of a timeline line. */
export interface TimelineEvent {
  /** The column it starts at (time). */
  readonly column: number;
  readonly kind: 'next' | 'complete' | 'error';
  readonly value?: TimelineValue;
}

/** A parsed timeline line: its name and events (or, for `stats`, its text). */
export interface TimelineLine {
  readonly name: string;
  readonly events: readonly TimelineEvent[];
  readonly text: string;
}

function expectedOf(token: string): Expected {
  if (/^[a-z]$/.test(token)) return { value: token.charCodeAt(0) - 96, tolerance: 0 };
  if (/^[A-Z]$/.test(token)) return { value: -(token.charCodeAt(0) - 64), tolerance: 0 };
  const value = Number(token);
  if (token === '' || (Number.isNaN(value) && token !== 'NaN')) throw new Error(`timeline: '${token}' is not a number or a letter`);
  const decimals = /\.(\d+)/.exec(token)?.[1]?.length ?? 0;
  return { value, tolerance: decimals > 0 ? 0.5 * 10 ** -decimals * (1 + 1e-9) : 1e-9 * Math.max(1, Math.abs(value)) };
}

/** The samples of one row (or of a 1-D chunk's content). */
function rowOf(text: string): Expected[] {
  const t = text.trim();
  if (t === '') return [];
  if (/\s/.test(t)) return t.split(/\s+/).map(expectedOf);
  if (!Number.isNaN(Number(t)) || t === 'NaN') return [expectedOf(t)];
  return [...t].map(expectedOf);
}

function valueOf(inner: string): TimelineValue {
  const t = inner.trim();
  if (t.startsWith('[')) {
    const planes = [...t.matchAll(/\[([^\]]*)\]/g)].map((m) => rowOf(m[1]!));
    return { kind: 'planar', planes };
  }
  if (t.includes(';')) {
    const parts = t.split(';');
    if (parts[parts.length - 1]!.trim() === '') parts.pop();
    return { kind: '2d', rows: parts.map(rowOf) };
  }
  return { kind: 'chunk', values: rowOf(t) };
}

/** Parses one line of a timeline block (see TIMELINE FORMAT at the top of this file). */
export function parseTimelineLine(line: string): TimelineLine {
  const m = /^(\s*)([A-Za-z]\w*):/.exec(line);
  if (m === null) throw new Error(`timeline: a line must start with 'name:', got '${line}'`);
  const name = m[2]!;
  const body = line.slice(m[0].length).replace(/\s*\/\/.*$/, '');
  const offset = m[0].length;
  if (name === 'stats') return { name, events: [], text: body.trim() };
  const events: TimelineEvent[] = [];
  let group: number | undefined;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const column = group ?? offset + i;
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < body.length; j++) {
        if (body[j] === '[') depth++;
        else if (body[j] === ']' && --depth === 0) break;
      }
      if (j === body.length) throw new Error(`timeline: unclosed '[' in '${line}'`);
      events.push({ column, kind: 'next', value: valueOf(body.slice(i + 1, j)) });
      i = j;
    } else if (ch === '|') events.push({ column, kind: 'complete' });
    else if (ch === '#') events.push({ column, kind: 'error' });
    else if (ch === '(') group = offset + i;
    else if (ch === ')') group = undefined;
    else if (ch !== ' ' && ch !== '.' && ch !== '-') throw new Error(`timeline: unexpected '${ch}' in '${line}'`);
  }
  return { name, events, text: body.trim() };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(root, 'docs', 'operators.md'), renderCatalogue());
  console.log('wrote docs/operators.md');
}
