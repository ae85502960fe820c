import { isObservable, type Observable, type OperatorFunction } from 'rxjs';
import type { Chunk, FloatArray, MultichannelChunk } from '@ringflow/core';
import { describeValue } from './internal/chunks.js';
import { FloatChunks } from './internal/float-chunks.js';
import { operate, subscribeInner } from './internal/operate.js';

/**
 * Sums streams frame by frame (`mix(...others)`), mixes the channels of `[frames, channels]`
 * chunks down to mono by weights (`mix(weights)`), or maps channels to channels by a matrix
 * (`mix(matrix)`).
 *
 * @remarks
 * **Streams** (`source.pipe(mix(b, c))`): output frame `n` is `source[n] + b[n] + c[n]`, aligned by
 * frame index, not by chunk, so the inputs may be chunked differently. Samples are buffered per
 * input (kept, not copied, until consumed) and an output chunk is emitted as soon as every input
 * has samples: it holds as many frames as the input with the fewest buffered ones, so inputs with
 * equal chunking give output with the same chunking. Like `zip`, the result completes when an
 * input completed and all its samples were mixed (the shortest input decides the length); the
 * other inputs are then unsubscribed. Errors from any input are forwarded. All inputs must share
 * one class and one layout (mono, or the same channel count): else the stream errors with a
 * TypeError (class) or RangeError (layout). The other streams are subscribed before `source`, so
 * an endless synchronous `source` (such as `noise()`) can be mixed with finite synchronous others;
 * two endless synchronous inputs cannot be mixed (the first never yields), as with `zip`.
 *
 * **Weights** (`mix([0.5, 0.5])`): each input chunk is `[frames, channels]` with
 * `channels = weights.length`; the output is a mono 1-D chunk of one sample per frame,
 * `sum_c weights[c] * x[frame][c]`. A mono 1-D input needs exactly one weight (else RangeError:
 * the channels travel with the chunks, view interleaved data with `asMultichannel`).
 *
 * **Matrix** (`mix([[1, 0], [0, 1], [0.5, 0.5]])`): row `o` holds the weights of output channel `o`,
 * one per input channel; the output is `[frames, rows]` with
 * `y[frame][o] = sum_c matrix[o][c] * x[frame][c]` (a mono 1-D input counts as one channel, so
 * `mix([[1], [1]])` copies mono to both channels of a stereo stream). A chunk with another channel
 * count than the rows' length errors the stream with a RangeError.
 *
 * Sums are taken in float64 (channel by channel, in order) and stored in the input's class, so
 * float32 stays float32; a chunk of another class than the first errors the stream with a
 * TypeError. Output chunks are fresh arrays in every form; inputs are not modified.
 *
 * Timeline (`mix(other)`):
 * ```
 * in:     [1 2]  .     .       [3 4 5]  .        |
 * other:  .      [10]  [20 30]  .       [40 50]     |
 * out:    .      [11]  [22]    [33]     [44 55]  |
 * ```
 *
 * Timeline (`mix([0.5, 0.5])`):
 * ```
 * in:     [1 10; 2 20]  |
 * out:    [5.5 11]      |
 * ```
 *
 * Timeline (`mix([[1, 0], [0, 1], [0.5, 0.5]])`):
 * ```
 * in:     [1 10; 2 20]            |
 * out:    [1 10 5.5; 2 20 11]     |
 * ```
 *
 * Arguments (one of three forms, one overload each): other streams of float chunks, or one array
 * of per-channel weights (finite numbers), or one matrix (an array of rows of finite numbers, all
 * of one length).
 *
 * @returns An operator from float chunks to float chunks.
 * @throws TypeError/RangeError at creation for no argument, non-finite weights, rows of unequal
 *   lengths, or arguments that are neither streams, weights nor a matrix.
 *
 * @example
 * ```ts
 * import { mix, oscillator } from '@ringflow/operators';
 * const a = oscillator({ frequency: 440, sampleRate: 48_000, length: 4800, chunkSize: 480 });
 * const b = oscillator({ frequency: 660, sampleRate: 48_000, length: 4800, chunkSize: 256 });
 * a.pipe(mix(b)).subscribe((chunk) => console.log(chunk.length));
 * ```
 */
export function mix<T extends FloatArray>(matrix: ArrayLike<ArrayLike<number>>): OperatorFunction<Chunk<T>, MultichannelChunk<T>>;
export function mix<T extends FloatArray>(weights: ArrayLike<number>): OperatorFunction<Chunk<T>, T>;
export function mix<C extends Chunk>(...others: Observable<C>[]): OperatorFunction<C, C>;
export function mix(...args: unknown[]): OperatorFunction<Chunk, Chunk> {
  if (args.length === 0) throw new RangeError('mix: give the streams to add (mix(a, b)), channel weights (mix([0.5, 0.5])) or a matrix (mix([[1, 0], [0, 1]]))');
  if (args.every((a) => isObservable(a))) return mixStreams(args as Observable<Chunk>[]);
  const first = args[0];
  if (args.length === 1 && typeof first === 'object' && first !== null && typeof (first as ArrayLike<unknown>).length === 'number') {
    const list = first as ArrayLike<unknown>;
    if (list.length === 0) throw new RangeError('mix: weights must hold one number per channel, got none');
    const row0 = list[0];
    if (typeof row0 === 'object' && row0 !== null && typeof (row0 as ArrayLike<unknown>).length === 'number') {
      return mixMatrix(list as ArrayLike<ArrayLike<number>>, false);
    }
    return mixMatrix([list as ArrayLike<number>], true);
  }
  throw new TypeError(`mix: expected Observables of chunks, one array of weights or one matrix, got ${args.map(describeValue).join(', ')}`);
}

const PLAIN = { reuse: false, nan: 'propagate' } as const;

/** `rows` x `inputs` weights; `mono`: one row whose output is emitted as a 1-D chunk. */
function mixMatrix(rows: ArrayLike<ArrayLike<number>>, mono: boolean): OperatorFunction<Chunk, Chunk> {
  const outputs = rows.length;
  const inputs = (rows[0] as ArrayLike<number>).length;
  if (typeof inputs !== 'number' || inputs === 0) throw new RangeError('mix: each matrix row must hold one weight per input channel, got an empty row');
  const m = new Float64Array(outputs * inputs);
  for (let o = 0; o < outputs; o++) {
    const row = rows[o];
    if (typeof row !== 'object' || row === null || typeof row.length !== 'number') {
      throw new TypeError(`mix: matrix row ${o} must be an array of weights, got ${describeValue(row)}`);
    }
    if (row.length !== inputs) throw new RangeError(`mix: every matrix row must hold ${inputs} weights (one per input channel), row ${o} holds ${row.length}`);
    for (let c = 0; c < inputs; c++) {
      const v = row[c];
      const where = mono ? `weights[${c}]` : `matrix[${o}][${c}]`;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`mix: ${where} must be a finite number, got ${describeValue(v)}`);
      m[o * inputs + c] = v;
    }
  }
  return operate<Chunk, Chunk>((subscriber) => {
    const chunks = new FloatChunks('mix', PLAIN, { multichannel: true });
    return {
      next(chunk) {
        const x = chunks.accept(chunk);
        const channels = chunks.channels;
        if (channels !== inputs) {
          const got = chunks.isMultichannel ? `[frames, ${channels}] chunks` : 'mono 1-D chunks';
          const hint = chunks.isMultichannel ? '' : ' (view interleaved samples as frames with asMultichannel(data, channels) from @ringflow/core)';
          throw new RangeError(`mix: the ${mono ? 'weights' : 'matrix rows'} expect ${inputs} input channels, got ${got}${hint}`);
        }
        const frames = x.length / inputs;
        const out = chunks.output(frames * outputs);
        for (let f = 0, i = 0, w = 0; f < frames; f++, i += inputs) {
          for (let o = 0, k = 0; o < outputs; o++) {
            let s = 0;
            for (let c = 0; c < inputs; c++, k++) s += m[k]! * x[i + c]!;
            out[w++] = s;
          }
        }
        subscriber.next(mono ? out : { data: out, shape: [frames, outputs], stride: [outputs, 1], offset: 0 });
      },
    };
  });
}

interface Input {
  readonly layout: FloatChunks;
  readonly chunks: FloatArray[];
  /** Samples of `chunks[0]` already consumed. */
  offset: number;
  /** Samples buffered and not consumed. */
  available: number;
  done: boolean;
}

function mixStreams(others: readonly Observable<Chunk>[]): OperatorFunction<Chunk, Chunk> {
  return operate<Chunk, Chunk>((subscriber) => {
    const inputs: Input[] = [];
    let reference: FloatChunks | undefined; // the first input that received a chunk
    let sum = new Float64Array(0);

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
        const out = reference!.output(n);
        out.set(sum.subarray(0, n));
        subscriber.next(reference!.emit(out));
      }
      if (inputs.some((input) => input.done && input.available === 0)) subscriber.complete();
    };

    const handlers = (input: Input) => ({
      next(chunk: Chunk) {
        let samples = input.layout.accept(chunk);
        if (input.layout.copied) samples = samples.slice();
        if (reference === undefined) reference = input.layout;
        else if (reference !== input.layout) {
          if (!(samples instanceof reference.Type!)) {
            throw new TypeError(`mix: every chunk must be a ${reference.Type!.name} like the first one, got ${describeValue(samples)}`);
          }
          if (reference.isMultichannel !== input.layout.isMultichannel || reference.channels !== input.layout.channels) {
            const describe = (l: FloatChunks) => (l.isMultichannel ? `[frames, ${l.channels}] chunks` : 'mono 1-D chunks');
            throw new RangeError(`mix: every input must have the layout of the first chunk (${describe(reference)}), got ${describe(input.layout)}`);
          }
        }
        if (samples.length === 0) return;
        input.chunks.push(samples);
        input.available += samples.length;
        flush();
      },
      complete() {
        input.done = true;
        if (input.available === 0) subscriber.complete();
      },
    });

    const make = (): Input => {
      const input: Input = { layout: new FloatChunks('mix', PLAIN, { multichannel: true }), chunks: [], offset: 0, available: 0, done: false };
      inputs.push(input);
      return input;
    };
    const main = make();
    // The others first: see the remarks (an endless synchronous source mixed with finite ones).
    for (const other of others) subscribeInner(subscriber, other, handlers(make()));
    return handlers(main);
  });
}
