// A DSP chain on a WAV file: streams it in chunks (openWav), low-passes every channel at 1 kHz
// (a 4th-order Butterworth, scipy.signal.sosfilt), measures the RMS per channel before and after,
// and writes the result as it goes (toWavFile). Memory stays bounded whatever the file's length.
//
//   npx tsx --conditions=@ringflow/source examples/src/wav-chain.ts [input.wav] [--out folder]
//
// Without an input it makes one: 440 Hz + 5 kHz tones in stereo; the filter keeps the 440 Hz tone
// (RMS 0.354) and removes the 5 kHz one.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lastValueFrom, tap } from 'rxjs';
import type { MultichannelChunk } from '@ringflow/core';
import { openWav, toWavFile } from '@ringflow/io';
import { butter, sosfilt } from '@ringflow/operators';
import { makeTestWav } from './make-test-wav.js';

const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'ringflow-out' } }, allowPositionals: true });
mkdirSync(values.out, { recursive: true });
const output = join(values.out, 'filtered.wav');
const input = positionals[0] ?? (await makeTestWav(join(values.out, 'two-tones.wav')));

const wav = await openWav(input);
console.log(`${input}: ${wav.frames} frames, ${wav.channels} channels, ${wav.sampleRate} Hz, ${wav.format}`);

const sumsIn = new Float64Array(wav.channels);
const sumsOut = new Float64Array(wav.channels);
/** Adds the squares of a [frames, channels] chunk's samples to `sums`, per channel. */
const accumulate = (sums: Float64Array) => (chunk: MultichannelChunk<Float32Array>) => {
  for (let i = 0; i < chunk.data.length; i++) sums[i % wav.channels]! += chunk.data[i]! ** 2;
};

const stats = await lastValueFrom(
  wav.chunks({ chunkFrames: 4096 }).pipe(
    tap(accumulate(sumsIn)),
    sosfilt(butter(4, 1000, { type: 'lowpass', sampleRate: wav.sampleRate })),
    tap(accumulate(sumsOut)),
    toWavFile(output, { sampleRate: wav.sampleRate, format: 'float32' }),
  ),
);
const level = (sums: Float64Array) => Array.from(sums, (s) => Math.sqrt(s / wav.frames).toFixed(3)).join(' ');
console.log(`rms in:  ${level(sumsIn)}`);
console.log(`rms out: ${level(sumsOut)}`);
console.log(`wrote ${stats.path}: ${stats.frames} frames`);
