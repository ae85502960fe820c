import type { StreamSpec } from './stream-spec.js';

/** What binding or connecting needs of a zeromq.js socket. */
interface Attachable {
  bind(endpoint: string): Promise<void>;
  connect(endpoint: string): void;
  close(): void;
  readonly lastEndpoint: string | null;
}

/**
 * Binds or connects a fresh socket as the stream's `mode` says; resolves with the endpoint as
 * bound (the port ZeroMQ chose for `tcp://host:*`). On failure the socket is closed and the error
 * names the call, the mode and the endpoint.
 */
export async function attachSocket(socket: Attachable, spec: StreamSpec, endpoint: string): Promise<string> {
  try {
    if (spec.mode === 'connect') {
      socket.connect(endpoint);
      return endpoint;
    }
    await socket.bind(endpoint);
    return socket.lastEndpoint ?? endpoint;
  } catch (error) {
    socket.close();
    throw new Error(`${spec.what}: cannot ${spec.mode} ${endpoint}: ${(error as Error).message}`, { cause: error });
  }
}
