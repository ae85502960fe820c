import type { ArrayOf, Chunk, FormatName } from '@ringflow/core';
import { loadZeromq } from './internal/load-zeromq.js';
import { PeerCount } from './internal/peer-count.js';
import { encodeRingflowHeader, KIND_ABORT, KIND_DATA, KIND_END } from './internal/ringflow-header.js';
import { checkEndpoint, describeValue, milliseconds, optionsObject, sendable, streamSpec, type StreamSpec } from './internal/stream-spec.js';
import { checkTag, encodeGnuRadioHeader, encodeTag } from './internal/tag-codec.js';
import type { ZmqStreamOptions, ZmqTag } from './types.js';

/** Options of {@link openZmqSender} (and of {@link toZmq}, which adds its queue's bounds). */
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
   * Copy every chunk into a buffer of its own (default `true`). With `false`, a contiguous,
   * non-shared chunk is handed to ZeroMQ as it is (ZeroMQ sends messages over 128 bytes without
   * copying): the caller gives up the chunk and must not write to its memory again.
   */
  readonly copy?: boolean;
}

/** Counters of a {@link ZmqSender}, updated in place as messages are handed to ZeroMQ. */
export interface ZmqSenderStats {
  /** Data messages handed to ZeroMQ. */
  messages: number;
  /** Frames (samples per channel) handed to ZeroMQ. */
  frames: number;
  /** Sample bytes handed to ZeroMQ (headers not counted). */
  bytes: number;
  /** Tags sent. */
  tags: number;
  /** Messages that had to wait for ZeroMQ to take them (its queue was at the high-water mark, or no peer yet): backpressure. */
  waits: number;
  /** Bytes encoded and waiting to be handed to ZeroMQ (live). */
  queuedBytes: number;
}

interface Pending {
  readonly parts: Buffer[];
  readonly bytes: number;
  readonly frames: number;
  readonly tags: number;
  readonly data: boolean;
  readonly resolve?: () => void;
  readonly reject?: (error: unknown) => void;
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
export interface SenderInit {
  readonly socket: SendSocket;
  readonly spec: StreamSpec;
  readonly endpoint: string;
  readonly sampleRate: number;
  readonly linger: number;
  readonly copy: boolean;
  /** Counters to update (shared by the subscriptions of one `toZmq`); default: the sender's own. */
  readonly stats?: ZmqSenderStats;
}

/**
 * The sending end of a ZeroMQ edge: encodes chunks for the wire and hands them to ZeroMQ in order,
 * one at a time, waiting when ZeroMQ's queue is full. Make one with {@link openZmqSender}.
 *
 * @remarks
 * `await sender.send(chunk)` is the way to send with end-to-end backpressure: it resolves once
 * ZeroMQ has taken the message, so a loop that awaits each send (reading a file, say) goes exactly
 * as fast as the receiver reads; {@link toZmq} wraps this for Observables. Every chunk becomes a
 * buffer of its own, encoded synchronously inside `send`, so the caller may reuse its array as
 * soon as `send` returns (unless `copy: false`). Main thread (or any one thread); not reentrant.
 */
export class ZmqSender<F extends FormatName = 'f'> {
  /** The endpoint as bound or connected (with the port ZeroMQ chose for `tcp://host:*`). */
  readonly endpoint: string;
  /** Live counters. */
  readonly stats: ZmqSenderStats;

  private readonly queue: Pending[] = [];
  private head = 0;
  private pumping = false;
  private idle: (() => void)[] = [];
  private pendingTags: ZmqTag[] = [];
  private framesEncoded = 0;
  private sequence = 0;
  private readonly streamId = crypto.getRandomValues(new Uint32Array(1))[0]!;
  private readonly topicFrame: Buffer | undefined;
  private state: 'open' | 'ending' | 'closed' = 'open';
  private failure: unknown = undefined;
  private readonly socket: SendSocket;
  private readonly spec: StreamSpec;
  private readonly sampleRate: number;
  private readonly linger: number;
  private readonly copy: boolean;
  private readonly peerCount: PeerCount;

  /** @internal Use {@link openZmqSender}. */
  constructor(init: SenderInit) {
    this.stats = init.stats ?? { messages: 0, frames: 0, bytes: 0, tags: 0, waits: 0, queuedBytes: 0 };
    this.socket = init.socket;
    this.spec = init.spec;
    this.endpoint = init.endpoint;
    this.sampleRate = init.sampleRate;
    this.linger = init.linger;
    this.copy = init.copy;
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

  /** Frames encoded so far: the offset the next chunk's first frame gets (tags need an offset >= this). */
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
   * Encodes a chunk and queues it for ZeroMQ; resolves once ZeroMQ has taken it.
   *
   * @remarks
   * The chunk is checked and copied before `send` returns (TypeError/RangeError for a chunk of the
   * wrong format or shape, thrown synchronously). Sends queue in order behind each other; the
   * promise rejects if the sender is closed before ZeroMQ took the message. Empty chunks send
   * nothing.
   *
   * @param chunk - A 1-D chunk (mono, or interleaved complex pairs) or a `[frames, channels]` chunk of the stream's format.
   */
  send(chunk: Chunk<ArrayOf<F>>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (!this.enqueue(chunk, resolve, reject)) resolve();
    });
  }

  /** @internal Encodes and queues `chunk`; false when it was empty. Throws for bad chunks. */
  enqueue(chunk: unknown, resolve?: () => void, reject?: (error: unknown) => void): boolean {
    const { spec } = this;
    if (this.state !== 'open') throw new Error(`${spec.what}: the sender is ${this.state === 'ending' ? 'ending' : 'closed'}; nothing more can be sent`);
    const c = sendable(spec, chunk);
    if (c.frames === 0) return false;
    const first = this.framesEncoded;
    const end = first + c.frames;
    let tagCount = 0;
    while (tagCount < this.pendingTags.length && this.pendingTags[tagCount]!.offset < end) tagCount++;
    const tags = this.pendingTags.splice(0, tagCount).map((t) => encodeTag(t, spec.what));
    const parts: Buffer[] = this.topicFrame === undefined ? [] : [this.topicFrame];
    if (spec.wire === 'ringflow') {
      parts.push(encodeRingflowHeader({ kind: KIND_DATA, format: spec.format, channels: spec.channels, streamId: this.streamId, sampleRate: this.sampleRate, sequence: this.sequence, firstFrame: first, frames: c.frames, tags }));
      parts.push(this.samplesBuffer(c, undefined));
    } else if (spec.tags) {
      parts.push(this.samplesBuffer(c, encodeGnuRadioHeader(first, tags)));
    } else {
      parts.push(this.samplesBuffer(c, undefined));
    }
    this.sequence++;
    this.framesEncoded = end;
    this.push({ parts, bytes: c.byteLength, frames: c.frames, tags: tagCount, data: true, resolve, reject });
    return true;
  }

  private samplesBuffer(c: ReturnType<typeof sendable>, prefix: Uint8Array | undefined): Buffer {
    if (prefix === undefined && !this.copy && c.contiguous !== undefined) {
      return Buffer.from(c.contiguous.buffer, c.contiguous.byteOffset, c.contiguous.byteLength);
    }
    const head = prefix === undefined ? 0 : prefix.length;
    const out = Buffer.allocUnsafeSlow(head + c.byteLength);
    if (prefix !== undefined) out.set(prefix, 0);
    c.copyInto(out, head);
    return out;
  }

  private push(item: Pending): void {
    this.queue.push(item);
    this.stats.queuedBytes += item.bytes;
    if (!this.pumping) void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.head < this.queue.length) {
        const item = this.queue[this.head]!;
        if (!this.socket.writable) this.stats.waits++;
        await this.socket.send(item.parts);
        this.head++;
        if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
          this.queue.splice(0, this.head);
          this.head = 0;
        }
        this.stats.queuedBytes -= item.bytes;
        if (item.data) {
          this.stats.messages++;
          this.stats.frames += item.frames;
          this.stats.bytes += item.bytes;
          this.stats.tags += item.tags;
        }
        item.resolve?.();
      }
    } catch (error) {
      const item = this.queue[this.head];
      this.head++;
      const reason = this.state === 'closed' ? new Error(`${this.spec.what}: the sender was closed before ZeroMQ took every message`) : error;
      item?.reject?.(reason);
      this.failure ??= reason;
      this.drop(reason);
    } finally {
      this.pumping = false;
      const waiting = this.idle;
      this.idle = [];
      for (const w of waiting) w();
    }
  }

  /** Rejects every message not yet in ZeroMQ's hands (the one a pending send holds stays until that send settles). */
  private drop(reason: unknown): void {
    const keep = this.pumping && this.head < this.queue.length ? this.head + 1 : this.head;
    const rest = this.queue.splice(keep);
    this.queue.splice(0, this.head);
    this.head = 0;
    for (const item of rest) {
      this.stats.queuedBytes -= item.bytes;
      item.reject?.(reason);
    }
  }

  /** Resolves when everything queued was handed to ZeroMQ (or rejects with why it could not be). */
  flush(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.failure !== undefined) reject(this.failure);
        else if (!this.pumping && this.head >= this.queue.length) resolve();
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
    this.state = 'ending';
    try {
      await this.flush();
      if (this.spec.wire === 'ringflow') {
        this.push(this.control(KIND_END, Buffer.alloc(0)));
        await this.flush();
      }
    } finally {
      this.shut(this.linger);
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
      this.shut(Math.min(this.linger, 1000));
    }
  }

  /** Closes the socket now: queued messages are dropped (their sends reject), nothing lingers. */
  close(): void {
    if (this.state === 'closed') return;
    this.shut(0);
  }

  private control(kind: number, payload: Buffer): Pending {
    const { spec } = this;
    const header = encodeRingflowHeader({ kind, format: spec.format, channels: spec.channels, streamId: this.streamId, sampleRate: this.sampleRate, sequence: this.sequence, firstFrame: this.framesEncoded, frames: 0, tags: [] });
    const parts = this.topicFrame === undefined ? [header, payload] : [this.topicFrame, header, payload];
    return { parts, bytes: 0, frames: 0, tags: 0, data: false };
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
export async function openZmqSender<F extends FormatName = 'f'>(endpoint: string, options?: ZmqSenderOptions<F>): Promise<ZmqSender<F>> {
  return openSender<F>(senderSpec('openZmqSender', endpoint, options as ZmqSenderOptions<FormatName> | undefined));
}

/** @internal The validated options of a sender ({@link openZmqSender} and {@link toZmq} name themselves in errors). */
export interface SenderConfig {
  readonly spec: StreamSpec;
  readonly endpoint: string;
  readonly sampleRate: number;
  readonly linger: number;
  readonly copy: boolean;
  /** Counters to update (shared by the subscriptions of one `toZmq`). */
  readonly stats?: ZmqSenderStats;
}

/** @internal Validates a sender's endpoint and options, synchronously. */
export function senderSpec(what: string, endpoint: unknown, options: ZmqSenderOptions<FormatName> | undefined): SenderConfig {
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
  return { spec, sampleRate, linger, copy, endpoint: ep };
}

/** @internal Opens the socket for a validated config. */
export async function openSender<F extends FormatName>(config: SenderConfig): Promise<ZmqSender<F>> {
  const { spec, endpoint } = config;
  const zmq = await loadZeromq();
  const options = { sendHighWaterMark: spec.highWaterMark, linger: 0 };
  const socket = spec.pattern === 'push-pull' ? new zmq.Push(options) : new zmq.Publisher(options);
  let resolved = endpoint;
  try {
    if (spec.mode === 'bind') {
      await socket.bind(endpoint);
      resolved = socket.lastEndpoint ?? endpoint;
    } else {
      socket.connect(endpoint);
    }
  } catch (error) {
    socket.close();
    throw new Error(`${spec.what}: cannot ${spec.mode} ${endpoint}: ${(error as Error).message}`, { cause: error });
  }
  const sender = new ZmqSender<F>({ ...config, socket: socket as unknown as SendSocket, endpoint: resolved });
  spec.onReady?.(resolved);
  return sender;
}
