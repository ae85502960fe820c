import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from '@ringflow/core';
import { startWorker } from '@ringflow/workers/node';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const coreDist = fileURLToPath(new URL('../../../core/dist/index.js', import.meta.url));

interface Echo {
  kind: 'js' | 'ts';
  workerData: unknown;
  core: string;
  url: string;
}

/** The worker's first message, listened for from the start; rejects on an error or an exit without one. */
function firstMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} without a message`)));
  });
}

describe('startWorker', () => {
  it('runs a .js file directly, with its workerData untouched', async () => {
    const echo = await firstMessage<Echo>(startWorker(fixture('echo-worker.mjs'), { workerData: { n: 1 }, sourceCondition: true }));
    expect(echo).toMatchObject({ kind: 'js', workerData: { n: 1 }, url: fixture('echo-worker.mjs').href });
  });

  it('runs a .ts file through tsx, with its workerData untouched', async () => {
    const echo = await firstMessage<Echo>(startWorker(fixture('echo-worker.ts'), { workerData: { n: 2 }, sourceCondition: true }));
    expect(echo).toMatchObject({ kind: 'ts', workerData: { n: 2 }, url: fixture('echo-worker.ts').href });
  });

  it('runs the .ts sibling when the .js name given does not exist', async () => {
    const echo = await firstMessage<Echo>(startWorker(fixture('echo-worker.js'), { workerData: { n: 3 }, sourceCondition: true }));
    expect(echo).toMatchObject({ kind: 'ts', workerData: { n: 3 } });
  });

  it('takes a path and a file: URL string as well as a URL', async () => {
    const fromPath = await firstMessage<Echo>(startWorker(fileURLToPath(fixture('echo-worker.ts')), { workerData: 4, sourceCondition: true }));
    const fromString = await firstMessage<Echo>(startWorker(fixture('echo-worker.mjs').href, { workerData: 5, sourceCondition: true }));
    expect([fromPath.workerData, fromString.workerData]).toEqual([4, 5]);
  });

  it('passes the @ringflow/source condition only when asked', async () => {
    const asked = await firstMessage<Echo>(startWorker(fixture('echo-worker.ts'), { execArgv: [], sourceCondition: true }));
    expect(fileURLToPath(asked.core)).toMatch(/core[/\\]src[/\\]index\.ts$/);
    const plain = await firstMessage<Echo>(startWorker(fixture('echo-worker.ts'), { execArgv: [] }));
    expect(fileURLToPath(plain.core)).toBe(coreDist);
    const plainJs = await firstMessage<Echo>(startWorker(fixture('echo-worker.mjs'), { execArgv: [] }));
    expect(fileURLToPath(plainJs.core)).toBe(coreDist);
  });

  it('runs a .ts worker that imports workspace packages from their sources, on a shared ring', async () => {
    const ring = new RingBuffer({ format: 'd', capacity: 64 });
    const total = 5000;
    const worker = startWorker(fixture('ring-producer.ts'), { workerData: { handle: ring.handle, total }, sourceCondition: true });
    const failed = once(worker, 'error').then(([error]) => Promise.reject(error as Error));
    let next = 0;
    const consume = (async () => {
      for (let chunk; (chunk = await ring.popAsync(100)) !== null; ) {
        for (const value of chunk) {
          if (value !== next) throw new Error(`expected ${next}, got ${value}`);
          next++;
        }
      }
    })();
    await Promise.race([consume, failed]);
    expect(next).toBe(total);
    await once(worker, 'exit');
  });

  it('reports an error thrown while loading a .ts file as the worker error event', async () => {
    const worker = startWorker(fixture('throwing-worker.ts'), { sourceCondition: true });
    const [error] = (await once(worker, 'error')) as [Error];
    expect(error.message).toBe('the worker failed on purpose');
  });

  it('throws a TypeError naming both names tried when the file does not exist', () => {
    const missing = fixture('missing-worker.js');
    expect(existsSync(missing)).toBe(false);
    expect(() => startWorker(missing)).toThrow(TypeError);
    expect(() => startWorker(missing)).toThrow(/startWorker: expected an existing \.js or \.ts file, got .*missing-worker\.js: no such file \(nor .*missing-worker\.ts\)/);
  });

  it('throws a TypeError on a location or options of the wrong kind', () => {
    expect(() => startWorker(42 as unknown as string)).toThrow(/startWorker: expected a file URL or path .*got number/);
    expect(() => startWorker(new URL('https://example.com/w.js'))).toThrow(/startWorker: expected a file: URL or a path, got https:/);
    expect(() => startWorker(fixture('echo-worker.mjs'), null as never)).toThrow(/startWorker: expected options to be an object, got null/);
    expect(() => startWorker(fixture('echo-worker.mjs'), { sourceCondition: 'yes' as never })).toThrow(/sourceCondition to be a boolean, got string/);
  });
});
