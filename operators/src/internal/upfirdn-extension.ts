// SciPy's signal extension modes of upfirdn (scipy/signal/_upfirdn_apply.pyx: _extend_left and
// _extend_right), used by resamplePoly's padtype.

/** The extension modes of `upfirdn` that `resample_poly`'s `padtype` accepts. */
export type ExtensionMode = 'constant' | 'symmetric' | 'edge' | 'smooth' | 'wrap' | 'reflect' | 'antisymmetric' | 'antireflect' | 'line';

export const EXTENSION_MODES: readonly ExtensionMode[] = ['constant', 'symmetric', 'edge', 'smooth', 'wrap', 'reflect', 'antisymmetric', 'antireflect', 'line'];

const mod = (a: number, b: number): number => ((a % b) + b) % b;

/** The value of the extended signal at `idx < 0`. */
export function extendLeft(x: Float64Array, idx: number, mode: ExtensionMode, cval: number): number {
  const n = x.length;
  switch (mode) {
    case 'symmetric': {
      if (-idx < n) return x[-idx - 1]!;
      const i = mod(-idx - 1, 2 * n);
      return i < n ? x[i]! : x[n - 1 - (i - n)]!;
    }
    case 'reflect': {
      if (-idx < n - 1) return x[-idx]!;
      const i = mod(-idx - 1, 2 * (n - 1));
      return i < n - 1 ? x[i + 1]! : x[n - 2 - (i - (n - 1))]!;
    }
    case 'wrap': {
      const i = mod(-idx - 1, n);
      return x[n - i - 1]!;
    }
    case 'smooth':
      return x[0]! + idx * (x[1]! - x[0]!);
    case 'line':
      return x[0]! + idx * ((x[n - 1]! - x[0]!) / (n - 1));
    case 'antisymmetric': {
      if (-idx < n) return -x[-idx - 1]!;
      const i = mod(-idx - 1, 2 * n);
      return i < n ? -x[i]! : x[n - 1 - (i - n)]!;
    }
    case 'antireflect': {
      if (-idx < n) return x[0]! - (x[-idx]! - x[0]!);
      const le = x[0]! + (x[0]! - x[n - 1]!) * Math.floor((-idx - 1) / (n - 1));
      const i = mod(-idx - 1, 2 * (n - 1));
      return i < n - 1 ? le - (x[i + 1]! - x[0]!) : le - (x[n - 1]! - x[n - 2 - (i - (n - 1))]!);
    }
    case 'edge':
      return x[0]!;
    case 'constant':
      return cval;
  }
}

/** The value of the extended signal at `idx >= x.length`. */
export function extendRight(x: Float64Array, idx: number, mode: ExtensionMode, cval: number): number {
  const n = x.length;
  switch (mode) {
    case 'symmetric': {
      if (idx < 2 * n) return x[n - 1 - (idx - n)]!;
      const i = idx % (2 * n);
      return i < n ? x[i]! : x[n - 1 - (i - n)]!;
    }
    case 'reflect': {
      if (idx < 2 * n - 1) return x[n - 2 - (idx - n)]!;
      const i = idx % (2 * (n - 1));
      return i < n - 1 ? x[i]! : x[n - 1 - (i - (n - 1))]!;
    }
    case 'wrap':
      return x[idx % n]!;
    case 'smooth':
      return x[n - 1]! + (idx - n + 1) * (x[n - 1]! - x[n - 2]!);
    case 'line':
      return x[n - 1]! + (idx - n + 1) * ((x[n - 1]! - x[0]!) / (n - 1));
    case 'edge':
      return x[n - 1]!;
    case 'antisymmetric': {
      if (idx < 2 * n) return -x[n - 1 - (idx - n)]!;
      const i = idx % (2 * n);
      return i < n ? x[i]! : -x[n - 1 - (i - n)]!;
    }
    case 'antireflect': {
      if (idx < 2 * n - 1) return x[n - 1]! - (x[n - 2 - (idx - n)]! - x[n - 1]!);
      const re = x[n - 1]! + (x[n - 1]! - x[0]!) * (Math.floor(idx / (n - 1)) - 1);
      const i = idx % (2 * (n - 1));
      return i < n - 1 ? re + (x[i]! - x[0]!) : re + (x[n - 1]! - x[n - 1 - (i - (n - 1))]!);
    }
    case 'constant':
      return cval;
  }
}
