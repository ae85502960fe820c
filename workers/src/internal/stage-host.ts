/**
 * The stage host: runs one stage definition inside its worker; the object behind the Comlink
 * control API (`StageControl`).
 *
 * The input is drained synchronously: every complete item the reader has is handed to the chain
 * in one go, and the host sleeps (after a short poll) only when there is none. Each chunk the
 * chain emits is written to the output with the same `ChunkWriter` the main thread uses; on the
 * ring transport it blocks the worker while the output is full, so a stage that emits faster than
 * its consumer reads is held back and memory stays bounded. Counters go to the shared status block.
 */
import { platform } from '#platform';
import { BehaviorSubject, Observable, isObservable, type Subscriber, type Subscription } from 'rxjs';
import type { StageDefinition } from '../define-stage.js';
import type { Chunk, StageStats } from '../types.js';
import { BOUNDARY, END_OF_INPUT, isMarker, samplesOf } from './chunk-codec.js';
import { ChunkReader } from './chunk-reader.js';
import { ChunkWriter } from './chunk-writer.js';
import { openHopReader, openHopWriter } from './hop.js';
import { ParamsInbox, mergeParams } from './params-feed.js';
import type { StageControl, StartConfig } from './protocol.js';
import { threadCanBlock } from './ring-hop.js';
import { StageStatus } from './stage-status.js';

/** Input chunks handed to the chain between two turns of the event loop (Comlink messages, timers). */
const CHUNKS_PER_TURN = 256;

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : `stage failed with ${String(error)}`);
}

export class StageHost {
  readonly #definition: StageDefinition<unknown, Chunk, Chunk>;
  readonly #inbox = new ParamsInbox();
  #running = false;
  #status = StageStatus.create(false);
  #stop: (() => void) | undefined;

  constructor(definition: StageDefinition<unknown, Chunk, Chunk>) {
    this.#definition = definition;
  }

  readonly control: StageControl = {
    start: (config) => this.#start(config),
    setParams: (seq, value) => this.#inbox.deliver(seq, value),
    stats: (): StageStats => this.#status.snapshot(),
    stop: () => this.#stop?.(),
  };

  #start(config: StartConfig): Promise<void> {
    if (this.#running) return Promise.reject(new Error('exposeStage: the stage is already running'));
    this.#running = true;
    const status = config.status === undefined ? StageStatus.create(false) : new StageStatus(config.status);
    this.#status = status;
    const defaults = this.#definition.params;
    const params = new BehaviorSubject<unknown>(config.hasParams ? mergeParams(defaults, config.params) : defaults);
    const apply = (update: unknown): void => params.next(mergeParams(params.getValue(), update));
    const blocking = config.output.kind === 'ring' && threadCanBlock();

    return new Promise<void>((resolve, reject) => {
      let done = false;
      let subscription: Subscription | undefined;
      let reader: ChunkReader | undefined;
      let writer: ChunkWriter | undefined;
      const release = (): void => {
        subscription?.unsubscribe();
        reader?.dispose();
        writer?.dispose();
        this.#running = false;
      };
      const fail = (error: unknown): void => {
        if (done) return;
        done = true;
        release();
        // Teardown by the main thread closes the hops under a blocked stage: not an error of its own.
        if (status.stopRequested()) resolve();
        else reject(asError(error));
      };
      this.#stop = () => {
        if (done) return;
        done = true;
        release();
        resolve();
      };
      try {
        reader = new ChunkReader(openHopReader(config.input, { spinMicros: config.spinMicros }), { reuse: this.#definition.reuse === true });
        writer = new ChunkWriter(openHopWriter(config.output, { canBlock: blocking }), {
          what: 'exposeStage',
          overflow: blocking ? 'block' : config.overflow,
          maxQueuedBytes: config.maxQueuedBytes,
          onError: fail,
        });
        const source = new Observable<Chunk>((subscriber) => {
          let active = true;
          this.#drain({ reader: reader!, writer: writer!, subscriber, config, status, apply, active: () => active }).catch((error: unknown) => {
            if (active) subscriber.error(error);
          });
          return () => {
            active = false;
          };
        });
        const output = this.#definition.build(source, params.asObservable(), { workerIndex: config.workerIndex, workerCount: config.workerCount });
        if (!isObservable(output)) throw new TypeError('exposeStage: the stage must return an Observable of chunks');
        const out = writer;
        subscription = output.subscribe({
          next: (chunk) => {
            try {
              out.write(chunk);
              status.countOut(samplesOf(chunk));
            } catch (error) {
              fail(error);
            }
          },
          error: fail,
          complete: () => {
            out.close().then(() => {
              if (done) return;
              done = true;
              this.#running = false;
              resolve();
            }, fail);
          },
        });
        if (done) subscription.unsubscribe();
      } catch (error) {
        fail(error);
      }
    });

  }

  /** Feeds the chain from the input until it ends; one synchronous pass per wake-up. */
  async #drain(run: DrainRun): Promise<void> {
    const { reader, writer, subscriber, config, status, apply, active } = run;
    const inbox = this.#inbox;
    let turn = 0;
    for (;;) {
      let t0 = performance.now();
      let blocked = writer.blockedMs;
      for (let item = reader.poll(); item !== undefined; item = reader.poll()) {
        if (!active()) return;
        if (item === null) {
          if (status.stopRequested()) return;
          // Count this stretch's work now: the stats are read once the completion reaches the main thread.
          status.addBusy(performance.now() - t0 - (writer.blockedMs - blocked), writer.overruns);
          if (config.boundaries) writer.write(END_OF_INPUT);
          subscriber.complete();
          return;
        }
        if (isMarker(item)) {
          if (item.marker !== 'params') continue;
          if (inbox.has(item.seq)) {
            apply(inbox.take(item.seq));
            continue;
          }
          writer.flush();
          status.addBusy(performance.now() - t0 - (writer.blockedMs - blocked), writer.overruns);
          apply(await inbox.arrival(item.seq));
          t0 = performance.now();
          blocked = writer.blockedMs;
          continue;
        }
        for (const update of inbox.takeLoose()) apply(update);
        status.countIn(samplesOf(item));
        subscriber.next(item);
        if (config.boundaries) writer.write(BOUNDARY);
        writer.flushSoon();
        if (++turn === CHUNKS_PER_TURN) {
          turn = 0;
          writer.flush();
          status.addBusy(performance.now() - t0 - (writer.blockedMs - blocked), writer.overruns);
          await platform.yieldToEventLoop();
          t0 = performance.now();
          blocked = writer.blockedMs;
        }
      }
      writer.flush();
      status.addBusy(performance.now() - t0 - (writer.blockedMs - blocked), writer.overruns);
      if (!active()) return;
      await reader.wait();
    }
  }
}

/** What one run of the input loop works with. */
interface DrainRun {
  readonly reader: ChunkReader;
  readonly writer: ChunkWriter;
  readonly subscriber: Subscriber<Chunk>;
  readonly config: StartConfig;
  readonly status: StageStatus;
  readonly apply: (update: unknown) => void;
  readonly active: () => boolean;
}
