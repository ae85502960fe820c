/**
 * The parallel runner, the engine of `parallel`: one stateless stage on a pool of workers. Source
 * chunk `i` goes to worker `i % workers` (chunks dropped by `'drop-newest'` do not count); the
 * results come back in input order: each worker writes a boundary marker after the outputs of each
 * input chunk, and an end-of-input marker when its input ended. Outputs emitted at completion come
 * last, worker by worker, in worker order.
 */
import { Observable, isObservable, type OperatorFunction } from 'rxjs';
import type { Chunk, OffloadStats, StageStats } from '../types.js';
import { isMarker } from './chunk-codec.js';
import { ParamsFeed } from './params-feed.js';
import { awaitOutput, type StepSpec } from './run-serial.js';
import { Session, settingsOf } from './session.js';

export function runParallel(step: StepSpec, count: number, options: Parameters<typeof settingsOf>[0]): OperatorFunction<Chunk, Chunk> {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`parallel: workers must be a positive integer, got ${String(count)}`);
  const settings = settingsOf(options, 'parallel');
  return (source) =>
    new Observable<Chunk>((subscriber) => {
      const session = new Session(subscriber, settings);
      const inputs = Array.from({ length: count }, () => session.hop());
      const outputs = Array.from({ length: count }, () => session.hop());
      const readers = outputs.map((hop) => session.reader(hop));
      let delivered = 0;
      const emit = (chunk: Chunk): void => {
        delivered++;
        subscriber.next(chunk);
      };

      // The reading position: the source chunk whose outputs come next, or the completion outputs
      // of worker `last`.
      let next = 0;
      let last = -1;
      let ended = false;
      let early = false;
      const drain = (): boolean => {
        if (ended || session.done) return ended;
        while (last < 0) {
          const item = readers[next % count]!.poll();
          if (item === undefined) return false;
          if (item === null) {
            // A stage that completed before its input ended (a take(n) in the stage) ends the pool.
            ended = early = true;
            return true;
          }
          if (!isMarker(item)) emit(item);
          else if (item.marker === 'boundary') next++;
          else if (item.marker === 'end-of-input') last = 0; // no chunk `next`: every chunk is done
        }
        while (last < count) {
          const item = readers[last]!.poll();
          if (item === undefined) return false;
          if (item === null) last++;
          else if (!isMarker(item)) emit(item);
        }
        ended = true;
        return true;
      };
      const writers = inputs.map((hop) => session.writer(hop, drain));

      const spawned = session.spawn(Array.from({ length: count }, () => step.stage));
      spawned.catch(session.fail);
      let feed: ParamsFeed | undefined;
      if (isObservable(step.params)) {
        feed = new ParamsFeed(session, step.params, writers);
        session.subscriptions.push(feed.subscription);
      }

      let dispatched = 0;
      session.subscribeSource(source, {
        next: (chunk) => {
          if (writers[dispatched % count]!.write(chunk)) dispatched++;
        },
        error: session.fail,
        complete: () => {
          for (const w of writers) w.close().catch(session.fail);
        },
      });

      const collect = async (): Promise<OffloadStats> => {
        const stages = await session.stageStats();
        const sum = (pick: (s: StageStats) => number): number => stages.reduce((total, s) => total + pick(s), 0);
        const total = (pick: (w: (typeof writers)[number]) => number): number => writers.reduce((t, w) => t + pick(w), 0);
        return {
          chunksIn: sum((s) => s.chunksIn),
          samplesIn: sum((s) => s.samplesIn),
          chunksOut: sum((s) => s.chunksOut),
          samplesOut: sum((s) => s.samplesOut),
          busyMs: sum((s) => s.busyMs),
          inputFill: total((w) => w.fill()) / count,
          outputFill: readers.reduce((t, r) => t + r.fill(), 0) / count,
          queuedBytes: total((w) => w.queuedBytes),
          droppedChunks: total((w) => w.droppedChunks),
          droppedSamples: total((w) => w.droppedSamples),
          overruns: total((w) => w.overruns) + sum((s) => s.outputOverruns),
          stages,
        };
      };

      const run = async (): Promise<void> => {
        const workers = await spawned;
        feed?.attach(workers);
        const starts = workers.map((_, k) =>
          session.start(k, { input: inputs[k]!, output: outputs[k]!, params: step.params, boundaries: true, workerIndex: k, workerCount: count }),
        );
        for (const start of starts) start.catch(session.fail);
        session.started();
        session.startStats(collect);
        for (let seen = delivered, at = next; !drain(); seen = delivered, at = next) {
          await awaitOutput(readers[last < 0 ? next % count : last]!, delivered > seen || next > at);
          if (session.done) return;
        }
        if (!early) await Promise.all(starts);
        await session.finalStats(collect);
        session.complete();
      };
      run().catch(session.fail);
      return () => session.teardown();
    });
}
