/**
 * `@ringflow/io/zmq`: ZeroMQ edges (PUSH/PULL, PUB/SUB) that speak GNU Radio's wire format and
 * ringflow's own. Loads the optional peer dependency `zeromq` only here.
 *
 * @packageDocumentation
 * @module @ringflow/io/zmq
 */
export { fromZmq } from './from-zmq.js';
export type { FromZmqObservable, FromZmqOptions } from './from-zmq.js';
export { toZmq } from './to-zmq.js';
export type { ToZmqOperator, ToZmqOptions, ToZmqStats, ZmqOverflowPolicy } from './to-zmq.js';
export { openZmqSender, ZmqSender } from './zmq-sender.js';
export type { ZmqSenderOptions, ZmqSenderStats } from './zmq-sender.js';
export { openZmqReceiver, ZmqReceiver } from './zmq-receiver.js';
export type { MalformedPolicy, ZmqReceiverOptions, ZmqReceiverStats } from './zmq-receiver.js';
export { pmt } from './pmt.js';
export type { PmtComplex, PmtComplexVector, PmtDouble, PmtLong, PmtPair, PmtUint64, PmtValue, PmtVector } from './pmt.js';
export type { ZmqChunk, ZmqInput, ZmqShapeOptions, ZmqMode, ZmqPattern, ZmqStreamOptions, ZmqTag, ZmqWire } from './types.js';
