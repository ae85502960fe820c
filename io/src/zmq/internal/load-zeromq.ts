import type * as Zeromq from 'zeromq';

/** The zeromq module (npm `zeromq` 6.x), as this entry uses it. */
export type ZeromqModule = typeof Zeromq;

/** The version of `zeromq` this package is tested with (its optional peer dependency). */
export const ZEROMQ_VERSION = '6.8.0';

let loaded: Promise<ZeromqModule> | undefined;

/**
 * Loads the optional peer dependency `zeromq` on first use (a dynamic import, so that nothing else
 * in `@ringflow/io` needs it), with an error that names the package and the install command when it
 * is missing or its native addon does not load.
 */
export function loadZeromq(specifier = 'zeromq'): Promise<ZeromqModule> {
  if (specifier !== 'zeromq') return importZeromq(specifier);
  loaded ??= importZeromq(specifier).catch((error: unknown) => {
    loaded = undefined; // installing it and retrying in the same process works
    throw error;
  });
  return loaded;
}

async function importZeromq(specifier: string): Promise<ZeromqModule> {
  let mod: ZeromqModule & { default?: ZeromqModule };
  try {
    mod = (await import(specifier)) as ZeromqModule & { default?: ZeromqModule };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = (error as Error).message ?? String(error);
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(specifier)) {
      throw new Error(
        `@ringflow/io/zmq needs the optional peer dependency '${specifier}', which is not installed: run \`npm install ${specifier}@${ZEROMQ_VERSION}\``,
        { cause: error },
      );
    }
    throw new Error(
      `@ringflow/io/zmq: the '${specifier}' package is installed but did not load (${message}); its native addon needs a prebuilt binary for this platform: reinstall it with \`npm install ${specifier}@${ZEROMQ_VERSION}\``,
      { cause: error },
    );
  }
  // CommonJS through import(): the named exports, or everything under default.
  const zmq = typeof mod.Push === 'function' ? mod : mod.default;
  if (zmq === undefined || typeof zmq.Push !== 'function') {
    throw new Error(`@ringflow/io/zmq: '${specifier}' does not look like zeromq 6 (no Push socket class): install \`npm install zeromq@${ZEROMQ_VERSION}\``);
  }
  return zmq;
}
