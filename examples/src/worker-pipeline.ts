// A worker-to-worker pipeline: chunks go main -> worker 1 (gain-stage.ts, gain 3) -> worker 2
// (rms-stage.ts, one RMS level per chunk) -> main, the two workers joined by a ring of their own
// (no hop through the main thread in between).
//
//   npx tsx --conditions=@ringflow/source examples/src/worker-pipeline.ts
import { lastValueFrom, range, map, toArray } from 'rxjs';
import { pipeline } from '@ringflow/workers';

const chunks = 10;
const frames = 4800;
const source = range(0, chunks).pipe(
  // a sine of amplitude 1 (RMS 1/sqrt(2)) at 1 kHz, 48 kHz sampling: 100 whole periods per chunk
  map(() => Float32Array.from({ length: frames }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / 48_000))),
);
const levels = await lastValueFrom(
  source.pipe(
    pipeline<Float32Array, Float32Array>([
      { stage: new URL('./gain-stage.js', import.meta.url), params: { gain: 3 } },
      new URL('./rms-stage.js', import.meta.url),
    ]),
    toArray(),
  ),
);
console.log(`${chunks} chunks of ${frames} samples through 2 workers (gain x3 -> rms)`);
console.log(`rms per chunk: ${levels.map((level) => level[0]!.toFixed(4)).join(' ')} (expected ${(3 / Math.SQRT2).toFixed(4)})`);
