/**
 * The platform of browsers (and any host without Node's `worker_threads`): module Web Workers.
 */
import type { Endpoint } from 'comlink';
import type { Platform, SpawnOptions, SpawnedThread } from './platform.js';

/** A browser `Worker`, as far as we use it (no DOM lib). */
interface BrowserWorker extends Endpoint {
  terminate(): void;
}
type BrowserWorkerConstructor = new (url: string | URL, options: { type: 'module'; name?: string }) => BrowserWorker;

function spawn(url: URL, options: SpawnOptions): SpawnedThread {
  const Ctor = (globalThis as { Worker?: BrowserWorkerConstructor }).Worker;
  if (Ctor === undefined) throw new TypeError('offload: this platform has neither worker_threads nor Web Workers');
  const thread = new Ctor(url, { type: 'module', name: options.name });
  return {
    endpoint: thread,
    onMessage: (listener) => thread.addEventListener('message', (event: unknown) => listener((event as { data?: unknown }).data)),
    onError: (listener) =>
      thread.addEventListener('error', (event: unknown) => {
        const e = event as { message?: string; filename?: string; lineno?: number; error?: unknown };
        listener(e.error instanceof Error ? e.error : new Error(`${e.message ?? 'the stage worker failed'} (${e.filename ?? url.href}:${e.lineno ?? 0})`));
      }),
    onExit: () => undefined,
    terminate: async () => thread.terminate(),
  };
}

let channel: { port1: { onmessage: (() => void) | null }; port2: { postMessage(m: unknown): void } } | undefined;
const resolvers: (() => void)[] = [];

/** A macrotask without the 4 ms clamp of nested timers: a message to ourselves. */
function yieldToEventLoop(): Promise<void> {
  const Channel = (globalThis as unknown as { MessageChannel?: new () => NonNullable<typeof channel> }).MessageChannel;
  if (Channel === undefined) return new Promise((resolve) => setTimeout(resolve, 0));
  if (channel === undefined) {
    channel = new Channel();
    channel.port1.onmessage = () => resolvers.shift()?.();
  }
  return new Promise((resolve) => {
    resolvers.push(resolve);
    channel!.port2.postMessage(0);
  });
}

export const platform: Platform = {
  spawn,
  parentEndpoint: () => globalThis as unknown as Endpoint,
  resolvePath: (path) => new URL(path, (globalThis as { location?: { href: string } }).location?.href),
  yieldToEventLoop,
};
