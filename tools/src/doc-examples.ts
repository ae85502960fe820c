// Extracts the TypeScript examples from TSDoc `@example` blocks in every package's src/, from
// the README files and from docs/guides, and type-checks each as its own module against the packages' sources.
// Used by examples/test/docs.test.ts; run alone with:
//   node --conditions=@ringflow/source --import tsx tools/src/doc-examples.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface DocExample {
  /** Where it came from: file and line. */
  origin: string;
  code: string;
  /**
   * The file name a block gives itself on its first line (`// main.ts` or `// main.ts: ...`), if
   * any. Named blocks of one document sit side by side in one folder, so that one can import
   * another (`import type { stage } from './stage.js'`).
   */
  file?: string;
}

/** A block's own file name: its first line `// name.ts`, alone or followed by `:`. */
const FILE_NAME = /^\/\/ ([A-Za-z0-9_-]+\.ts)(?::.*)?$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Fenced ```ts blocks of a text, with the line each starts on. */
function fenced(text: string, origin: string, strip: (line: string) => string): DocExample[] {
  const lines = text.split('\n').map(strip);
  const found: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A block marked ```ts fragment (a piece of a larger program) is shown, not checked.
    if (/^```(ts|typescript)\s*$/.test(lines[i]!.trim())) {
      const start = i + 1;
      let end = start;
      while (end < lines.length && lines[end]!.trim() !== '```') end++;
      const code = lines.slice(start, end).join('\n');
      const file = FILE_NAME.exec(lines[start] ?? '')?.[1];
      found.push({ origin: `${origin}:${start + 1}`, code, ...(file !== undefined ? { file } : {}) });
      i = end;
    }
  }
  return found;
}

/** Every example in the packages' sources and READMEs. */
export function collectExamples(): DocExample[] {
  const examples: DocExample[] = [];
  for (const pkg of ['core', 'operators', 'workers', 'io']) {
    for (const file of walk(join(root, pkg, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
        if (!comment.includes('@example')) continue;
        const line = text.slice(0, text.indexOf(comment)).split('\n').length;
        const body = comment.slice(comment.indexOf('@example'));
        examples.push(...fenced(body, `${relative(root, file)}:${line}`, (l) => l.replace(/^\s*\*\s?/, '')));
      }
    }
    try {
      examples.push(...fenced(readFileSync(join(root, pkg, 'README.md'), 'utf8'), `${pkg}/README.md`, (l) => l));
    } catch {
      // a package without README yet
    }
  }
  examples.push(...fenced(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md', (l) => l));
  for (const entry of readdirSync(join(root, 'docs', 'guides'))) {
    if (!entry.endsWith('.md')) continue;
    const path = join(root, 'docs', 'guides', entry);
    examples.push(...fenced(readFileSync(path, 'utf8'), relative(root, path), (l) => l));
  }
  return examples;
}

/** Type-checks each example as a module; returns one message per error. */
export function checkExamples(examples: DocExample[]): string[] {
  const dir = join(root, 'examples', 'src', '__doc_examples__');
  const files = new Map<string, DocExample>();
  examples.forEach((example, i) => {
    // Named blocks go to a folder per document (the origin's path without its line), as files.
    const doc = example.origin.replace(/:\d+$/, '').replace(/[^A-Za-z0-9]+/g, '-');
    const path = example.file !== undefined ? join(dir, doc, example.file) : join(dir, `example-${i}.ts`);
    const taken = files.get(path);
    if (taken !== undefined) throw new Error(`${example.origin}: a second block named ${example.file} (the first at ${taken.origin})`);
    files.set(path, example);
  });
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'examples', 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (config === undefined) throw new Error('cannot read examples/tsconfig.json');
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, composite: false, noUnusedLocals: false, declaration: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => {
    const example = files.get(name);
    return example !== undefined ? `${example.code}\nexport {};\n` : readFile(name);
  };
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  const folders = new Set([...files.keys()].map((name) => dirname(name)));
  host.directoryExists = (name) => folders.has(name) || name === dir || (directoryExists?.(name) ?? true);
  const program = ts.createProgram([...files.keys()], options, host);
  const errors: string[] = [];
  for (const [name, example] of files) {
    const source = program.getSourceFile(name);
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      errors.push(`${example.origin} (+${line}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return errors;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const examples = collectExamples();
  const errors = checkExamples(examples);
  for (const e of errors) console.error(e);
  console.log(`${examples.length} examples, ${errors.length} errors`);
  process.exitCode = errors.length === 0 ? 0 : 1;
}
