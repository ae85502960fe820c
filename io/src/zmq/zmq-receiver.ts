import type { Chunk, FormatName, TypedArray } from '@ringflow/core';
import { attachSocket } from './internal/attach-socket.js';
import { loadZeromq } from './internal/load-zeromq.js';
import { PeerCount } from './internal/peer-count.js';
import { decodeRingflowHeader, KIND_ABORT, KIND_END, RINGFLOW_VERSION } from './internal/ringflow-header.js';
import { checkEndpoint, chunkOf, describeValue, milliseconds, optionsObject, positiveInteger, samplesOf, streamSpec, type StreamSpec } from './internal/stream-spec.js';
import { decodeGnuRadioHeader, MalformedMessageError, type WireTag } from './internal/tag-codec.js';
import type { ZmqChunk, ZmqShapeOptions, ZmqStreamOptions, ZmqTag } from './types.js';

/** What a receiver does with a message it cannot parse. */
export type MalformedPolicy = 'count' | 'error';

/** Options of {@link openZmqReceiver} and {@link fromZmq}. */
export interface ZmqReceiverOptions<F extends FormatName = 'f'> extends ZmqStreamOptions<F> {
  /**
   * Frames per emitted chunk: every chunk holds exactly `chunkSize` frames, whatever the sender's
   * message sizes, except the last one at the end of the stream. Default: one chunk per message,
   * as received.
   */
  readonly chunkSize?: number;
  /** End the stream when no message came for this many milliseconds (default: wait for ever). */
  readonly idleTimeout?: number;
  /**
   * A message that does not parse (no or broken header, a size that is not whole frames, a
   * missing topic frame): `'count'` (default) skips it and counts it in `stats.malformed`;
   * `'error'` ends the stream with a `RangeError`. A ringflow header of another format, channel
   * count or wire version is always an error: the two ends disagree.
   */
  readonly onMalformed?: MalformedPolicy;
  /**
   * Called with each tag just before the chunk that holds its frame is delivered; `offset` counts
   * frames delivered by this receiver (as GNU Radio's ZeroMQ sources re-base tags).
   */
  readonly onTag?: (tag: ZmqTag) => void;
}

/** Counters of a {@link ZmqReceiver} (and of {@link fromZmq}), updated in place. */
export interface ZmqReceiverStats {
  /** Data messages received. */
  messages: number;
  /** Chunks in them (the sender's chunks on the `'ringflow'` wire; one per message on the `'gnuradio'` wire). */
  chunks: number;
  /** Frames received. */
  frames: number;
  /** Sample bytes received (headers not counted). */
  bytes: number;
  /** Tags received. */
  tags: number;
  /** Messages skipped because they did not parse (`onMalformed: 'count'`). */
  malformed: number;
  /** Why the last malformed message was skipped. */
  lastMalformed: string | undefined;
  /** Sequence gaps seen (messages lost in between: PUB/SUB drops, a restarted sender). */
  gaps: number;
  /** Messages missing in those gaps (`'ringflow'` wire). */
  lostMessages: number;
  /** Frames missing in those gaps (`'ringflow'` wire, and `'gnuradio'` with tags). */
  lostFrames: number;
  /** Messages that came with a sequence number lower than expected (duplicated or reordered). */
  outOfOrder: number;
  /** Sample rate in Hz from the last `'ringflow'` header that gave one; undefined until then. */
  sampleRate: number | undefined;
}

/** @internal What the receiver needs of a zeromq.js PULL/SUB socket. */
export interface ReceiveSocket {
  receiveTimeout: number;
  readonly events: { on(type: 'handshake' | 'disconnect', listener: () => void): unknown };
  readonly closed: boolean;
  receive(): Promise<Buffer[]>;
  close(): void;
}

interface Ready {
  readonly chunk: Chunk<TypedArray>;
  readonly start: number;
  readonly frames: number;
}

interface StreamState {
  nextSequence: number;
  nextFrame: number;
}

/** @internal Validated receiver options. */
export interface ReceiverConfig {
  readonly spec: StreamSpec;
  readonly endpoint: string;
  readonly chunkSize: number | undefined;
  readonly idleTimeout: number | undefined;
  readonly onMalformed: MalformedPolicy;
  readonly onTag: ((tag: ZmqTag) => void) | undefined;
  /** Counters to update (shared by the subscriptions of one `fromZmq`); default: the receiver's own. */
  readonly stats?: ZmqReceiverStats;
}

/**
 * The receiving end of a ZeroMQ edge: reads messages, checks and decodes them, and hands out
 * chunks (re-chunked to `chunkSize` if asked). Make one with {@link openZmqReceiver}.
 *
 * @remarks
 * `await receiver.receive()` gives the next chunk, or `null` at the end of the stream (the
 * `'ringflow'` sender ended, or `idleTimeout` elapsed); it rejects when the sender aborted, when
 * the two ends disagree on format, channels or wire version, or with `onMalformed: 'error'`.
 * Chunks are views of the received message (no copy when aligned) or fresh arrays: safe to keep.
 * One `receive` at a time; main thread (or any one thread).
 *
 * @example
 * ```ts
 * import { openZmqReceiver } from '@ringflow/io/zmq';
 * const receiver = await openZmqReceiver('ipc:///tmp/ringflow-example.ipc');
 * const first = await receiver.receive(); // a Float32Array, or null at the end of the stream
 * console.log(first?.length, receiver.stats.sampleRate);
 * receiver.close();
 * ```
 */
export class ZmqReceiver<F extends FormatName = 'f', C extends number = 1, X extends boolean = false> {
  /** The endpoint as bound or connected. */
  readonly endpoint: string;
  /** Live counters. */
  readonly stats: ZmqReceiverStats;

  private readonly socket: ReceiveSocket;
  private readonly config: ReceiverConfig;
  private readonly ready: Ready[] = [];
  private readyHead = 0;
  private readonly tags: ZmqTag[] = [];
  private readonly streams = new Map<number, StreamState>();
  private gnuradioNext: number | undefined;
  /** Frames taken in so far (the local offset of the next message's first frame). */
  private framesIn = 0;
  /** Frames handed out so far. */
  private framesOut = 0;
  private acc: TypedArray | undefined;
  private accFrames = 0;
  private ended = false;
  private closedByUser = false;
  private failure: unknown = undefined;
  private readonly peerCount: PeerCount;

  /** @internal Use {@link openZmqReceiver}. */
  constructor(socket: ReceiveSocket, config: ReceiverConfig, endpoint: string) {
    this.stats = config.stats ?? newReceiverStats();
    this.socket = socket;
    this.config = config;
    this.endpoint = endpoint;
    this.peerCount = new PeerCount(socket);
  }

  /** Peers connected now (ZeroMQ handshakes minus disconnects). */
  get peers(): number {
    return this.peerCount.count;
  }

  /** Whether the socket is closed (by {@link ZmqReceiver.close} or at the end of the stream). */
  get closed(): boolean {
    return this.socket.closed;
  }

  /**
   * The next chunk; `null` once the stream ended.
   *
   * @throws Error (rejected) when the sender aborted, the ends disagree, or a malformed message came with `onMalformed: 'error'`.
   */
  async receive(): Promise<ZmqChunk<F, C, X> | null> {
    for (;;) {
      const next = this.take();
      if (next !== undefined) return next as ZmqChunk<F, C, X>;
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return null;
      await this.fill();
    }
  }

  /** Iterates the chunks until the end of the stream; breaking out of the loop closes the socket. */
  async *[Symbol.asyncIterator](): AsyncGenerator<ZmqChunk<F, C, X>, void, undefined> {
    try {
      for (;;) {
        const chunk = await this.receive();
        if (chunk === null) return;
        yield chunk;
      }
    } finally {
      this.close();
    }
  }

  /** Closes the socket; a pending {@link ZmqReceiver.receive} resolves `null`. */
  close(): void {
    this.closedByUser = true;
    this.ended = true;
    if (!this.socket.closed) this.socket.close();
  }

  /** @internal The next ready chunk (delivering its tags first), or undefined. */
  take(): Chunk<TypedArray> | undefined {
    if (this.readyHead >= this.ready.length) return undefined;
    const item = this.ready[this.readyHead]!;
    this.ready[this.readyHead++] = undefined as unknown as Ready;
    if (this.readyHead === this.ready.length) {
      this.ready.length = 0;
      this.readyHead = 0;
    }
    const end = item.start + item.frames;
    const onTag = this.config.onTag;
    let n = 0;
    while (n < this.tags.length && this.tags[n]!.offset < end) n++;
    if (n > 0) {
      const due = this.tags.splice(0, n);
      if (onTag !== undefined) for (const tag of due) onTag(tag);
    }
    this.framesOut = end;
    return item.chunk;
  }

  /** @internal Whether the stream ended (no more chunks will be made). */
  get done(): boolean {
    return this.ended || this.failure !== undefined;
  }

  /** @internal The error that ended the stream, if one did. */
  get error(): unknown {
    return this.failure;
  }

  /** @internal Waits for one message and turns it into ready chunks (none for a skipped message). */
  async fill(): Promise<void> {
    if (this.ended) return;
    let parts: Buffer[];
    try {
      parts = await this.socket.receive();
    } catch (error) {
      if (this.closedByUser || this.socket.closed) {
        this.ended = true;
        return;
      }
      if ((error as { code?: unknown }).code === 'EAGAIN' && this.config.idleTimeout !== undefined) {
        this.finish();
        return;
      }
      this.fail(error);
      return;
    }
    try {
      this.handle(parts);
    } catch (error) {
      if (error instanceof MalformedMessageError && this.config.onMalformed === 'count') {
        this.stats.malformed++;
        this.stats.lastMalformed = error.message;
      } else {
        this.fail(error);
      }
    }
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.ended = true;
    if (!this.socket.closed) this.socket.close();
  }

  /** End of stream: hand out the partial chunk, close the socket. */
  private finish(): void {
    if (this.acc !== undefined && this.accFrames > 0) {
      const { channels } = this.config.spec;
      const start = this.framesIn - this.accFrames;
      this.ready.push({ chunk: chunkOf(this.config.spec, this.acc.slice(0, this.accFrames * channels) as TypedArray), start, frames: this.accFrames });
    }
    this.acc = undefined;
    this.accFrames = 0;
    this.ended = true;
    if (!this.socket.closed) this.socket.close();
  }

  private handle(received: Buffer[]): void {
    const { spec } = this.config;
    const what = spec.what;
    let parts = received;
    if (spec.topic !== undefined) {
      if (parts.length < 2) throw new MalformedMessageError(`${what}: a message of ${parts.length} frame came, expected a topic frame first (topic '${spec.topic}')`);
      parts = parts.slice(1);
    }
    if (spec.wire === 'ringflow') return this.handleRingflow(parts);
    if (parts.length !== 1) {
      throw new MalformedMessageError(`${what}: a message of ${parts.length} frames came on the 'gnuradio' wire, which sends one${spec.topic === undefined ? ' (is the sender publishing with a key? pass the same topic)' : ''}`);
    }
    const message = parts[0]!;
    let start = 0;
    let senderOffset: number | undefined;
    let tags: readonly WireTag[] = [];
    if (spec.tags) {
      const header = decodeGnuRadioHeader(message, what);
      start = header.end;
      senderOffset = header.offset;
      tags = header.tags;
    }
    const byteLength = message.length - start;
    if (byteLength % spec.frameBytes !== 0) {
      throw new MalformedMessageError(`${what}: a message of ${byteLength} sample bytes is not a whole number of ${spec.frameBytes}-byte frames (${spec.channels} x ${spec.format.dtype}): do both ends agree on format, channels/vlen and tags?`);
    }
    const frames = byteLength / spec.frameBytes;
    if (senderOffset !== undefined) {
      const expected = this.gnuradioNext;
      if (expected !== undefined && senderOffset > expected) {
        this.stats.gaps++;
        this.stats.lostFrames += senderOffset - expected;
      }
      this.gnuradioNext = senderOffset + frames;
    }
    this.accept(message, start, byteLength, frames, senderOffset ?? 0, tags);
  }

  private handleRingflow(parts: Buffer[]): void {
    const { spec } = this.config;
    const what = spec.what;
    if (parts.length !== 2) throw new MalformedMessageError(`${what}: a ringflow message has 2 frames (header, samples), this one has ${parts.length}`);
    const header = decodeRingflowHeader(parts[0]!, what);
    if (header.version !== RINGFLOW_VERSION) {
      throw new Error(`${what}: the sender speaks ringflow wire version ${header.version}, this receiver reads version ${RINGFLOW_VERSION}: run the same major version of @ringflow/io on both ends`);
    }
    if (header.format.code !== spec.format.code || header.channels !== spec.channels) {
      const theirs = `'${header.format.code}' (${header.format.dtype}) x ${header.channels} channel${header.channels === 1 ? '' : 's'}`;
      const ours = `'${spec.format.code}' (${spec.format.dtype}) x ${spec.channels} channel${spec.channels === 1 ? '' : 's'}`;
      throw new Error(`${what}: the sender sends ${theirs}, this receiver expects ${ours}: pass { format: '${header.format.code}', channels: ${header.channels} } to receive it`);
    }
    const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    if (header.littleEndian !== little) throw new Error(`${what}: the sender's samples are ${header.littleEndian ? 'little' : 'big'}-endian, this host is not: byte-swapping is not supported`);
    const samples = parts[1]!;
    if (header.kind === KIND_ABORT) {
      this.fail(new Error(`${what}: the sender aborted the stream: ${samples.toString('utf8')}`));
      return;
    }
    if (header.kind === KIND_END) {
      this.finish();
      return;
    }
    if (samples.length !== header.frames * spec.frameBytes) {
      throw new MalformedMessageError(`${what}: the header announces ${header.frames} frames (${header.frames * spec.frameBytes} bytes), the samples frame holds ${samples.length} bytes`);
    }
    if (header.sampleRate > 0) this.stats.sampleRate = header.sampleRate;
    const known = this.streams.get(header.streamId);
    if (known === undefined) {
      this.streams.set(header.streamId, { nextSequence: header.sequence + 1, nextFrame: header.firstFrame + header.frames });
    } else {
      if (header.sequence > known.nextSequence) {
        this.stats.gaps++;
        this.stats.lostMessages += header.sequence - known.nextSequence;
        this.stats.lostFrames += Math.max(0, header.firstFrame - known.nextFrame);
      } else if (header.sequence < known.nextSequence) {
        this.stats.outOfOrder++;
      }
      known.nextSequence = header.sequence + 1;
      known.nextFrame = header.firstFrame + header.frames;
    }
    this.accept(samples, 0, samples.length, header.frames, header.firstFrame, header.tags, header.chunkFrames);
  }

  /** Takes in one message's samples: tags re-based to local offsets, chunks made ready. */
  private accept(message: Uint8Array, start: number, byteLength: number, frames: number, senderFirst: number, tags: readonly WireTag[], chunkFrames?: readonly number[]): void {
    const { spec, chunkSize } = this.config;
    const local = this.framesIn;
    this.stats.messages++;
    this.stats.frames += frames;
    this.stats.bytes += byteLength;
    if (tags.length > 0) {
      this.stats.tags += tags.length;
      const rebased = tags.map((t): ZmqTag => ({ offset: Math.max(this.framesOut, local + (t.offset - senderFirst)), key: t.key, value: t.value, srcid: t.srcid }));
      rebased.sort((a, b) => a.offset - b.offset);
      this.tags.push(...rebased);
      if (this.tags.length > rebased.length) this.tags.sort((a, b) => a.offset - b.offset);
    }
    this.framesIn += frames;
    if (frames === 0) return;
    const samples = samplesOf(spec, message, start, byteLength);
    const ch = spec.channels;
    this.stats.chunks += chunkFrames?.length ?? 1;
    if (chunkSize === undefined) {
      if (chunkFrames === undefined || chunkFrames.length === 1) {
        this.ready.push({ chunk: chunkOf(spec, samples), start: local, frames });
        return;
      }
      // The sender joined several chunks into this message: hand them out as they were sent.
      let at = 0;
      for (const n of chunkFrames) {
        this.ready.push({ chunk: chunkOf(spec, samples.subarray(at * ch, (at + n) * ch) as TypedArray), start: local + at, frames: n });
        at += n;
      }
      return;
    }
    let pos = 0;
    if (this.acc !== undefined) {
      const take = Math.min(chunkSize - this.accFrames, frames);
      (this.acc as Float64Array).set((samples as Float64Array).subarray(0, take * ch), this.accFrames * ch);
      this.accFrames += take;
      pos = take;
      if (this.accFrames === chunkSize) {
        this.ready.push({ chunk: chunkOf(spec, this.acc), start: local + pos - chunkSize, frames: chunkSize });
        this.acc = undefined;
        this.accFrames = 0;
      }
    }
    while (frames - pos >= chunkSize) {
      this.ready.push({ chunk: chunkOf(spec, samples.subarray(pos * ch, (pos + chunkSize) * ch) as TypedArray), start: local + pos, frames: chunkSize });
      pos += chunkSize;
    }
    if (pos < frames) {
      this.acc = new spec.format.ArrayType(chunkSize * ch);
      (this.acc as Float64Array).set((samples as Float64Array).subarray(pos * ch, frames * ch));
      this.accFrames = frames - pos;
    }
  }
}

/** @internal Fresh receiver counters. */
export function newReceiverStats(): ZmqReceiverStats {
  return { messages: 0, chunks: 0, frames: 0, bytes: 0, tags: 0, malformed: 0, lastMalformed: undefined, gaps: 0, lostMessages: 0, lostFrames: 0, outOfOrder: 0, sampleRate: undefined };
}

/** @internal Validates a receiver's endpoint and options, synchronously. */
export function receiverSpec(what: string, endpoint: unknown, options: ZmqReceiverOptions<FormatName> | undefined): ReceiverConfig {
  const ep = checkEndpoint(what, endpoint);
  const opts = optionsObject(what, options);
  const spec = streamSpec(what, opts, 'connect');
  const chunkSize = opts.chunkSize === undefined ? undefined : positiveInteger(what, 'chunkSize', opts.chunkSize);
  const idleTimeout = opts.idleTimeout === undefined ? undefined : Math.max(1, milliseconds(what, 'idleTimeout', opts.idleTimeout));
  const onMalformed = opts.onMalformed ?? 'count';
  if (onMalformed !== 'count' && onMalformed !== 'error') throw new TypeError(`${what}: onMalformed must be 'count' or 'error', got ${describeValue(onMalformed)}`);
  if (opts.onTag !== undefined && typeof opts.onTag !== 'function') throw new TypeError(`${what}: onTag must be a function, got ${describeValue(opts.onTag)}`);
  return { spec, endpoint: ep, chunkSize, idleTimeout, onMalformed, onTag: opts.onTag };
}

/** @internal Opens the socket for a validated config. */
export async function openReceiver<F extends FormatName, C extends number = 1, X extends boolean = false>(config: ReceiverConfig): Promise<ZmqReceiver<F, C, X>> {
  const { spec, endpoint } = config;
  const zmq = await loadZeromq();
  const options = { receiveHighWaterMark: spec.highWaterMark, linger: 0, receiveTimeout: config.idleTimeout ?? -1 };
  const socket = spec.pattern === 'push-pull' ? new zmq.Pull(options) : new zmq.Subscriber(options);
  if (socket instanceof zmq.Subscriber) socket.subscribe(spec.topic ?? '');
  const resolved = await attachSocket(socket, spec, endpoint);
  const receiver = new ZmqReceiver<F, C, X>(socket as unknown as ReceiveSocket, config, resolved);
  spec.onReady?.(resolved);
  return receiver;
}

/**
 * Opens the receiving end of a ZeroMQ edge: a PULL (or SUB) socket, connected or bound, that reads
 * the `'ringflow'` or `'gnuradio'` wire.
 *
 * @remarks
 * Loads the optional peer dependency `zeromq` on first use. Connecting resolves at once (ZeroMQ
 * connects and reconnects in the background); binding once the socket listens. GNU Radio chooses
 * its own message sizes: pass `chunkSize` to get fixed-size chunks. Use {@link fromZmq} for an
 * Observable; this class suits `for await` loops and code that needs the stream's sample rate
 * (`stats.sampleRate`, known once the first chunk arrived) before it sets up the rest.
 *
 * @param endpoint - A ZeroMQ endpoint such as `tcp://127.0.0.1:5555` or `ipc:///tmp/x.ipc`.
 * @param options - Stream and socket options ({@link ZmqReceiverOptions}).
 * @returns The open receiver.
 * @throws TypeError/RangeError (rejected) for bad options; Error when `zeromq` is missing or the endpoint cannot be bound.
 *
 * @example
 * ```ts
 * import { openZmqReceiver } from '@ringflow/io/zmq';
 * const receiver = await openZmqReceiver('tcp://127.0.0.1:5555', { chunkSize: 1024, idleTimeout: 5000 });
 * for await (const chunk of receiver) {
 *   console.log(chunk, receiver.stats.sampleRate);
 * }
 * ```
 */
export async function openZmqReceiver<F extends FormatName = 'f', C extends number = 1, X extends boolean = false>(
  endpoint: string,
  options?: ZmqReceiverOptions<F> & ZmqShapeOptions<C, X>,
): Promise<ZmqReceiver<F, C, X>> {
  return openReceiver<F, C, X>(receiverSpec('openZmqReceiver', endpoint, options as ZmqReceiverOptions<FormatName> | undefined));
}
