// Filter design and response, as in scipy.signal: a 4th-order Butterworth low-pass at 1 kHz
// (signal.butter, second-order sections), its response (signal.sosfreqz), the gain at a few
// frequencies, and a filter-response plot written as PNG.
//
//   npx tsx --conditions=@ringflow/source examples/src/filter-response.ts [--out folder]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { filterResponsePlot } from '@ringflow/io';
import * as signal from '@ringflow/operators/signal';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'ringflow-out' } } });
const fs = 48_000;
const sos = signal.butter(4, 1000, { btype: 'lowpass', fs }); // scipy: butter(4, 1000, fs=48000, output='sos')
const points = 4800;
const { w, h } = signal.sosfreqz(sos, points, { fs }); // 4800 points from 0 Hz, 5 Hz apart, up to fs/2 (excluded)

console.log(`butter(4, 1000 Hz, lowpass): ${sos.length} second-order sections`);
for (const f of [100, 1000, 2000, 4000]) {
  const i = Math.round((f / (fs / 2)) * points);
  const db = 10 * Math.log10(h.re[i]! ** 2 + h.im[i]! ** 2);
  console.log(`gain at ${w[i]!.toFixed(0)} Hz: ${db.toFixed(2)} dB`);
}

mkdirSync(values.out, { recursive: true });
const path = join(values.out, 'filter-response.png');
writeFileSync(path, filterResponsePlot(w, h, { title: 'Butterworth low-pass, order 4, 1 kHz', frequencyScale: 'log' }).toPNG());
console.log(`wrote ${path}`);
