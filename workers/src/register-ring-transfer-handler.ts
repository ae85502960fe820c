import { RingBuffer, type RingHandle } from '@ringflow/core';
import { transferHandlers, type TransferHandler } from 'comlink';

/** Name under which the handler is registered in Comlink's `transferHandlers`. */
const HANDLER_NAME = 'ringflow.RingBuffer';

const ringTransferHandler: TransferHandler<RingBuffer, RingHandle> = {
  canHandle: (value: unknown): value is RingBuffer => value instanceof RingBuffer,
  serialize: (ring: RingBuffer) => [ring.handle, []],
  deserialize: (handle: RingHandle): RingBuffer => RingBuffer.attach(handle),
};

/**
 * Registers a Comlink transfer handler so a `RingBuffer` passed through Comlink (as an argument or
 * a return value) arrives attached on the other side.
 *
 * @remarks
 * Only the ring's handle (its SharedArrayBuffer and format) crosses; the receiver gets a new
 * `RingBuffer` object over the same memory, via `RingBuffer.attach`. Register it on both sides
 * (`exposeStage` does so in stage workers). Idempotent; any thread.
 *
 * @example
 * ```ts
 * import * as Comlink from 'comlink';
 * import { RingBuffer } from '@ringflow/core';
 * import { registerRingTransferHandler } from '@ringflow/workers';
 *
 * registerRingTransferHandler();
 * const { port1, port2 } = new MessageChannel();
 * Comlink.expose({ fill: (ring: RingBuffer) => ring.push(new Float32Array([1, 2, 3])) }, port1);
 * const remote = Comlink.wrap<{ fill(ring: RingBuffer): null }>(port2);
 * const ring = new RingBuffer({ format: 'f', capacity: 8 });
 * await remote.fill(ring);
 * ring.readAvailable; // 3
 * ```
 */
export function registerRingTransferHandler(): void {
  if (!transferHandlers.has(HANDLER_NAME)) {
    transferHandlers.set(HANDLER_NAME, ringTransferHandler as TransferHandler<unknown, unknown>);
  }
}
