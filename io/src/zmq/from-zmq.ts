import { Observable } from 'rxjs';
import type { FormatName } from '@ringflow/core';
import type { ZmqChunk, ZmqShapeOptions } from './types.js';
import { newReceiverStats, openReceiver, receiverSpec, type ZmqReceiver, type ZmqReceiverOptions, type ZmqReceiverStats } from './zmq-receiver.js';

/** Options of {@link fromZmq}: the stream, the socket and the re-chunking ({@link ZmqReceiverOptions}). */
export type FromZmqOptions<F extends FormatName = 'f'> = ZmqReceiverOptions<F>;

/** The Observable returned by {@link fromZmq}: it also exposes its counters. */
export interface FromZmqObservable<T> extends Observable<T> {
  /** Live counters, summed over every subscription: messages, frames, malformed, gaps, lost frames... */
  readonly stats: Readonly<ZmqReceiverStats>;
}

/**
 * Receives a stream of chunks from a ZeroMQ PULL (or SUB) socket: the receiving end of an edge
 * between processes or machines, from ringflow's {@link toZmq} or from GNU Radio's ZeroMQ sinks.
 *
 * @remarks
 * Each subscription opens its own socket (connecting by default, as GNU Radio's sources do) and
 * reads until the stream ends; unsubscribing closes the socket at once, leaving no handle behind.
 *
 * Wires: `'ringflow'` (default) checks every message's header: a sender of another format,
 * channel count or wire version errors the stream with a message that says what to pass; the
 * stream completes when the sender completes (its end-of-stream message) and errors when the
 * sender's source errored. `'gnuradio'` takes raw samples in whatever message sizes GNU Radio
 * chose, with `tags: true` after GNU Radio's tag header (its `pass_tags`); GNU Radio sends no end of
 * stream, so end with `idleTimeout`, or downstream with `take`/`takeUntil`.
 *
 * Chunks are 1-D for one channel, `[frames, channels]` multichannel chunks otherwise (complex:
 * `[frames, 2]`, (re, im) per frame). Without `chunkSize` each message is one chunk; with it every
 * chunk holds exactly `chunkSize` frames but the last. Chunks are views of the received messages or
 * fresh arrays: safe to keep. Tags go to `onTag`, each just before the chunk that holds its frame.
 *
 * PUSH/PULL is lossless: ZeroMQ holds the sender back when this side reads slowly. PUB/SUB drops
 * for a slow subscriber: `stats.gaps`, `lostMessages` and `lostFrames` count what was lost
 * (`'ringflow'` wire; `'gnuradio'` counts lost frames when tags are on, from the header offsets).
 * A message that does not parse is skipped and counted in `stats.malformed` (or errors the stream
 * with `onMalformed: 'error'`); it never crashes the process.
 *
 * Timeline (sender messages of 3, 2 and 4 frames, `chunkSize: 4`; `|` the sender's end):
 * ```
 * wire:  [abc]  [de]  [fghi] |
 * out:         [abcd]       [efgh] [i]|
 * ```
 *
 * @param endpoint - A ZeroMQ endpoint: `tcp://127.0.0.1:5555`, `ipc:///tmp/x.ipc`, ...
 * @param options - `pattern`, `mode`, `wire`, `format`, `channels`, `complex`, `tags`, `topic`, `chunkSize`, `idleTimeout`, `onMalformed`, `onTag`, `highWaterMark`, `onReady`.
 * @returns A cold Observable of chunks that exposes `stats`.
 * @throws TypeError/RangeError at once for a bad endpoint or options; the stream errors when `zeromq` is missing or the endpoint cannot be bound.
 *
 * @example
 * ```ts
 * import { take } from 'rxjs';
 * import { fromZmq } from '@ringflow/io/zmq';
 * // IQ samples from a GNU Radio zeromq.push_sink(gr.sizeof_gr_complex, 1, 'tcp://*:5555')
 * const iq = fromZmq('tcp://127.0.0.1:5555', { wire: 'gnuradio', complex: true, chunkSize: 4096 });
 * iq.pipe(take(10)).subscribe((chunk) => console.log(chunk.shape)); // [4096, 2]
 * ```
 */
export function fromZmq<F extends FormatName = 'f', C extends number = 1, X extends boolean = false>(
  endpoint: string,
  options?: FromZmqOptions<F> & ZmqShapeOptions<C, X>,
): FromZmqObservable<ZmqChunk<F, C, X>> {
  const stats = newReceiverStats();
  const config = { ...receiverSpec('fromZmq', endpoint, options as FromZmqOptions<FormatName> | undefined), stats };

  const observable = new Observable<ZmqChunk<F, C, X>>((subscriber) => {
    let receiver: ZmqReceiver<F> | undefined;
    let stopped = false;

    const run = async (): Promise<void> => {
      receiver = await openReceiver<F>(config);
      if (stopped) {
        receiver.close();
        return;
      }
      for (;;) {
        for (let chunk = receiver.take(); chunk !== undefined; chunk = receiver.take()) {
          subscriber.next(chunk as ZmqChunk<F, C, X>);
          if (stopped) return;
        }
        if (receiver.error !== undefined) throw receiver.error;
        if (receiver.done) break;
        await receiver.fill();
        if (stopped) return;
      }
      receiver.close();
      subscriber.complete();
    };

    run().catch((error: unknown) => {
      receiver?.close();
      if (!stopped) subscriber.error(error);
    });
    return () => {
      stopped = true;
      receiver?.close();
    };
  });
  return Object.defineProperty(observable, 'stats', { value: stats, enumerable: true }) as FromZmqObservable<ZmqChunk<F, C, X>>;
}
