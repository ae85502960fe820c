import { isObservable, Observable, type OperatorFunction, type Subscription } from 'rxjs';
import type { FloatArray } from '@ringflow/core';
import { describeValue, isFloatArray } from './internal/chunks.js';

/**
 * Sums streams sample by sample (`mix(...others)`), or mixes the channels of interleaved chunks down
 * to one (`mix(weights)`).
 *
 * @remarks
 * **Streams** (`source.pipe(mix(b, c))`): output sample `n` is `source[n] + b[n] + c[n]`, aligned by
 * sample index, not by chunk, so the inputs may be chunked differently. Samples are buffered per
 * input (the chunks are kept, not copied, until consumed) and an output chunk is emitted as soon as
 * every input has samples: it holds as many samples as the input with the fewest buffered ones, so
 * inputs with equal chunking give output with the same chunking. Like `zip`, the result completes
 * when an input completed and all its samples were mixed (the shortest input decides the length);
 * the other inputs are then unsubscribed. Errors from any input are forwarded. All chunks must be
 * float arrays of one class. Sums are taken in float64 and stored in the input's class.
 *
 * **Weights** (`mix([0.5, 0.5])`): each input chunk is interleaved `[frames, channels]` with
 * `channels = weights.length`; the output chunk holds one sample per frame,
 * `sum_c weights[c] * x[frame * channels + c]` (a chunk that is not a whole number of frames errors
 * the stream with a RangeError).
 *
 * Output chunks are fresh arrays of the input's class, in both forms.
 *
 * Timeline:
 * ```
 * source: [1 2]  .     .       [3 4 5]  .        |
 * other:  .      [10]  [20 30]  .       [40 50]  |
 * out:    .      [11]  [22]    [33]     [44 55]  |     (mix(other))
 *
 * in:     [1 10 2 20]  |                                (2 channels)
 * out:    [5.5 11]     |                                (mix([0.5, 0.5]))
 * ```
 *
 * @param args - Other streams of float chunks, or one array of per-channel weights (finite numbers).
 * @returns An operator from float chunks to float chunks.
 * @throws TypeError/RangeError at creation for no argument, non-finite weights or arguments that
 *   are neither streams nor weights.
 *
 * @example
 * ```ts
 * import { mix, oscillator } from '@ringflow/operators';
 * const a = oscillator({ frequency: 440, sampleRate: 48_000, length: 4800, chunkSize: 480 });
 * const b = oscillator({ frequency: 660, sampleRate: 48_000, length: 4800, chunkSize: 256 });
 * a.pipe(mix(b)).subscribe((chunk) => console.log(chunk.length));
 * ```
 */
export function mix<T extends FloatArray>(weights: ArrayLike<number>): OperatorFunction<T, T>;
export function mix<T extends FloatArray>(...others: Observable<T>[]): OperatorFunction<T, T>;
export function mix<T extends FloatArray>(...args: unknown[]): OperatorFunction<T, T> {
  if (args.length === 0) throw new RangeError('mix: give the streams to add (mix(a, b)) or channel weights (mix([0.5, 0.5]))');
  if (args.every((a) => isObservable(a))) return mixStreams(args as Observable<T>[]);
  const first = args[0];
  if (args.length === 1 && typeof first === 'object' && first !== null && typeof (first as ArrayLike<number>).length === 'number') {
    return mixChannels(first as ArrayLike<number>);
  }
  throw new TypeError(`mix: expected Observables of chunks or one array of weights, got ${args.map(describeValue).join(', ')}`);
}

function mixChannels<T extends FloatArray>(weights: ArrayLike<number>): OperatorFunction<T, T> {
  const channels = weights.length;
  if (channels === 0) throw new RangeError('mix: weights must hold one number per channel, got none');
  const w = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    const v = weights[c];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`mix: weights[${c}] must be a finite number, got ${describeValue(v)}`);
    w[c] = v;
  }
  return (source) =>
    new Observable<T>((subscriber) =>
      source.subscribe({
        next(chunk) {
          try {
            if (!isFloatArray(chunk)) throw new TypeError(`mix: chunks must be Float32Array or Float64Array, got ${describeValue(chunk)}`);
            if (chunk.length % channels !== 0) {
              throw new RangeError(`mix: ${chunk.length} samples is not a whole number of ${channels}-channel frames`);
            }
            const frames = chunk.length / channels;
            const out = new (chunk.constructor as new (n: number) => T)(frames);
            for (let f = 0, i = 0; f < frames; f++) {
              let s = 0;
              for (let c = 0; c < channels; c++, i++) s += w[c]! * chunk[i]!;
              out[f] = s;
            }
            subscriber.next(out);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error(error) {
          subscriber.error(error);
        },
        complete() {
          subscriber.complete();
        },
      }),
    );
}

interface Input<T> {
  readonly chunks: T[];
  /** Samples of `chunks[0]` already consumed. */
  offset: number;
  /** Samples buffered and not consumed. */
  available: number;
  done: boolean;
}

function mixStreams<T extends FloatArray>(others: readonly Observable<T>[]): OperatorFunction<T, T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const sources = [source, ...others];
      const inputs: Input<T>[] = sources.map(() => ({ chunks: [], offset: 0, available: 0, done: false }));
      const subscriptions: Subscription[] = [];
      let Type: (new (n: number) => T) | undefined;
      let sum = new Float64Array(0);
      let ended = false;

      const end = (error?: unknown, failed = false): void => {
        if (ended) return;
        ended = true;
        for (const s of subscriptions) s.unsubscribe();
        if (failed) subscriber.error(error);
        else subscriber.complete();
      };

      const flush = (): void => {
        let n = Number.POSITIVE_INFINITY;
        for (const input of inputs) if (input.available < n) n = input.available;
        if (n > 0) {
          if (sum.length < n) sum = new Float64Array(n);
          sum.fill(0, 0, n);
          for (const input of inputs) {
            let at = 0;
            while (at < n) {
              const head = input.chunks[0]!;
              const take = Math.min(head.length - input.offset, n - at);
              for (let i = 0; i < take; i++) sum[at + i]! += head[input.offset + i]!;
              at += take;
              input.offset += take;
              if (input.offset === head.length) {
                input.chunks.shift();
                input.offset = 0;
              }
            }
            input.available -= n;
          }
          const out = new Type!(n);
          out.set(sum.subarray(0, n));
          subscriber.next(out);
        }
        if (!ended && inputs.some((input) => input.done && input.available === 0)) end();
      };

      sources.forEach((stream, index) => {
        if (ended) return;
        const input = inputs[index]!;
        subscriptions.push(
          stream.subscribe({
            next(chunk) {
              if (ended) return;
              try {
                if (!isFloatArray(chunk)) throw new TypeError(`mix: chunks must be Float32Array or Float64Array, got ${describeValue(chunk)}`);
                if (Type === undefined) Type = chunk.constructor as new (n: number) => T;
                else if (!(chunk instanceof Type)) {
                  throw new TypeError(`mix: every chunk must be a ${Type.name} like the first one, got ${describeValue(chunk)}`);
                }
                if (chunk.length === 0) return;
                input.chunks.push(chunk);
                input.available += chunk.length;
                flush();
              } catch (error) {
                end(error, true);
              }
            },
            error(error) {
              end(error, true);
            },
            complete() {
              input.done = true;
              if (input.available === 0) end();
            },
          }),
        );
      });
      if (ended) for (const s of subscriptions) s.unsubscribe();
      return () => {
        ended = true;
        for (const s of subscriptions) s.unsubscribe();
      };
    });
}
