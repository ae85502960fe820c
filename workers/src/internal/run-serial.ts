/**
 * The serial runner, the engine of `offload` and `pipeline`: stages in consecutive workers joined
 * by direct hops (worker A's output hop is worker B's input hop), fed and drained by the main
 * thread with the same `ChunkWriter`/`ChunkReader` the workers use.
 */
import { platform } from '#platform';
import { Observable, isObservable, type OperatorFunction } from 'rxjs';
import type { Chunk, OffloadStats, StageLocation, StageRunOptions } from '../types.js';
import { isMarker } from './chunk-codec.js';
import type { ChunkReader } from './chunk-reader.js';
import { ParamsFeed } from './params-feed.js';
import { Session, settingsOf } from './session.js';

/** One stage to run: where it is and its parameters (a value, a stream of updates, or none). */
export interface StepSpec {
  readonly stage: StageLocation;
  readonly params?: unknown;
}

/**
 * Hands every complete output chunk there is to `next`; `true` once the stream ended. Synchronous:
 * the main thread calls it after each wake-up, and between the slices of a blocked write.
 */
export function drainOutput(reader: ChunkReader, next: (chunk: Chunk) => void): boolean {
  for (let item = reader.poll(); item !== undefined; item = reader.poll()) {
    if (item === null) return true;
    if (!isMarker(item)) next(item);
  }
  return false;
}

/**
 * Waits for more output on the main thread: while chunks keep coming it only lets the event loop
 * turn once (a macrotask, no sleep: a wake-up through `Atomics.waitAsync` costs tens of
 * microseconds on both threads), and sleeps on the reader's watermark once a turn found nothing.
 */
export function awaitOutput(reader: ChunkReader, delivered: boolean): Promise<unknown> {
  return delivered ? platform.yieldToEventLoop() : reader.wait();
}

/** Runs `steps` in consecutive workers joined by direct hops. */
export function runSerial(steps: readonly StepSpec[], options: StageRunOptions, what: string): OperatorFunction<Chunk, Chunk> {
  if (steps.length === 0) throw new RangeError(`${what}: needs at least one stage`);
  const settings = settingsOf(options, what);
  return (source) =>
    new Observable<Chunk>((subscriber) => {
      const session = new Session(subscriber, settings);
      const n = steps.length;
      const hops = Array.from({ length: n + 1 }, () => session.hop());
      const output = session.reader(hops[n]!);
      let delivered = 0;
      const emit = (chunk: Chunk): void => {
        delivered++;
        subscriber.next(chunk);
      };
      let ended = false;
      const drain = (): boolean => {
        if (!ended && !session.done) ended = drainOutput(output, emit);
        return ended;
      };
      const input = session.writer(hops[0]!, drain);

      const spawned = session.spawn(steps.map((s) => s.stage));
      spawned.catch(session.fail);
      const feeds = steps.map((step, i) => {
        if (!isObservable(step.params)) return undefined;
        const feed = new ParamsFeed(session, step.params, i === 0 ? [input] : undefined);
        session.subscriptions.push(feed.subscription);
        return feed;
      });

      session.subscribeSource(source, {
        next: (chunk) => void input.write(chunk),
        error: session.fail,
        complete: () => void input.close().catch(session.fail),
      });

      const collect = async (): Promise<OffloadStats> => {
        const stages = await session.stageStats();
        const first = stages[0]!;
        const last = stages[stages.length - 1]!;
        return {
          chunksIn: first.chunksIn,
          samplesIn: first.samplesIn,
          chunksOut: last.chunksOut,
          samplesOut: last.samplesOut,
          busyMs: stages.reduce((sum, s) => sum + s.busyMs, 0),
          inputFill: input.fill(),
          outputFill: output.fill(),
          queuedBytes: input.queuedBytes,
          droppedChunks: input.droppedChunks,
          droppedSamples: input.droppedSamples,
          overruns: input.overruns + stages.reduce((sum, s) => sum + s.outputOverruns, 0),
          stages,
        };
      };

      const run = async (): Promise<void> => {
        await spawned;
        const starts = steps.map((step, i) => {
          feeds[i]?.attach([session.workers[i]!]);
          const start = session.start(i, { input: hops[i]!, output: hops[i + 1]!, params: step.params, boundaries: false, workerIndex: 0, workerCount: 1 });
          start.catch(session.fail);
          return start;
        });
        session.started();
        session.startStats(collect);
        for (let seen = delivered; !drain(); seen = delivered) {
          await awaitOutput(output, delivered > seen);
          if (session.done) return;
        }
        // The last stage closed its output: it completed (earlier stages may still run, e.g. when
        // the last one took only the first chunks; the teardown stops them).
        await starts[n - 1];
        await session.finalStats(collect);
        session.complete();
      };
      run().catch(session.fail);
      return () => session.teardown();
    });
}
