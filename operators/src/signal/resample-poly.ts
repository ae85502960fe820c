import { createResampleState, flushResample, processResample, resampleFlushLength, resampleOutputLength, type ResampleState } from '../kernels/resample.js';
import type { WindowName } from '../design/windows.js';
import { describeValue } from '../internal/chunks.js';
import { withContext } from '../internal/float-chunks.js';
import { signalOptions } from '../internal/options.js';
import { mapLanes, readSignal, type SignalInput, type SignalOutput } from '../internal/signal-array.js';
import { EXTENSION_MODES, extendLeft, extendRight, type ExtensionMode } from '../internal/upfirdn-extension.js';

/** `resamplePoly`'s `padtype`: an `upfirdn` extension mode, or a statistic subtracted before and added after. */
export type ResamplePadtype = ExtensionMode | 'mean' | 'median' | 'minimum' | 'maximum';

/** Options of {@link resamplePoly}. */
export interface ResamplePolyOptions {
  /** Axis to resample along (default 0, as SciPy's `resample_poly`). */
  readonly axis?: number;
  /** Anti-alias FIR: a window (default `['kaiser', 5]`) or the taps themselves. */
  readonly window?: WindowName | readonly [WindowName, number] | ArrayLike<number>;
  /** How the signal continues beyond its ends (default `'constant'`: zeros, or `cval`). */
  readonly padtype?: ResamplePadtype;
  /** The constant for `padtype: 'constant'` (default 0). */
  readonly cval?: number;
}

const STATISTICS = ['mean', 'median', 'minimum', 'maximum'] as const;

function statistic(kind: (typeof STATISTICS)[number], x: Float64Array): number {
  if (kind === 'mean') {
    let s = 0;
    for (const v of x) s += v;
    return s / x.length;
  }
  if (kind === 'minimum') return x.reduce((a, b) => Math.min(a, b), Infinity);
  if (kind === 'maximum') return x.reduce((a, b) => Math.max(a, b), -Infinity);
  const sorted = Float64Array.from(x).sort();
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** The whole resampled stream of `x` (process + flush), as the kernel computes it with zero padding. */
function resampleAll(state: ResampleState, x: Float64Array): Float64Array {
  const out = new Float64Array(resampleOutputLength(state, x.length) + 0);
  const written = processResample(state, x, out);
  const tail = new Float64Array(resampleFlushLength(state));
  flushResample(state, tail);
  const all = new Float64Array(written + tail.length);
  all.set(out.subarray(0, written));
  all.set(tail, written);
  return all;
}

/**
 * Resamples by `up / down` with a polyphase FIR filter, as `scipy.signal.resample_poly(x, up, down,
 * axis, window, padtype, cval)`.
 *
 * @remarks
 * The kernel of the streaming `resample` operator: SciPy's filter (`firwin(2 * half_len + 1, 1 /
 * max(up, down), window)` times `up`, `half_len = 10 * max(up, down)`) centred so the output is not
 * delayed, output length `ceil(n * up / down)`. `padtype` says how the signal continues past its
 * ends: `'constant'` (default; zeros or `cval`), the other `upfirdn` extension modes (`'edge'`,
 * `'symmetric'`, `'reflect'`, `'wrap'`, `'smooth'`, `'line'`, `'antisymmetric'`, `'antireflect'`),
 * or `'mean'`/`'median'`/`'minimum'`/`'maximum'` (that statistic is subtracted first and added back,
 * as SciPy does). Input 1-D or `[frames, channels]` (along `axis`, default frames); float32 kept.
 *
 * @param x - the signal
 * @param up - upsampling factor (positive integer)
 * @param down - downsampling factor (positive integer)
 * @param options - `axis`, `window`, `padtype`, `cval`
 * @returns the resampled signal
 * @throws TypeError/RangeError (naming `resamplePoly`) for bad factors or options
 * @example
 * ```ts
 * import { resamplePoly } from '@ringflow/operators/signal';
 * const y = resamplePoly(new Float32Array(44100), 160, 147); // 44.1 kHz -> 48 kHz: 48000 samples
 * ```
 */
export function resamplePoly<X extends SignalInput>(x: X, up: number, down: number, options?: ResamplePolyOptions): SignalOutput<X> {
  const opts = signalOptions('resamplePoly', options, ['axis', 'window', 'padtype', 'cval']);
  const padtype = opts.padtype ?? 'constant';
  const isStatistic = (STATISTICS as readonly string[]).includes(padtype);
  if (!isStatistic && !(EXTENSION_MODES as readonly string[]).includes(padtype)) {
    throw new TypeError(`resamplePoly: padtype must be one of ${[...STATISTICS, ...EXTENSION_MODES].join(', ')}, got ${describeValue(padtype)}`);
  }
  if (opts.cval !== undefined && padtype !== 'constant') throw new TypeError(`resamplePoly: cval has no effect when padtype is '${padtype}'`);
  const cval = opts.cval ?? 0;
  if (typeof cval !== 'number' || !Number.isFinite(cval)) throw new TypeError(`resamplePoly: cval must be a finite number, got ${describeValue(cval)}`);
  const make = (): ResampleState => withContext('resamplePoly', () => createResampleState(up, down, opts.window === undefined ? {} : { window: opts.window }));
  const probe = make();
  const sig = readSignal('resamplePoly', x, opts.axis ?? 0);
  const n = sig.length;
  const nOut = Math.ceil((n * probe.up) / probe.down);
  if (probe.up === 1 && probe.down === 1) return mapLanes<X>(sig, n, (lane) => lane);
  return mapLanes<X>(sig, nOut, (lane) => {
    if (n === 0) return new Float64Array(0);
    if (padtype === 'constant' && cval === 0) return resampleAll(make(), lane);
    if (isStatistic) {
      const bg = statistic(padtype as (typeof STATISTICS)[number], lane);
      const y = resampleAll(make(), lane.map((v) => v - bg));
      for (let i = 0; i < y.length; i++) y[i] = y[i]! + bg;
      return y;
    }
    // Extend by whole input samples on both sides (the left extension a multiple of `down`, so
    // output positions stay aligned), resample, and keep the outputs of the original samples.
    const reach = Math.ceil(probe.taps.length / probe.up) + 2;
    const left = Math.ceil(reach / probe.down) * probe.down;
    const ext = new Float64Array(left + n + reach);
    for (let i = 0; i < left; i++) ext[i] = extendLeft(lane, i - left, padtype as ExtensionMode, cval);
    ext.set(lane, left);
    for (let i = 0; i < reach; i++) ext[left + n + i] = extendRight(lane, n + i, padtype as ExtensionMode, cval);
    const y = resampleAll(make(), ext);
    const shift = (left / probe.down) * probe.up;
    return y.slice(shift, shift + nOut);
  });
}
