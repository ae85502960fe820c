import type { WindowSpec } from '../design/windows.js';
import type { DetrendType } from '../kernels/detrend.js';
import {
  binFrequencies,
  createSegmentSpectrum,
  doubleOnesided,
  processSegmentSpectrum,
  resolveDetrend,
  resolveFs,
  resolveSegments,
  segmentTimes,
  spectralScale,
  type SpectralOptions,
  type SpectralScaling,
} from '../kernels/spectral-segments.js';
import type { Lanes } from './signal-input.js';
import { extendSignal, type ExtensionType } from './signal-extension.js';

/** Options of {@link spectralHelper}: SciPy's `_spectral_helper` parameters. */
export interface SpectralHelperOptions extends Omit<SpectralOptions, 'detrend'> {
  detrend?: SpectralOptions['detrend'] | 'c' | 'l';
  returnOnesided?: boolean;
  scaling?: SpectralScaling;
  boundary?: ExtensionType | null;
  padded?: boolean;
}

/** Per-lane segment spectra, `[bins][segments]` row-major per lane. */
export interface SegmentSpectra {
  f: Float64Array;
  t: Float64Array;
  re: Float64Array[];
  im: Float64Array[];
  bins: number;
  segments: number;
  onesided: boolean;
  nperseg: number;
  noverlap: number;
}

/**
 * SciPy's `_spectral_helper` for one signal (`x is y`), lane by lane: `mode: 'psd'` gives the
 * scaled, one-sided-doubled periodogram of each segment (spectrogram), `'stft'` the spectra times
 * `sqrt(scale)` (stft, spectrogram's other modes).
 */
export function spectralHelper(
  fn: string,
  lanes: Lanes,
  options: SpectralHelperOptions,
  mode: 'psd' | 'stft',
  defaults: { window: WindowSpec; detrend: DetrendType; noverlap?: (nperseg: number) => number },
): SegmentSpectra {
  const fs = resolveFs(fn, options.fs);
  const detrend = resolveDetrend(fn, options.detrend, defaults.detrend);
  const scaling = options.scaling ?? 'density';
  const returnOnesided = options.returnOnesided ?? true;
  if (typeof returnOnesided !== 'boolean') throw new TypeError(`${fn}: returnOnesided must be a boolean, got ${String(returnOnesided)}`);
  const boundary = options.boundary ?? null;
  if (boundary !== null && boundary !== 'even' && boundary !== 'odd' && boundary !== 'constant' && boundary !== 'zeros') {
    throw new TypeError(`${fn}: unknown boundary option '${String(boundary)}', must be one of: even, odd, constant, zeros, null`);
  }
  const padded = options.padded ?? false;
  if (typeof padded !== 'boolean') throw new TypeError(`${fn}: padded must be a boolean, got ${String(padded)}`);
  const segOptions = { ...options };
  if (defaults.noverlap !== undefined && (options.noverlap === undefined || options.noverlap === null)) {
    // spectrogram: the default overlap depends on the triaged nperseg.
    const pre = resolveSegments(fn, { ...options, noverlap: 0 }, lanes.length, defaults.window);
    segOptions.nperseg = pre.nperseg;
    segOptions.noverlap = defaults.noverlap(pre.nperseg);
  }
  const seg = resolveSegments(fn, segOptions, lanes.length, defaults.window);
  let scale = spectralScale(fn, seg.window, fs, scaling);
  if (mode === 'stft') scale = Math.sqrt(scale);
  const onesided = returnOnesided && lanes.im === null;
  const spectrum = createSegmentSpectrum({ window: seg.window, nfft: seg.nfft, detrend, onesided });
  const bins = spectrum.bins;
  const re: Float64Array[] = [];
  const im: Float64Array[] = [];
  let segments = 0;
  let extendedLength = lanes.length;
  const sr = new Float64Array(bins);
  const si = new Float64Array(bins);
  for (let l = 0; l < lanes.re.length; l++) {
    let xr = lanes.re[l]!;
    let xi = lanes.im === null ? null : lanes.im[l]!;
    if (boundary !== null) {
      const n = Math.floor(seg.nperseg / 2);
      xr = extendSignal(fn, xr, n, boundary);
      if (xi !== null) xi = extendSignal(fn, xi, n, boundary);
    }
    if (padded) {
      const len = xr.length;
      const m = (((-(len - seg.nperseg)) % seg.step) + seg.step) % seg.step;
      const nadd = m % seg.nperseg;
      if (nadd > 0) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length + nadd);
          b.set(a);
          return b;
        };
        xr = grow(xr);
        if (xi !== null) xi = grow(xi);
      }
    }
    extendedLength = xr.length;
    segments = xr.length >= seg.nperseg ? Math.floor((xr.length - seg.noverlap) / seg.step) : 0;
    const outRe = new Float64Array(bins * segments);
    const outIm = new Float64Array(mode === 'stft' ? bins * segments : 0);
    for (let k = 0; k < segments; k++) {
      processSegmentSpectrum(spectrum, xr, k * seg.step, xi, k * seg.step, sr, si);
      if (mode === 'psd') {
        for (let b = 0; b < bins; b++) sr[b] = (sr[b]! * sr[b]! + si[b]! * si[b]!) * scale;
        if (onesided) doubleOnesided(sr, seg.nfft);
        for (let b = 0; b < bins; b++) outRe[b * segments + k] = sr[b]!;
      } else {
        for (let b = 0; b < bins; b++) {
          outRe[b * segments + k] = sr[b]! * scale;
          outIm[b * segments + k] = si[b]! * scale;
        }
      }
    }
    re.push(outRe);
    im.push(outIm);
  }
  return {
    f: binFrequencies(seg.nfft, 1 / fs, onesided),
    t: segmentTimes(extendedLength, seg.nperseg, seg.noverlap, fs, boundary !== null),
    re,
    im,
    bins,
    segments,
    onesided,
    nperseg: seg.nperseg,
    noverlap: seg.noverlap,
  };
}
