import type { FormatName } from '@ringflow/core';
import { attachSocket } from './internal/attach-socket.js';
import { loadZeromq } from './internal/load-zeromq.js';
import { MessageMemory } from './internal/message-memory.js';
import { PeerCount } from './internal/peer-count.js';
import { encodeRingflowHeader, KIND_ABORT, KIND_DATA, KIND_END } from './internal/ringflow-header.js';
import { checkEndpoint, describeValue, milliseconds, nonNegativeInteger, optionsObject, positiveInteger, sendable, streamSpec, type StreamSpec } from './internal/stream-spec.js';
import { checkTag, encodeGnuRadioHeader, encodeTag } from './internal/tag-codec.js';
import type { ZmqInput, ZmqShapeOptions, ZmqStreamOptions, ZmqTag } from './types.js';

/** Options of {@link openZmqSender} (and of {@link toZmq}, which adds its overflow policy). */
export interface ZmqSenderOptions<F extends FormatName = 'f'> extends ZmqStreamOptions<F> {
  /** Sample rate in Hz, carried in the `'ringflow'` header (default: not given, 0 on the wire). */
  readonly sampleRate?: number;
  /**
   * Milliseconds that {@link ZmqSender.end} lets ZeroMQ go on delivering queued messages after
   * the socket is closed (ZeroMQ's linger; default 30 000; `Infinity` waits for ever). The
   * process stays alive meanwhile. {@link ZmqSender.close} does not linger.
   */
  readonly linger?: number;
  /**
   * Largest ZeroMQ message, in sample bytes, that the sender builds by joining chunks that queue up
   * while it waits or within one turn of the event loop (default 262 144; 0: one message per
   * chunk). Chunk boundaries survive on the `'ringflow'` wire (its header lists them); GNU Radio
   * does not see them anyway. A chunk larger than this goes as a message of its own.
   */
  readonly maxMessageBytes?: number;
  /**
   * Bound of what waits for ZeroMQ, in sample bytes (default 8 MiB for {@link openZmqSender},
   * 64 MiB for {@link toZmq}): beyond it {@link ZmqSender.send} waits (toZmq applies `overflow`).
   */
  readonly maxQueuedBytes?: number;
  /**
   * Copy every chunk into a buffer ringflow owns (default `true`). With `false`, a contiguous,
   * non-shared chunk is handed to ZeroMQ as it is, as a message of its own (ZeroMQ sends messages
   * over 128 bytes without copying): the caller gives up the chunk and must not write to its
   * memory again.
   */
  readonly copy?: boolean;
}

/** Counters of a {@link ZmqSender}, updated in place as messages are handed to ZeroMQ. */
export interface ZmqSenderStats {
  /** Data messages handed to ZeroMQ (each holds one or more chunks). */
  messages: number;
  /** Chunks handed to ZeroMQ. */
  chunks: number;
  /** Frames (samples per channel) handed to ZeroMQ. */
  frames: number;
  /** Sample bytes handed to ZeroMQ (headers not counted). */
  bytes: number;
  /** Tags sent. */
  tags: number;
  /** Messages that had to wait for ZeroMQ to take them (its queue was at the high-water mark, or no peer yet): backpressure. */
  waits: number;
  /** Sample bytes copied and waiting to be handed to ZeroMQ (live). */
  queuedBytes: number;
}

/** One ZeroMQ message being built or waiting: chunks joined in one buffer ringflow owns. */
interface Batch {
  /** The samples: a buffer never written again once handed to ZeroMQ. */
  buffer: Buffer;
  /** Bytes of `buffer` in use. */
  used: number;
  /** Index of the message's first frame in the stream. */
  readonly firstFrame: number;
  frames: number;
  readonly chunkFrames: number[];
  /** Called once ZeroMQ took the message, per chunk. */
  readonly sent: ((() => void) | undefined)[];
  readonly failed: (((error: unknown) => void) | undefined)[];
  /** Set when sealed: the message's parts. */
  parts?: Buffer[];
  tagCount: number;
  /** Control messages (end, abort): no samples, not counted. */
  readonly control: boolean;
  /** A chunk handed over without copying (`copy: false`): sealed at once. */
  readonly owned: boolean;
}

/** @internal What the sender needs of a zeromq.js PUSH/PUB socket. */
export interface SendSocket {
  readonly writable: boolean;
  readonly events: { on(type: 'handshake' | 'disconnect', listener: () => void): unknown };
  linger: number;
  send(parts: Buffer[]): Promise<void>;
  close(): void;
}

/** @internal What {@link openZmqSender} hands the constructor. */
export interface SenderInit extends SenderConfig {
  readonly socket: SendSocket;
}

/**
 * The sending end of a ZeroMQ edge: copies chunks into messages for the wire and hands them to
 * ZeroMQ in order, one at a time, waiting when ZeroMQ's queue is full. Make one with
 * {@link openZmqSender}.
 *
 * @remarks
 * `await sender.send(chunk)` in a loop is the way to send with end-to-end backpressure: `send`
 * copies the chunk at once (the caller may reuse its array as soon as `send` returns, unless
 * `copy: false`) and resolves while less than `maxQueuedBytes` wait for ZeroMQ; beyond that it
 * waits, so a loop reading a file goes as fast as the receiver reads. Chunks that queue up within
 * one turn of the event loop, or while ZeroMQ is busy, are joined into one message of up to
 * `maxMessageBytes` (ZeroMQ costs per message, not per byte); the `'ringflow'` header keeps their
 * boundaries. Every message is a buffer of its own, never written again once handed over (ZeroMQ
 * sends without copying). {@link ZmqSender.flush} and {@link ZmqSender.end} wait until ZeroMQ took
 * everything. Main thread (or any one thread); not reentrant.
 *
 * @example
 * ```ts
 * import { openZmqSender } from '@ringflow/io/zmq';
 * const sender = await openZmqSender('ipc:///tmp/ringflow-example.ipc', { sampleRate: 8000 });
 * for (let i = 0; i < 10; i++) await sender.send(new Float32Array(800)); // paced by the receiver
 * await sender.end();
 * ```
 */
export class ZmqSender<F extends FormatName = 'f', C extends number = 1, X extends boolean = false> {
  /** The endpoint as bound or connected (with the port ZeroMQ chose for `tcp://host:*`). */
  readonly endpoint: string;
  /** Live counters. */
  readonly stats: ZmqSenderStats;

  private readonly queue: Batch[] = [];
  private head = 0;
  private open: Batch | undefined;
  private flushTimer: NodeJS.Immediate | undefined;
  private sealWhenIdle = false;
  private pumping = false;
  private idle: (() => void)[] = [];
  private room: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private pendingTags: ZmqTag[] = [];
  /** Where messages are cut from: never written again while ZeroMQ may read them. */
  private readonly memory = new MessageMemory();
  private framesEncoded = 0;
  private sequence = 0;
  private readonly streamId = crypto.getRandomValues(new Uint32Array(1))[0]!;
  private readonly topicFrame: Buffer | undefined;
  private state: 'open' | 'ending' | 'closed' = 'open';
  private failure: unknown = undefined;
  private readonly socket: SendSocket;
  private readonly spec: StreamSpec;
  private readonly config: SenderConfig;
  private readonly peerCount: PeerCount;

  /** @internal Use {@link openZmqSender}. */
  constructor(init: SenderInit) {
    this.stats = init.stats ?? { messages: 0, chunks: 0, frames: 0, bytes: 0, tags: 0, waits: 0, queuedBytes: 0 };
    this.socket = init.socket;
    this.spec = init.spec;
    this.config = init;
    this.endpoint = init.endpoint;
    this.peerCount = new PeerCount(init.socket);
    this.topicFrame = init.spec.topic === undefined ? undefined : Buffer.from(init.spec.topic, 'utf8');
  }

  /** Whether {@link ZmqSender.end} or {@link ZmqSender.close} was called. */
  get closed(): boolean {
    return this.state !== 'open';
  }

  /**
   * Peers connected now (ZeroMQ handshakes minus disconnects). A PUSH with none waits; a message
   * ZeroMQ handed to a peer that then went away is lost with it (PUSH/PULL has no
   * acknowledgements): a `'ringflow'` receiver that reconnects counts such a loss as a gap.
   */
  get peers(): number {
    return this.peerCount.count;
  }

  /** Frames taken so far: the offset the next chunk's first frame gets (tags need an offset >= this). */
  get framesSent(): number {
    return this.framesEncoded;
  }

  /**
   * Attaches a tag to the frame at `tag.offset`; it travels with the message that holds that frame.
   *
   * @remarks
   * Offsets count frames from the first frame this sender sent; a tag must be added before the
   * chunk holding its frame is sent (an offset below {@link ZmqSender.framesSent} is a
   * `RangeError`). On the `'gnuradio'` wire tags need `tags: true`.
   *
   * @throws TypeError for a malformed tag or a wire without tags; RangeError for an offset already sent.
   */
  addTag(tag: ZmqTag): void {
    const what = `${this.spec.what}.addTag`;
    if (this.state !== 'open') throw new Error(`${what}: the sender is closed`);
    checkTag(what, this.spec.tags, tag, this.framesEncoded);
    let i = this.pendingTags.length;
    while (i > 0 && this.pendingTags[i - 1]!.offset > tag.offset) i--;
    this.pendingTags.splice(i, 0, tag);
  }

  /**
   * Copies a chunk into the next message; resolves while less than `maxQueuedBytes` wait for ZeroMQ.
   *
   * @remarks
   * The chunk is checked and copied before `send` returns (TypeError/RangeError for a chunk of the
   * wrong format or shape, as a rejected promise). Chunks go out in order. The promise rejects if
   * the sender fails or is closed while it waits for room; {@link ZmqSender.end} tells whether
   * everything reached ZeroMQ. Empty chunks send nothing.
   *
   * @param chunk - A 1-D chunk (mono, or interleaved complex pairs) or a `[frames, channels]` chunk of the stream's format.
   */
  send(chunk: ZmqInput<F, C, X>): Promise<void> {
    try {
      this.enqueue(chunk);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.stats.queuedBytes <= this.config.maxQueuedBytes) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.room.push({ resolve, reject }));
  }

  /**
   * @internal Copies `chunk` into the next message (throws for bad chunks); `sent` runs once ZeroMQ
   * took it, `failed` if it never will. False for an empty chunk (nothing queued, no callback).
   */
  enqueue(chunk: unknown, sent?: () => void, failed?: (error: unknown) => void): boolean {
    const { spec } = this;
    if (this.state !== 'open') throw new Error(`${spec.what}: the sender is ${this.state === 'ending' ? 'ending' : 'closed'}; nothing more can be sent`);
    const c = sendable(spec, chunk);
    if (c.frames === 0) return false;
    const owned = !this.config.copy && c.contiguous !== undefined;
    let batch = this.open;
    if (batch !== undefined && (owned || batch.used + c.byteLength > batch.buffer.length)) {
      this.seal();
      batch = undefined;
    }
    if (batch === undefined) {
      const buffer = owned ? Buffer.from(c.contiguous!.buffer, c.contiguous!.byteOffset, c.contiguous!.byteLength) : this.memory.cut(c.byteLength, this.config.maxMessageBytes);
      batch = { buffer, used: 0, firstFrame: this.framesEncoded, frames: 0, chunkFrames: [], sent: [], failed: [], tagCount: 0, control: false, owned };
      this.open = batch;
    }
    if (!owned) c.copyInto(batch.buffer, batch.used);
    batch.used += c.byteLength;
    batch.frames += c.frames;
    batch.chunkFrames.push(c.frames);
    batch.sent.push(sent);
    batch.failed.push(failed);
    this.framesEncoded += c.frames;
    this.stats.queuedBytes += c.byteLength;
    if (owned || batch.used >= batch.buffer.length) this.seal();
    else this.flushTimer ??= setImmediate(() => this.sealNow());
    return true;
  }

  /** End of an event-loop turn: the open message goes, unless one still waits for ZeroMQ (then it goes after that one, fuller). */
  private sealNow(): void {
    this.flushTimer = undefined;
    if (this.pumping && this.head < this.queue.length) this.sealWhenIdle = true;
    else this.seal();
  }

  /** Closes the open message: its tags and header, then into the queue for ZeroMQ. */
  private seal(): void {
    this.sealWhenIdle = false;
    const batch = this.open;
    if (batch === undefined) return;
    this.open = undefined;
    if (this.flushTimer !== undefined) {
      clearImmediate(this.flushTimer);
      this.flushTimer = undefined;
    }
    const { spec } = this;
    const end = batch.firstFrame + batch.frames;
    let n = 0;
    while (n < this.pendingTags.length && this.pendingTags[n]!.offset < end) n++;
    const tags = this.pendingTags.splice(0, n).map((t) => encodeTag(t, spec.what));
    batch.tagCount = n;
    const samples = batch.buffer.subarray(0, batch.used);
    const parts: Buffer[] = this.topicFrame === undefined ? [] : [this.topicFrame];
    if (spec.wire === 'ringflow') {
      parts.push(this.header(KIND_DATA, batch.firstFrame, batch.frames, batch.chunkFrames, tags), samples);
    } else if (spec.tags) {
      parts.push(Buffer.concat([encodeGnuRadioHeader(batch.firstFrame, tags), samples])); // GNU Radio reads header and samples from one frame
    } else {
      parts.push(samples);
    }
    if (!batch.owned) this.memory.commit(batch.buffer, batch.used, spec.wire === 'gnuradio' && spec.tags ? undefined : samples);
    this.sequence++;
    batch.parts = parts;
    this.push(batch);
  }

  private header(kind: number, firstFrame: number, frames: number, chunkFrames: readonly number[], tags: readonly Uint8Array[]): Buffer {
    const { spec } = this;
    return encodeRingflowHeader({ kind, format: spec.format, channels: spec.channels, streamId: this.streamId, sampleRate: this.config.sampleRate, sequence: this.sequence, firstFrame, frames, chunkFrames, tags });
  }

  private push(batch: Batch): void {
    this.queue.push(batch);
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.head < this.queue.length) {
        const batch = this.queue[this.head]!;
        if (!this.socket.writable) this.stats.waits++;
        await this.socket.send(batch.parts!);
        this.queue[this.head++] = undefined as unknown as Batch; // ZeroMQ holds the parts now, not us
        if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
          this.queue.splice(0, this.head);
          this.head = 0;
        }
        if (!batch.control) {
          this.stats.queuedBytes -= batch.used;
          this.stats.messages++;
          this.stats.chunks += batch.chunkFrames.length;
          this.stats.frames += batch.frames;
          this.stats.bytes += batch.used;
          this.stats.tags += batch.tagCount;
        }
        for (const sent of batch.sent) sent?.();
        this.wakeRoom();
        if (this.sealWhenIdle && this.head >= this.queue.length) this.seal();
      }
    } catch (error) {
      const batch = this.queue[this.head];
      this.head++;
      const reason = this.state === 'closed' ? new Error(`${this.spec.what}: the sender was closed before ZeroMQ took every message`) : error;
      if (batch !== undefined) this.reject(batch, reason);
      this.failure ??= reason;
      this.drop(reason);
    } finally {
      this.pumping = false;
      const waiting = this.idle;
      this.idle = [];
      for (const w of waiting) w();
    }
  }

  /** Wakes waiting sends once the queue fell to half its bound (so they go on for a while, and messages fill up). */
  private wakeRoom(): void {
    if (this.room.length === 0 || this.stats.queuedBytes > this.config.maxQueuedBytes / 2) return;
    const waiting = this.room;
    this.room = [];
    for (const w of waiting) w.resolve();
  }

  private reject(batch: Batch, reason: unknown): void {
    if (!batch.control) this.stats.queuedBytes -= batch.used;
    for (const failed of batch.failed) failed?.(reason);
  }

  /** Drops every message not yet in ZeroMQ's hands (the one a pending send holds stays until that send settles). */
  private drop(reason: unknown): void {
    if (this.flushTimer !== undefined) {
      clearImmediate(this.flushTimer);
      this.flushTimer = undefined;
    }
    const open = this.open;
    this.open = undefined;
    const keep = this.pumping && this.head < this.queue.length ? this.head + 1 : this.head;
    const rest = this.queue.splice(keep);
    this.queue.splice(0, this.head);
    this.head = 0;
    if (open !== undefined) rest.push(open);
    for (const batch of rest) this.reject(batch, reason);
    const waiting = this.room;
    this.room = [];
    for (const w of waiting) w.reject(reason);
  }

  /** Resolves when everything sent so far was handed to ZeroMQ (or rejects with why it could not be). */
  flush(): Promise<void> {
    this.seal();
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.failure !== undefined) reject(this.failure);
        else if (!this.pumping && this.head >= this.queue.length && this.open === undefined) resolve();
        else this.idle.push(check);
      };
      check();
    });
  }

  /**
   * Ends the stream: waits until ZeroMQ took every queued message, sends the end-of-stream message
   * (`'ringflow'` wire: the receiver completes), then closes the socket, letting ZeroMQ deliver
   * what it holds for up to `linger` milliseconds.
   */
  async end(): Promise<void> {
    if (this.state !== 'open') return;
    try {
      await this.flush();
      this.state = 'ending';
      if (this.spec.wire === 'ringflow') {
        this.push(this.control(KIND_END, Buffer.alloc(0)));
        await this.flush();
      }
    } finally {
      this.shut(this.config.linger);
    }
  }

  /**
   * Ends the stream as a failure: drops what is queued, tells a `'ringflow'` receiver (its stream
   * errors with `reason`), and closes the socket (lingering up to 1 s for that last message).
   */
  async abort(reason: unknown): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'ending';
    const text = reason instanceof Error ? reason.message : String(reason);
    this.drop(new Error(`${this.spec.what}: aborted: ${text}`));
    try {
      if (this.spec.wire === 'ringflow') {
        await Promise.race([
          (async () => {
            while (this.pumping) await new Promise<void>((r) => this.idle.push(r));
            this.push(this.control(KIND_ABORT, Buffer.from(text.slice(0, 4096), 'utf8')));
            await this.flush();
          })(),
          new Promise((r) => setTimeout(r, 1000).unref()),
        ]);
      }
    } catch {
      // best effort: the socket closes anyway
    } finally {
      this.shut(Math.min(this.config.linger, 1000));
    }
  }

  /** Closes the socket now: what waits is dropped (waiting sends reject), nothing lingers. */
  close(): void {
    if (this.state === 'closed') return;
    this.shut(0);
  }

  private control(kind: number, payload: Buffer): Batch {
    const header = this.header(kind, this.framesEncoded, 0, [], []);
    const parts = this.topicFrame === undefined ? [header, payload] : [this.topicFrame, header, payload];
    return { buffer: payload, used: 0, firstFrame: this.framesEncoded, frames: 0, chunkFrames: [], sent: [], failed: [], parts, tagCount: 0, control: true, owned: false };
  }

  private shut(linger: number): void {
    this.state = 'closed';
    this.pendingTags = [];
    this.drop(new Error(`${this.spec.what}: the sender was closed before ZeroMQ took every message`));
    try {
      this.socket.linger = linger;
    } catch {
      // already closed
    }
    this.socket.close();
  }
}

/**
 * Opens the sending end of a ZeroMQ edge: a PUSH (or PUB) socket, bound or connected, that speaks
 * the `'ringflow'` or `'gnuradio'` wire.
 *
 * @remarks
 * Loads the optional peer dependency `zeromq` on first use (an Error naming the install command
 * when it is missing). Binding resolves once the socket listens; connecting resolves at once
 * (ZeroMQ connects, and reconnects, in the background; messages queue meanwhile). PUSH/PULL never
 * drops: a full queue (high-water mark reached, or no peer) makes {@link ZmqSender.send} wait.
 * PUB drops for slow subscribers, as ZeroMQ does; `'ringflow'` receivers count the gaps.
 *
 * Samples go in host byte order (little-endian on x86 and ARM), as GNU Radio sends them.
 *
 * @param endpoint - A ZeroMQ endpoint: `tcp://127.0.0.1:5555`, `tcp://*:5555`, `tcp://127.0.0.1:*` (a free port), `ipc:///tmp/x.ipc`.
 * @param options - Stream and socket options ({@link ZmqSenderOptions}).
 * @returns The open sender.
 * @throws TypeError/RangeError (rejected) for bad options; Error when `zeromq` is missing or the endpoint cannot be bound.
 *
 * @example
 * ```ts
 * import { openZmqSender } from '@ringflow/io/zmq';
 * const sender = await openZmqSender('tcp://127.0.0.1:*', { sampleRate: 48_000 });
 * console.log(sender.endpoint); // tcp://127.0.0.1:41234, say
 * sender.addTag({ offset: 0, key: 'start', value: true });
 * void sender.send(new Float32Array(1024)); // waits for a receiver (PUSH never drops)
 * sender.close();
 * ```
 */
export async function openZmqSender<F extends FormatName = 'f', C extends number = 1, X extends boolean = false>(
  endpoint: string,
  options?: ZmqSenderOptions<F> & ZmqShapeOptions<C, X>,
): Promise<ZmqSender<F, C, X>> {
  return openSender<F, C, X>(senderSpec('openZmqSender', endpoint, options as ZmqSenderOptions<FormatName> | undefined));
}

/** @internal The validated options of a sender ({@link openZmqSender} and {@link toZmq} name themselves in errors). */
export interface SenderConfig {
  readonly spec: StreamSpec;
  readonly endpoint: string;
  readonly sampleRate: number;
  readonly linger: number;
  readonly copy: boolean;
  readonly maxMessageBytes: number;
  readonly maxQueuedBytes: number;
  /** Counters to update (shared by the subscriptions of one `toZmq`); default: the sender's own. */
  readonly stats?: ZmqSenderStats;
}

/** @internal Validates a sender's endpoint and options, synchronously. */
export function senderSpec(what: string, endpoint: unknown, options: ZmqSenderOptions<FormatName> | undefined, defaultMaxQueuedBytes = 8 * 2 ** 20): SenderConfig {
  const ep = checkEndpoint(what, endpoint);
  const opts = optionsObject(what, options);
  const spec = streamSpec(what, opts, 'bind');
  let sampleRate = 0;
  if (opts.sampleRate !== undefined) {
    if (typeof opts.sampleRate !== 'number' || !Number.isFinite(opts.sampleRate) || opts.sampleRate <= 0) {
      throw new RangeError(`${what}: sampleRate must be a positive number of Hz, got ${describeValue(opts.sampleRate)}`);
    }
    sampleRate = opts.sampleRate;
  }
  const linger = opts.linger === undefined ? 30_000 : milliseconds(what, 'linger', opts.linger, true);
  const copy = opts.copy ?? true;
  if (typeof copy !== 'boolean') throw new TypeError(`${what}: copy must be a boolean, got ${describeValue(copy)}`);
  const maxMessageBytes = opts.maxMessageBytes === undefined ? 2 ** 18 : nonNegativeInteger(what, 'maxMessageBytes', opts.maxMessageBytes);
  const maxQueuedBytes = opts.maxQueuedBytes === undefined ? defaultMaxQueuedBytes : positiveInteger(what, 'maxQueuedBytes', opts.maxQueuedBytes);
  return { spec, sampleRate, linger, copy, endpoint: ep, maxMessageBytes, maxQueuedBytes };
}

/** @internal Opens the socket for a validated config. */
export async function openSender<F extends FormatName, C extends number = 1, X extends boolean = false>(config: SenderConfig): Promise<ZmqSender<F, C, X>> {
  const { spec, endpoint } = config;
  const zmq = await loadZeromq();
  const options = { sendHighWaterMark: spec.highWaterMark, linger: 0 };
  const socket = spec.pattern === 'push-pull' ? new zmq.Push(options) : new zmq.Publisher(options);
  const resolved = await attachSocket(socket, spec, endpoint);
  const sender = new ZmqSender<F, C, X>({ ...config, socket: socket as unknown as SendSocket, endpoint: resolved });
  spec.onReady?.(resolved);
  return sender;
}
