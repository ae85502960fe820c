// Resampling a WAV file: 44.1 kHz -> 48 kHz with a polyphase filter (resample(160, 147), as
// scipy.signal.resample_poly), streamed in chunks, every channel at once, written as it goes.
//
//   npx tsx --conditions=@ringflow/source examples/src/resample-wav.ts [input.wav] [--out folder]
//
// Without an input it makes a 1 s stereo file at 44.1 kHz. The input's rate must be 44.1 kHz
// (for other rates, pick `up`/`down` as rate_out / rate_in in lowest terms).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lastValueFrom } from 'rxjs';
import { openWav, readWav, toWavFile } from '@ringflow/io';
import { resample } from '@ringflow/operators';
import { makeTestWav } from './make-test-wav.js';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'ringflow-out' } }, allowPositionals: true });
mkdirSync(values.out, { recursive: true });
const input = positionals[0] ?? (await makeTestWav(join(values.out, 'two-tones-44k1.wav'), { sampleRate: 44_100 }));
const output = join(values.out, 'resampled-48k.wav');

const wav = await openWav(input);
if (wav.sampleRate !== 44_100) throw new RangeError(`resample-wav: expected a 44100 Hz file, got ${wav.sampleRate} Hz`);
const up = 160;
const down = 147; // 48000 / 44100 = 160 / 147
const stats = await lastValueFrom(
  wav.chunks({ chunkFrames: 4410 }).pipe(resample(up, down), toWavFile(output, { sampleRate: 48_000, format: 'float32' })),
);
console.log(`${input}: ${wav.frames} frames at ${wav.sampleRate} Hz, ${wav.channels} channels`);
console.log(`${stats.path}: ${stats.frames} frames at 48000 Hz`);
const back = await readWav(output);
console.log(`read back: ${back.frames} frames, ${back.channels} channels, ${back.sampleRate} Hz`);
