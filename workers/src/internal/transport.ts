import type { Transport } from '../types.js';

let warned = false;

/** Whether SharedArrayBuffer rings can be used here (and, in a browser, shared with workers). */
export function sharedMemoryUsable(): boolean {
  if (typeof SharedArrayBuffer === 'undefined') return false;
  const isolated = (globalThis as { crossOriginIsolated?: unknown }).crossOriginIsolated;
  return typeof isolated === 'boolean' ? isolated : true;
}

/** Picks the concrete transport; `'auto'` falls back to messages with a one-time warning. */
export function resolveTransport(transport: Transport | undefined): 'ring' | 'message' {
  const choice = transport ?? 'auto';
  if (choice === 'ring' || choice === 'message') return choice;
  if (choice !== 'auto') throw new TypeError(`transport must be 'ring', 'message' or 'auto', got ${String(choice)}`);
  if (sharedMemoryUsable()) return 'ring';
  if (!warned) {
    warned = true;
    console.warn(
      '@ringflow/workers: SharedArrayBuffer is not usable here, so chunks go by postMessage (slower). ' +
        'Serve the page cross-origin isolated to enable the ring fast path: ' +
        "'Cross-Origin-Opener-Policy: same-origin' and 'Cross-Origin-Embedder-Policy: require-corp'.",
    );
  }
  return 'message';
}
