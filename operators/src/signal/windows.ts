import { dpss } from '../design/dpss.js';
import {
  barthann,
  bartlett,
  blackman,
  blackmanharris,
  bohman,
  boxcar,
  chebwin,
  cosine,
  exponential,
  flattop,
  gaussian,
  generalCosine,
  generalGaussian,
  generalHamming,
  getWindow,
  hamming,
  hann,
  kaiser,
  kaiserBesselDerived,
  lanczos,
  nuttall,
  parzen,
  taylor,
  triang,
  tukey,
} from '../design/windows.js';

/**
 * The window functions grouped as `scipy.signal.windows` groups them, so that
 * `signal.windows.hann(64)` ports unchanged.
 *
 * @remarks
 * The same functions as the top-level exports (`signal.hann === signal.windows.hann`), with SciPy's
 * signatures: symmetric by default (`{ sym: false }` for periodic), SciPy's camelCased names
 * (`general_gaussian` -> `generalGaussian`, `kaiser_bessel_derived` -> `kaiserBesselDerived`), and
 * `getWindow` (SciPy has `scipy.signal.windows.get_window` too). A frozen object.
 *
 * @example
 * ```ts
 * import * as signal from '@ringflow/operators/signal';
 * const w = signal.windows.hann(64);                    // scipy.signal.windows.hann(64)
 * const t = signal.windows.tukey(64, { alpha: 0.25 });  // scipy.signal.windows.tukey(64, 0.25)
 * const d = signal.windows.dpss(512, 2.5, { kmax: 3 }); // scipy.signal.windows.dpss(512, 2.5, 3)
 * ```
 */
export const windows = Object.freeze({
  barthann,
  bartlett,
  blackman,
  blackmanharris,
  bohman,
  boxcar,
  chebwin,
  cosine,
  dpss,
  exponential,
  flattop,
  gaussian,
  generalCosine,
  generalGaussian,
  generalHamming,
  getWindow,
  hamming,
  hann,
  kaiser,
  kaiserBesselDerived,
  lanczos,
  nuttall,
  parzen,
  taylor,
  triang,
  tukey,
});
