import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { firstValueFrom, toArray, take } from 'rxjs';
import { fromZmq } from '@ringflow/io/zmq';

describe('smoke', () => {
  it('gr push', async () => {
    const ep = 'ipc:///tmp/zq/gr1.ipc';
    const tags: unknown[] = [];
    const rx = fromZmq(ep, { wire: 'gnuradio', tags: true, chunkSize: 1000, onTag: (t) => tags.push(t) });
    const p = spawn('/usr/bin/python3', ['io/test/zmq/fixtures/gnuradio_flowgraphs.py', 'push', JSON.stringify({ endpoint: ep, type: 'f', count: 100000, pass_tags: true, tags: [[5, 'a', { long: 7 }], [99999, 'b', { rx_time: [17, 0.5] }], [300, 'c', {symbol: 'hi'}]] })], { stdio: ['pipe', 'pipe', 'inherit'] });
    p.stdout.on('data', (d) => console.log(String(d)));
    const chunks = await firstValueFrom(rx.pipe(take(100), toArray()));
    let bad = 0, i = 0;
    for (const c of chunks) for (const v of c as Float32Array) { if (v !== ((i * 7) % 1000) - 500 + 0.25) bad++; i++; }
    console.log(i, bad, tags, rx.stats);
    await new Promise((r) => p.on('exit', r));
  });
});
