// STFT -> ISTFT round trip: a chirp goes through stft() (Hann frames of 1024, hop 256, which
// satisfies the overlap-add condition) and back through istft(), streamed in chunks of 1000
// samples; the output is aligned with the input and equals it to rounding where the frames
// overlap fully (as scipy.signal.istft(..., boundary=False): the edges, where the window is
// nearly 0, and the samples after the last whole frame are not reconstructed).
//
//   npx tsx --conditions=@ringflow/source examples/src/stft-roundtrip.ts
import { lastValueFrom } from 'rxjs';
import { chirp, collect, fromSamples, istft, stft } from '@ringflow/operators';

const sampleRate = 48_000;
const input = await lastValueFrom(
  chirp({ f0: 100, f1: 10_000, duration: 1, sampleRate, chunkSize: 4800, format: 'float64' }).pipe(collect()),
);
const options = { size: 1024, hop: 256, window: 'hann' as const };
const output = await lastValueFrom(fromSamples(input, 1000).pipe(stft(options), istft(options), collect()));

const from = options.size - options.hop; // before this, fewer than size / hop frames overlap
const to = output.length - from;
let maxError = 0;
for (let i = from; i < to; i++) maxError = Math.max(maxError, Math.abs(output[i]! - input[i]!));
console.log(`${input.length} samples in, ${output.length} out; ${Math.floor(input.length / options.hop)} frames`);
console.log(`max |istft(stft(x)) - x| over samples ${from}..${to - 1} = ${maxError.toExponential(2)}`);
