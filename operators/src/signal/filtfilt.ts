import { lfilterZi } from '../design/lfilter-zi.js';
import { createLfilterState, primeLfilter, processLfilter, type LfilterState } from '../kernels/lfilter.js';
import { describeValue } from '../internal/chunks.js';
import { extend, padEdge, type Padtype } from '../internal/edge-padding.js';
import { withContext } from '../internal/float-chunks.js';
import { lstsq } from '../internal/linalg.js';
import { signalOptions } from '../internal/options.js';
import { mapLanes, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';

export type { Padtype } from '../internal/edge-padding.js';

/** Options of {@link filtfilt}. */
export interface FiltfiltOptions {
  /** Axis to filter along (default 0: along frames for `[frames, channels]` input). */
  readonly axis?: number;
  /** Edge extension: `'odd'` (default), `'even'`, `'constant'` or `null` (none). */
  readonly padtype?: Padtype;
  /** Extension length (default `3 * max(len(a), len(b))`); must be below the signal length. */
  readonly padlen?: number;
  /** `'pad'` (default: extend the edges) or `'gust'` (Gustafsson's initial conditions, no padding). */
  readonly method?: 'pad' | 'gust';
  /** For `'gust'`: the impulse response length to consider (default: the whole signal). */
  readonly irlen?: number;
}

/** Runs the filter over `x` from the steady state for `x[0]` (`lfilter(b, a, x, zi=zi * x[0])`). */
function forward(proto: LfilterState, x: Float64Array, out: Float64Array, withZi: boolean): void {
  const state = createLfilterState(proto.b, proto.a);
  if (withZi && proto.order > 0) primeLfilter(state, [x[0]!]);
  processLfilter(state, x, out);
}

function reversed(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0, j = x.length - 1; i < x.length; i++, j--) out[i] = x[j]!;
  return out;
}

/**
 * Applies a filter forward and backward (zero phase), as `scipy.signal.filtfilt(b, a, x, axis,
 * padtype, padlen, method, irlen)`.
 *
 * @remarks
 * The result has zero phase and the filter's magnitude response squared. `method: 'pad'` (default)
 * extends both edges by `padlen` samples (`'odd'` extension by default), starts each pass from the
 * steady state (`lfilterZi` times the first sample), then removes the extension; the signal must be
 * longer than `padlen` (default `3 * max(len(a), len(b))`; `padlen: x.length - 1` is the limit).
 * `method: 'gust'` uses Gustafsson's method (initial conditions chosen so that forward-backward
 * equals backward-forward; no padding). Uses the `lfilter` kernel. Input 1-D or `[frames, channels]`
 * (along `axis`, default frames); float32 kept.
 *
 * @param b - numerator coefficients
 * @param a - denominator coefficients
 * @param x - the signal
 * @param options - `axis`, `padtype`, `padlen`, `method`, `irlen`
 * @returns the filtered signal, same layout and length
 * @throws RangeError (naming `filtfilt`) when the signal is not longer than `padlen`
 * @example
 * ```ts
 * import { butter, filtfilt } from '@ringflow/operators/signal';
 * const { b, a } = butter(3, 0.05, { output: 'ba' });
 * const x = Float64Array.from({ length: 500 }, (_, i) => Math.sin(i / 20) + 0.2 * Math.sin(i * 2));
 * const y = filtfilt(b, a, x);
 * const y2 = filtfilt(b, a, x, { method: 'gust' });
 * ```
 */
export function filtfilt<X extends SignalInput>(b: ArrayLike<number>, a: ArrayLike<number>, x: X, options?: FiltfiltOptions): SignalOutput<X> {
  const opts = signalOptions('filtfilt', options, ['axis', 'padtype', 'padlen', 'method', 'irlen']);
  const method = opts.method ?? 'pad';
  if (method !== 'pad' && method !== 'gust') throw new TypeError(`filtfilt: method must be 'pad' or 'gust', got ${describeValue(method)}`);
  const proto = withContext('filtfilt', () => createLfilterState(b, a));
  const sig = readSignal('filtfilt', x, opts.axis ?? 0);
  if (method === 'gust') {
    const irlen = opts.irlen;
    if (irlen !== undefined && irlen !== null && (typeof irlen !== 'number' || !Number.isSafeInteger(irlen) || irlen < 1)) {
      throw new RangeError(`filtfilt: irlen must be a positive whole number, got ${describeValue(irlen)}`);
    }
    return mapLanes<X>(sig, sig.length, (lane) => gust(proto, lane, irlen ?? undefined));
  }
  const ntaps = Math.max(coefficientCount(a), coefficientCount(b));
  const { edge, padtype } = padEdge('filtfilt', opts.padtype === undefined ? 'odd' : opts.padtype, opts.padlen, sig.length, ntaps);
  if (proto.order > 0) withContext('filtfilt', () => lfilterZi(proto.b, proto.a));
  return mapLanes<X>(sig, sig.length, (lane) => {
    const ext = extend(lane, edge, padtype);
    const y = new Float64Array(ext.length);
    forward(proto, ext, y, true);
    const back = reversed(y);
    forward(proto, back, y, true);
    const out = reversed(y);
    return edge > 0 ? out.slice(edge, out.length - edge) : out;
  });
}

function coefficientCount(v: ArrayLike<number>): number {
  return typeof v === 'number' ? 1 : v.length;
}

/** Gustafsson's method for one lane (a port of SciPy's `_filtfilt_gust`). */
function gust(proto: LfilterState, x: Float64Array, irlen: number | undefined): Float64Array {
  const order = proto.order;
  const n = x.length;
  const run = (input: Float64Array, zi?: ArrayLike<number>): Float64Array => {
    const state = createLfilterState(proto.b, proto.a);
    if (zi !== undefined) state.memory.set(zi);
    const out = new Float64Array(input.length);
    processLfilter(state, input, out);
    return out;
  };
  if (order === 0) return x.map((v) => v * proto.b[0]! * proto.b[0]!);
  const m = irlen === undefined || n <= 2 * irlen ? n : irlen;
  // Obs: responses to unit initial states, column k delayed by k
  const unit = new Float64Array(order);
  unit[0] = 1;
  const obs0 = run(new Float64Array(m), unit);
  const Obs = (i: number, k: number): number => (i >= k ? obs0[i - k]! : 0);
  // S = lfilter(b, a, Obs[::-1], axis=0): filter each reversed column
  const S: Float64Array[] = [];
  for (let k = 0; k < order; k++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = Obs(m - 1 - i, k);
    S.push(run(col));
  }
  const Sr = (i: number, k: number): number => S[k]![m - 1 - i]!;
  const Sv = (i: number, k: number): number => S[k]![i]!;
  const Obsr = (i: number, k: number): number => Obs(m - 1 - i, k);
  const rows = m === n ? m : 2 * m;
  const M: number[][] = [];
  const W: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const mRow = new Array<number>(2 * order).fill(0);
    const wRow = new Array<number>(2 * order).fill(0);
    for (let k = 0; k < order; k++) {
      if (m === n) {
        mRow[k] = Sr(i, k) - Obs(i, k);
        mRow[order + k] = Obsr(i, k) - Sv(i, k);
        wRow[k] = Sr(i, k);
        wRow[order + k] = Obsr(i, k);
      } else if (i < m) {
        mRow[k] = Sr(i, k) - Obs(i, k);
        wRow[k] = Sr(i, k);
      } else {
        mRow[order + k] = Obsr(i - m, k) - Sv(i - m, k);
        wRow[order + k] = Obsr(i - m, k);
      }
    }
    M.push(mRow);
    W.push(wRow);
  }
  const yf = run(x);
  const yfb = reversed(run(reversed(yf)));
  const yb = reversed(run(reversed(x)));
  const ybf = run(yb);
  const delta = new Float64Array(rows);
  if (m === n) for (let i = 0; i < n; i++) delta[i] = ybf[i]! - yfb[i]!;
  else {
    for (let i = 0; i < m; i++) delta[i] = ybf[i]! - yfb[i]!;
    for (let i = 0; i < m; i++) delta[m + i] = ybf[n - m + i]! - yfb[n - m + i]!;
  }
  const ic = lstsq('filtfilt', M, [delta])[0]!;
  const y = yfb;
  for (let i = 0; i < rows; i++) {
    let wic = 0;
    for (let k = 0; k < 2 * order; k++) wic += ic[k]! * W[i]![k]!;
    if (m === n) y[i] = y[i]! + wic;
    else if (i < m) y[i] = y[i]! + wic;
    else y[n - m + (i - m)] = y[n - m + (i - m)]! + wic;
  }
  return y;
}
