/**
 * What differs between Node and browsers, behind one interface: the rest of the package never
 * sees `node:*` modules. `#platform` (package.json `imports`) resolves to `./node.js` under the
 * `node` condition and to `./browser.js` everywhere else, as comlink normalises its Node adapter
 * at the edge.
 */
import type { Endpoint } from 'comlink';

/** A started worker thread, as the stage worker handle uses it. */
export interface SpawnedThread {
  /** The Comlink endpoint of the thread. */
  readonly endpoint: Endpoint;
  /** Every message the thread posts (the ready message among them). */
  onMessage(listener: (data: unknown) => void): void;
  /** An uncaught error in the thread, or a failure to load its module. */
  onError(listener: (error: Error) => void): void;
  /** The thread exited on its own (Node only). */
  onExit(listener: (code: number) => void): void;
  /** Ends the thread; resolves once it is gone. */
  terminate(): Promise<void>;
}

/** Options of `spawn`. */
export interface SpawnOptions {
  /** Extra Node CLI options (Node only). */
  readonly execArgv?: readonly string[] | undefined;
  /** A name for debuggers. */
  readonly name: string;
}

export interface Platform {
  /** Starts a worker that loads the stage module at `url`. */
  spawn(url: URL, options: SpawnOptions): SpawnedThread;
  /** In a stage worker: the endpoint to the thread that started it. */
  parentEndpoint(): Endpoint;
  /** A location that is neither a URL nor a URL string: a file path (Node) or a page-relative URL. */
  resolvePath(path: string): URL;
  /** Lets the event loop run once (a macrotask), so that messages and timers are served. */
  yieldToEventLoop(): Promise<void>;
}
