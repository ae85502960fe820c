import type { ArrayOf, Chunk, FormatName, MultichannelChunk } from '@ringflow/core';
import type { PmtValue } from './pmt.js';

/**
 * A stream tag, as GNU Radio's `gr::tag_t`: a key/value pair attached to one frame of the stream.
 *
 * @remarks
 * `offset` counts frames (GNU Radio's items) from the start of the stream on the side that reports
 * it: for {@link toZmq} frames sent since the subscription started, for {@link fromZmq} frames
 * received (emitted) since the subscription started, as GNU Radio's ZeroMQ sources re-base tags to
 * their own item count. A frame is one sample per channel (one `gr_complex` for complex streams,
 * one vector of `vlen` items for GNU Radio vector streams).
 */
export interface ZmqTag {
  /** Frame index the tag is attached to (an integer >= 0). */
  readonly offset: number;
  /** The key: a PMT symbol, such as `'rx_freq'`. */
  readonly key: string;
  /** The value: any {@link PmtValue}. */
  readonly value: PmtValue;
  /** Where the tag came from (GNU Radio's `srcid`; default `false`, which is GNU Radio's `PMT_F`). */
  readonly srcid?: PmtValue;
}

/** What a ZeroMQ edge puts on the wire: GNU Radio's raw samples (with its tag header), or ringflow's self-describing messages. */
export type ZmqWire = 'gnuradio' | 'ringflow';

/** The ZeroMQ messaging pattern: `'push-pull'` is lossless (a full queue waits), `'pub-sub'` is a tap (a slow subscriber loses messages, counted as gaps). */
export type ZmqPattern = 'push-pull' | 'pub-sub';

/** Whether a socket binds its endpoint (listens) or connects to it. */
export type ZmqMode = 'bind' | 'connect';

/** Options common to {@link toZmq} and {@link fromZmq}: what the stream holds and how the socket is set up. */
export interface ZmqStreamOptions<F extends FormatName = FormatName> {
  /** `'push-pull'` (default) or `'pub-sub'`. */
  readonly pattern?: ZmqPattern;
  /**
   * `'bind'` or `'connect'`. Default: senders bind and receivers connect, as GNU Radio 3.10's ZeroMQ
   * sinks and sources do. Either side may bind; exactly one side of a pair should.
   */
  readonly mode?: ZmqMode;
  /** `'ringflow'` (default) or `'gnuradio'`. */
  readonly wire?: ZmqWire;
  /** Sample format: a struct code or dtype name as `resolveFormat` accepts (default `'f'`, float32). */
  readonly format?: F;
  /** Channels per frame (default 1, or 2 with `complex`). GNU Radio's `vlen` for vector streams. */
  readonly channels?: number;
  /**
   * Complex samples (GNU Radio's `gr_complex`): interleaved (re, im) float pairs, carried as a
   * 2-channel stream (`channels: 2`; format `'f'` or `'d'`). Chunks are `[frames, 2]`
   * multichannel chunks; {@link toZmq} also takes 1-D arrays of interleaved pairs.
   */
  readonly complex?: boolean;
  /**
   * `'gnuradio'` wire only: every message starts with GNU Radio's tag header (its ZeroMQ blocks'
   * `pass_tags`). Both ends must agree. The `'ringflow'` wire always carries tags.
   */
  readonly tags?: boolean;
  /**
   * `'pub-sub'` only: a topic frame sent before every message (GNU Radio's `key`), and the prefix a
   * subscriber subscribes to. Default: no topic frame, subscribe to everything.
   */
  readonly topic?: string;
  /**
   * ZeroMQ high-water mark in messages (default 1000): how many messages ZeroMQ queues per peer
   * before a PUSH send waits (or a PUB drops).
   */
  readonly highWaterMark?: number;
  /** Called once the socket is bound or connecting, with the resolved endpoint (the port chosen for `tcp://host:*` or `:0`). */
  readonly onReady?: (endpoint: string) => void;
}

/**
 * The chunks a ZeroMQ edge carries, as precisely as its options tell (format `F`, `channels: C`,
 * `complex: X`): 1-D arrays for one channel (the default), `[frames, channels]` multichannel
 * chunks for several or for `complex`, either when the channel count is not known at compile time.
 *
 * @example
 * ```ts
 * import type { ZmqChunk } from '@ringflow/io/zmq';
 * type Mono = ZmqChunk;                   // Float32Array
 * type Iq = ZmqChunk<'f', 1, true>;       // MultichannelChunk<Float32Array>
 * type Stereo = ZmqChunk<'h', 2>;         // MultichannelChunk<Int16Array>
 * ```
 */
export type ZmqChunk<F extends FormatName = 'f', C extends number = 1, X extends boolean = false> = boolean extends X
  ? Chunk<ArrayOf<F>>
  : X extends true
    ? MultichannelChunk<ArrayOf<F>>
    : number extends C
      ? Chunk<ArrayOf<F>>
      : C extends 1
        ? ArrayOf<F>
        : MultichannelChunk<ArrayOf<F>>;

/** What a sender takes: {@link ZmqChunk}, and for complex streams also 1-D arrays of interleaved (re, im) pairs. */
export type ZmqInput<F extends FormatName = 'f', C extends number = 1, X extends boolean = false> = X extends true ? ZmqChunk<F, C, X> | ArrayOf<F> : ZmqChunk<F, C, X>;

/** The part of the options that decides the chunk type: `channels` and `complex` as literal types. */
export interface ZmqShapeOptions<C extends number, X extends boolean> {
  readonly channels?: C;
  readonly complex?: X;
}
