import type { Endpoint } from 'comlink';
import nodeAdapter from 'comlink/dist/esm/node-adapter.mjs';

/** The subset of a Node `Worker` / `MessagePort` (`worker_threads`) that Comlink needs. */
export interface NodeMessageSource {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(type: 'message', listener: (data: unknown) => void): unknown;
  off(type: 'message', listener: (data: unknown) => void): unknown;
  start?: () => void;
}

/**
 * Turns a Node `Worker` or `parentPort` into the browser-style `Endpoint` Comlink speaks: the only
 * place that knows about Comlink's untyped Node adapter.
 */
export function nodeEndpoint(source: NodeMessageSource): Endpoint {
  return nodeAdapter(source);
}
