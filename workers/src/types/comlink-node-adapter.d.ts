// Comlink ships its Node adapter without types for the `.mjs` path and without an `exports` map.
// This declaration is used by exactly one file of ours: internal/platform/node.ts.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** The subset of a Node `Worker` / `MessagePort` that Comlink's adapter uses. */
  interface NodeEndpointSource {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: 'message', listener: (data: unknown) => void): unknown;
    off(type: 'message', listener: (data: unknown) => void): unknown;
    start?: () => void;
  }

  const nodeEndpoint: (source: NodeEndpointSource) => Endpoint;
  export default nodeEndpoint;
}
