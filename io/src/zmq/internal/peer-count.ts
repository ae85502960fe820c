/** What peer counting needs of a zeromq.js socket: its event observer. */
interface Observed {
  readonly events: {
    on(type: 'handshake' | 'disconnect', listener: () => void): unknown;
  };
}

/**
 * Counts the peers a socket is connected to, from ZeroMQ's socket events: +1 when a ZMTP
 * handshake with a peer succeeded, -1 when a peer disconnected. The observer closes with the socket.
 */
export class PeerCount {
  count = 0;

  constructor(socket: Observed) {
    socket.events.on('handshake', () => void this.count++);
    socket.events.on('disconnect', () => {
      if (this.count > 0) this.count--;
    });
  }
}
