import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadZeromq, ZEROMQ_VERSION } from '../../../src/zmq/internal/load-zeromq.js';

describe('loadZeromq', () => {
  it(`loads the pinned zeromq ${ZEROMQ_VERSION} on this platform and moves a message through a socket pair`, async () => {
    // On Debian 12 the Node 20 prebuilt binary needs a newer glibc; zeromq falls back to its bundled
    // Node 22 (N-API) build, which works. If a zeromq update or a new platform breaks that, this fails.
    const zmq = await loadZeromq();
    const require = createRequire(import.meta.url);
    const installed = (require('zeromq/package.json') as { version: string }).version;
    expect(installed).toBe(ZEROMQ_VERSION);
    const addons = Object.keys(require.cache).filter((path) => path.endsWith('addon.node'));
    expect(addons).toHaveLength(1);
    if (process.platform === 'linux' && process.arch === 'x64') {
      // Today: build/linux/x64/node/glibc-127-Release (the Node 22 N-API build) on Debian 12's glibc 2.36.
      expect(addons[0]).toMatch(/zeromq\/build\/linux\/x64\/node\/glibc-\d+-Release\/addon\.node$/);
    }
    expect(zmq.version).toMatch(/^4\.\d+\.\d+$/); // the bundled libzmq
    const push = new zmq.Push({ linger: 0 });
    const pull = new zmq.Pull({ linger: 0 });
    try {
      await push.bind('tcp://127.0.0.1:*');
      pull.connect(push.lastEndpoint!);
      await push.send([Buffer.from('ringflow'), Buffer.alloc(4096, 7)]);
      const [a, b] = await pull.receive();
      expect(a!.toString()).toBe('ringflow');
      expect(b!.length).toBe(4096);
      expect(b!.every((v) => v === 7)).toBe(true);
    } finally {
      push.close();
      pull.close();
    }
  });

  it('returns the same module on every call', async () => {
    expect(await loadZeromq()).toBe(await loadZeromq());
  });

  it('names the package and the install command when it is missing', async () => {
    await expect(loadZeromq('zeromq-not-installed-here')).rejects.toThrow(
      `@ringflow/io/zmq needs the optional peer dependency 'zeromq-not-installed-here', which is not installed: run \`npm install zeromq-not-installed-here@${ZEROMQ_VERSION}\``,
    );
  });

  it('says what is wrong when the package loads but is not zeromq 6', async () => {
    await expect(loadZeromq('rxjs')).rejects.toThrow(/does not look like zeromq 6/);
  });
});
