/**
 * Ports of SciPy's `_peak_finding_utils.pyx` (`_local_maxima_1d`, `_select_by_peak_distance`,
 * `_peak_prominences`, `_peak_widths`) and of numpy's default `argsort` (introsort), whose order of
 * equal elements `_select_by_peak_distance` depends on. Shared by `findPeaks`, `peakProminences`
 * and `peakWidths`.
 */

/** Local maxima (plateaus included) of `x`: midpoints (rounded down) and plateau edges. */
export function localMaxima1d(x: Float64Array): { midpoints: Int32Array; leftEdges: Int32Array; rightEdges: Int32Array } {
  const cap = Math.floor(x.length / 2);
  const midpoints = new Int32Array(cap);
  const leftEdges = new Int32Array(cap);
  const rightEdges = new Int32Array(cap);
  let m = 0;
  let i = 1;
  const iMax = x.length - 1;
  while (i < iMax) {
    if (x[i - 1]! < x[i]!) {
      let ahead = i + 1;
      while (ahead < iMax && x[ahead] === x[i]) ahead++;
      if (x[ahead]! < x[i]!) {
        leftEdges[m] = i;
        rightEdges[m] = ahead - 1;
        midpoints[m] = Math.floor((i + ahead - 1) / 2);
        m++;
        i = ahead;
      }
    }
    i++;
  }
  return { midpoints: midpoints.slice(0, m), leftEdges: leftEdges.slice(0, m), rightEdges: rightEdges.slice(0, m) };
}

/** numpy's DOUBLE_LT: `a < b`, NaN sorted last. */
const lt = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** One sift-down of numpy's `aheapsort_` over the 1-based heap `tosort[start .. start + n)`, from `i`. */
function siftDown(v: Float64Array, tosort: Int32Array, start: number, i: number, n: number, tmp: number): void {
  const a = start - 1;
  let j = i << 1;
  while (j <= n) {
    if (j < n && lt(v[tosort[a + j]!]!, v[tosort[a + j + 1]!]!)) j += 1;
    if (!lt(v[tmp]!, v[tosort[a + j]!]!)) break;
    tosort[a + i] = tosort[a + j]!;
    i = j;
    j += j;
  }
  tosort[a + i] = tmp;
}

/** numpy 1.24's `aheapsort_` (the introsort fallback) on `tosort[start .. start + n)`. */
function aheapsort(v: Float64Array, tosort: Int32Array, start: number, n: number): void {
  const a = start - 1;
  for (let l = n >> 1; l > 0; --l) siftDown(v, tosort, start, l, n, tosort[a + l]!);
  for (; n > 1; ) {
    const tmp = tosort[a + n]!;
    tosort[a + n] = tosort[a + 1]!;
    n -= 1;
    siftDown(v, tosort, start, 1, n, tmp);
  }
}

/**
 * `numpy.argsort(v)` with the default `kind='quicksort'` (numpy 1.24's `aquicksort_`: median-of-3
 * introsort, insertion sort below 16 elements, heapsort past the depth limit), so that ties come
 * out in numpy's order.
 */
export function argsortLikeNumpy(v: Float64Array): Int32Array {
  const num = v.length;
  const tosort = new Int32Array(num);
  for (let i = 0; i < num; i++) tosort[i] = i;
  if (num < 2) return tosort;
  const SMALL_QUICKSORT = 15;
  const stack: number[] = [];
  const depthStack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = 0;
  for (let u = num; (u >>= 1) > 0; ) cdepth++;
  cdepth *= 2;
  const swap = (p: number, q: number): void => {
    const t = tosort[p]!;
    tosort[p] = tosort[q]!;
    tosort[q] = t;
  };
  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, tosort, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (lt(v[tosort[pm]!]!, v[tosort[pl]!]!)) swap(pm, pl);
        if (lt(v[tosort[pr]!]!, v[tosort[pm]!]!)) swap(pr, pm);
        if (lt(v[tosort[pm]!]!, v[tosort[pl]!]!)) swap(pm, pl);
        const vp = v[tosort[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (lt(v[tosort[pi]!]!, vp));
          do --pj;
          while (lt(vp, v[tosort[pj]!]!));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        const pk = pr - 1;
        swap(pi, pk);
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depthStack.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = tosort[pi]!;
        const vp = v[vi]!;
        let pj = pi;
        let pk = pi - 1;
        while (pj > pl && lt(vp, v[tosort[pk]!]!)) tosort[pj--] = tosort[pk--]!;
        tosort[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depthStack.pop()!;
  }
  return tosort;
}

/** Which peaks survive the distance condition: higher peaks first remove neighbours closer than `distance`. */
export function selectByPeakDistance(peaks: Int32Array, priority: Float64Array, distance: number): Uint8Array {
  const n = peaks.length;
  const d = Math.ceil(distance);
  const keep = new Uint8Array(n).fill(1);
  const order = argsortLikeNumpy(priority);
  for (let i = n - 1; i >= 0; i--) {
    const j = order[i]!;
    if (keep[j] === 0) continue;
    for (let k = j - 1; k >= 0 && peaks[j]! - peaks[k]! < d; k--) keep[k] = 0;
    for (let k = j + 1; k < n && peaks[k]! - peaks[j]! < d; k++) keep[k] = 0;
  }
  return keep;
}

/** Prominences and bases of `peaks` (`wlen < 2`: the whole signal). */
export function peakProminencesCore(
  fn: string,
  x: Float64Array,
  peaks: Int32Array,
  wlen: number,
): { prominences: Float64Array; leftBases: Int32Array; rightBases: Int32Array } {
  const n = peaks.length;
  const prominences = new Float64Array(n);
  const leftBases = new Int32Array(n);
  const rightBases = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const peak = peaks[p]!;
    let iMin = 0;
    let iMax = x.length - 1;
    if (!(iMin <= peak && peak <= iMax)) throw new RangeError(`${fn}: peak ${peak} is not a valid index for x (${x.length} samples)`);
    if (wlen >= 2) {
      iMin = Math.max(peak - Math.floor(wlen / 2), iMin);
      iMax = Math.min(peak + Math.floor(wlen / 2), iMax);
    }
    let i = peak;
    leftBases[p] = peak;
    let leftMin = x[peak]!;
    while (iMin <= i && x[i]! <= x[peak]!) {
      if (x[i]! < leftMin) {
        leftMin = x[i]!;
        leftBases[p] = i;
      }
      i--;
    }
    i = peak;
    rightBases[p] = peak;
    let rightMin = x[peak]!;
    while (i <= iMax && x[i]! <= x[peak]!) {
      if (x[i]! < rightMin) {
        rightMin = x[i]!;
        rightBases[p] = i;
      }
      i++;
    }
    prominences[p] = x[peak]! - Math.max(leftMin, rightMin);
  }
  return { prominences, leftBases, rightBases };
}

/** Widths of `peaks` at `relHeight` of their prominence, with the interpolated crossing points. */
export function peakWidthsCore(
  fn: string,
  x: Float64Array,
  peaks: Int32Array,
  relHeight: number,
  prominences: Float64Array,
  leftBases: Int32Array,
  rightBases: Int32Array,
): { widths: Float64Array; widthHeights: Float64Array; leftIps: Float64Array; rightIps: Float64Array } {
  if (!(relHeight >= 0)) throw new RangeError(`${fn}: relHeight must be greater or equal to 0.0, got ${relHeight}`);
  const n = peaks.length;
  if (!(n === prominences.length && n === leftBases.length && n === rightBases.length)) {
    throw new RangeError(`${fn}: arrays in prominenceData must have the same shape as peaks`);
  }
  const widths = new Float64Array(n);
  const widthHeights = new Float64Array(n);
  const leftIps = new Float64Array(n);
  const rightIps = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const iMin = leftBases[p]!;
    const iMax = rightBases[p]!;
    const peak = peaks[p]!;
    if (!(0 <= iMin && iMin <= peak && peak <= iMax && iMax < x.length)) {
      throw new RangeError(`${fn}: prominence data is invalid for peak ${peak}`);
    }
    const height = x[peak]! - prominences[p]! * relHeight;
    widthHeights[p] = height;
    let i = peak;
    while (iMin < i && height < x[i]!) i--;
    let leftIp = i;
    // (SciPy >= 1.13 skips the interpolation where it would divide by zero; 1.10 raised.)
    if (x[i]! < height && x[i + 1] !== x[i]) leftIp += (height - x[i]!) / (x[i + 1]! - x[i]!);
    i = peak;
    while (i < iMax && height < x[i]!) i++;
    let rightIp = i;
    if (x[i]! < height && x[i - 1] !== x[i]) rightIp -= (height - x[i]!) / (x[i - 1]! - x[i]!);
    widths[p] = rightIp - leftIp;
    leftIps[p] = leftIp;
    rightIps[p] = rightIp;
  }
  return { widths, widthHeights, leftIps, rightIps };
}
