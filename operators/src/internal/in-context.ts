/**
 * Runs `f`; a TypeError or RangeError it throws is re-thrown with the message prefixed by `fn: `
 * (replacing the name of an inner helper such as `getWindow: `), so that errors name the function
 * the user called. No RxJS: usable from kernels.
 */
export function inContext<R>(fn: string, f: () => R): R {
  try {
    return f();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      const message = error.message.replace(/^[A-Za-z]\w*: /, '');
      const Type = error instanceof RangeError ? RangeError : TypeError;
      throw new Type(`${fn}: ${message}`, { cause: error });
    }
    throw error;
  }
}
