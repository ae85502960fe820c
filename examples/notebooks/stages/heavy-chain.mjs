// The "heavy chain" of notebook 04, in plain JavaScript on the built packages so that the same
// code runs on the main thread and in the worker stages (heavy.mjs, heavy-a.mjs, heavy-b.mjs):
// a 511-tap low-pass FIR and a 511-tap high-pass FIR, both direct-form (deliberately costly),
// then a gain that follows live parameter updates.
import { map, withLatestFrom } from 'rxjs';
import { fir } from '@ringflow/operators';
import * as signal from '@ringflow/operators/signal';

export const SAMPLE_RATE = 48_000;
const lowpass = signal.firwin(511, 8000, { fs: SAMPLE_RATE });
const highpass = signal.firwin(511, 200, { fs: SAMPLE_RATE, passZero: false });

/** First half: the low-pass FIR. */
export const firstHalf = (source) => source.pipe(fir(lowpass, { method: 'direct' }));

/** Second half: the high-pass FIR, then the live gain (`params` replays `{ gain }` and its updates). */
export const secondHalf = (source, params) =>
  source.pipe(
    fir(highpass, { method: 'direct' }),
    withLatestFrom(params),
    map(([chunk, { gain }]) => chunk.map((v) => v * gain)),
  );

/** The whole chain. */
export const wholeChain = (source, params) => secondHalf(firstHalf(source), params);
