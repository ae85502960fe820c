// Writes the test signal the WAV examples use when no input is given: two tones (440 Hz and
// 5 kHz, each at amplitude 0.5) on every channel, as float32.
import { lastValueFrom, range, map } from 'rxjs';
import { toWavFile } from '@ringflow/io';

export async function makeTestWav(path: string, { sampleRate = 48_000, seconds = 1, channels = 2 } = {}): Promise<string> {
  const frames = Math.round(sampleRate * seconds);
  const chunkFrames = 4800;
  const chunks = Math.ceil(frames / chunkFrames);
  await lastValueFrom(
    range(0, chunks).pipe(
      map((c) => {
        const n = Math.min(chunkFrames, frames - c * chunkFrames);
        const data = new Float32Array(n * channels);
        for (let i = 0; i < n; i++) {
          const t = (c * chunkFrames + i) / sampleRate;
          const x = 0.5 * Math.sin(2 * Math.PI * 440 * t) + 0.5 * Math.sin(2 * Math.PI * 5000 * t);
          for (let ch = 0; ch < channels; ch++) data[i * channels + ch] = x;
        }
        return { data, shape: [n, channels] as [number, number], stride: [channels, 1] as [number, number], offset: 0 };
      }),
      toWavFile(path, { sampleRate, format: 'float32' }),
    ),
  );
  return path;
}
