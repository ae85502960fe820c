/** SciPy's signal extensions (`scipy.signal._arraytools`): what `stft`'s `boundary` and `filtfilt`'s `padtype` add at both ends. */
export type ExtensionType = 'even' | 'odd' | 'constant' | 'zeros';

/**
 * Extends `x` by `n` samples at both ends, as SciPy's `even_ext` (mirror without repeating the
 * end sample), `odd_ext` (point-symmetric about the end sample), `const_ext` (repeat the end
 * sample) or `zero_ext` (zeros). Allocates the result; `n < 1` returns `x` itself.
 *
 * @throws RangeError naming `fn` when an even/odd extension is longer than `x.length - 1`, as SciPy.
 */
export function extendSignal(fn: string, x: Float64Array, n: number, type: ExtensionType): Float64Array {
  if (n < 1) return x;
  const len = x.length;
  if ((type === 'even' || type === 'odd') && n > len - 1) {
    throw new RangeError(`${fn}: the extension length n (${n}) is too big. It must not exceed x.shape[axis]-1, which is ${len - 1}.`);
  }
  const out = new Float64Array(len + 2 * n);
  out.set(x, n);
  if (type === 'zeros' || len === 0) return out;
  const first = x[0]!;
  const last = x[len - 1]!;
  for (let i = 0; i < n; i++) {
    // left: out[n - 1 - i] mirrors x[i + 1]; right: out[n + len + i] mirrors x[len - 2 - i]
    if (type === 'constant') {
      out[n - 1 - i] = first;
      out[n + len + i] = last;
    } else if (type === 'even') {
      out[n - 1 - i] = x[i + 1]!;
      out[n + len + i] = x[len - 2 - i]!;
    } else {
      out[n - 1 - i] = 2 * first - x[i + 1]!;
      out[n + len + i] = 2 * last - x[len - 2 - i]!;
    }
  }
  return out;
}
